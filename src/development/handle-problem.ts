import { eq } from 'drizzle-orm';
import type { Db } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import type { Actor } from '../platform/auth/actor';
import { AppError } from '../platform/http/app-error';
import { recordAudit } from '../platform/audit/record-audit';
import { enqueueMail } from '../platform/mail/enqueue-mail';
import { findPersonById } from '../people/find-people';
import { recordClockEvent } from '../service-levels/record-clock-event';
import { getCourseRevision } from '../catalog/read-course-revisions';
import { findCourses } from '../catalog/sessions-for-enrolment';
import { problemKindLabels } from './development-values';
import type { ProblemReportView } from './problem-schemas';
import { isDevelopmentStaff } from './project-access';
import { findVisibleProblem, getProblemReport, type ProblemRow } from './read-problem-reports';
import { problemReports } from './schema';
import type { DbOrTx } from '../platform/db/database';

// The unit's side of a problem report (DV-4): triage to who answers, the answer to the reporter
// (mailed and shown to them; it stops the charter's clock), the fix as a course revision.

async function handled(db: Db, clock: Clock, actor: Actor, id: string, change: (tx: DbOrTx, row: ProblemRow, now: Date) => Promise<void>): Promise<ProblemReportView> {
  if (!isDevelopmentStaff(actor)) throw AppError.forbidden('Only the unit’s staff handle problem reports.');
  const now = clock.now();
  return db.transaction(async (tx) => {
    const row = await findVisibleProblem(tx, actor, id, true);
    await change(tx, row, now);
    return getProblemReport(tx, actor, id, now);
  });
}

async function mailReporter(tx: DbOrTx, publicUrl: string, row: ProblemRow, subject: string, body: string, key: string): Promise<void> {
  const reporter = await findPersonById(tx, row.reporterId);
  if (!reporter?.active) return;
  const course = (await findCourses(tx, [row.courseId])).get(row.courseId);
  await enqueueMail(tx, {
    to: { email: reporter.email, name: reporter.name },
    subject: `${subject} — ${course?.title ?? 'your course'}`,
    body: `Hello ${reporter.name},\n\n${body}\n\nWhat you reported (${problemKindLabels[row.kind].toLowerCase()}):\n${row.description}`,
    links: [{ label: 'See your report', url: `${publicUrl}/problem-reports/${row.id}` }],
    idempotencyKey: `problem-report:${row.id}:${key}`,
  });
}

export function triageProblem(db: Db, clock: Clock, actor: Actor, id: string, ownerId: string): Promise<ProblemReportView> {
  return handled(db, clock, actor, id, async (tx, row, now) => {
    if (row.state === 'fixed' || row.state === 'closed') throw new AppError('conflict', 'This report is already settled.');
    const owner = await findPersonById(tx, ownerId);
    if (!owner?.active) throw AppError.invalid([{ field: 'ownerId', message: 'Choose an active person to answer it.' }]);
    await tx.update(problemReports).set({ ownerId, state: row.state === 'received' ? 'triaged' : row.state }).where(eq(problemReports.id, id));
    await recordClockEvent(tx, clock, { type: 'problem-report.triaged', subject: { type: 'problem-report', id }, at: now, ownerId });
    await recordAudit(tx, { actorId: actor.id, action: 'problem_report.triaged', entity: 'problem_report', entityId: id, before: { ownerId: row.ownerId }, after: { ownerId } });
  });
}

export function answerProblem(db: Db, clock: Clock, publicUrl: string, actor: Actor, id: string, answer: string): Promise<ProblemReportView> {
  return handled(db, clock, actor, id, async (tx, row, now) => {
    if (row.state === 'fixed' || row.state === 'closed') throw new AppError('conflict', 'This report is already settled.');
    await tx.update(problemReports).set({ answer, answeredBy: actor.id, answeredAt: now, state: 'answered', ownerId: row.ownerId ?? actor.id }).where(eq(problemReports.id, id));
    // The first answer stops the clock; a later one only updates what the reporter reads.
    if (!row.answeredAt) await recordClockEvent(tx, clock, { type: 'problem-report.answered', subject: { type: 'problem-report', id }, at: now });
    await mailReporter(tx, publicUrl, row, 'An answer to your report', answer, `answered:${now.getTime()}`);
    await recordAudit(tx, { actorId: actor.id, action: 'problem_report.answered', entity: 'problem_report', entityId: id, before: { state: row.state }, after: { state: 'answered' } });
  });
}

export function fixProblem(db: Db, clock: Clock, publicUrl: string, actor: Actor, id: string, input: { revision: number; note: string }): Promise<ProblemReportView> {
  return handled(db, clock, actor, id, async (tx, row, now) => {
    if (!row.answeredAt) throw new AppError('conflict', 'Answer the reporter first: they hear what will be fixed before it is.');
    if (row.state === 'fixed' || row.state === 'closed') throw new AppError('conflict', 'This report is already settled.');
    await getCourseRevision(tx, actor, row.courseId, input.revision).catch(() => {
      throw AppError.invalid([{ field: 'revision', message: `The course has no revision ${input.revision}; save the correction in the catalog, then give its revision.` }]);
    });
    await tx.update(problemReports).set({ state: 'fixed', fixedRevision: input.revision, fixNote: input.note || null, fixedAt: now }).where(eq(problemReports.id, id));
    await mailReporter(tx, publicUrl, row, 'Fixed: what you reported', `The course is corrected in its revision ${input.revision}.${input.note ? `\n\n${input.note}` : ''}\n\nThank you for telling us.`, 'fixed');
    await recordAudit(tx, { actorId: actor.id, action: 'problem_report.fixed', entity: 'problem_report', entityId: id, before: { state: row.state }, after: { state: 'fixed', revision: input.revision } });
  });
}
