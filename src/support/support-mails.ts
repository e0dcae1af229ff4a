import { eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../platform/db/database';
import { enqueueMail } from '../platform/mail/enqueue-mail';
import { people } from '../people/schema';
import { courses, courseSessions } from '../catalog/schema';
import { enrolments } from '../enrolment/schema';
import type { SupportOption } from './support-values';
import { supportOptionText } from './support-options';
import { supportCases } from './schema';

// The decision on a support case (AF-5), mailed to the learner and to their supervisor in plain
// words: what the unit chose, why, and what happens next. Queued in the decision's transaction,
// keyed per case and decision event: a retry sends once, a changed decision sends anew. The
// outbox adds the unit's contact details under every message.

const learner = alias(people, 'learner');
const supervisor = alias(people, 'supervisor');

export async function mailSupportDecision(tx: DbOrTx, publicUrl: string, caseId: string, eventId: number, decision: { option: SupportOption; reason: string; changed: boolean }): Promise<void> {
  const [row] = await tx
    .select({ learnerName: learner.name, learnerEmail: learner.email, supervisorName: supervisor.name, supervisorEmail: supervisor.email, supervisorActive: supervisor.active, courseTitle: courses.title })
    .from(supportCases)
    .innerJoin(enrolments, eq(enrolments.id, supportCases.enrolmentId))
    .innerJoin(learner, eq(learner.id, enrolments.personId))
    .leftJoin(supervisor, eq(supervisor.id, learner.managerId))
    .leftJoin(courseSessions, eq(courseSessions.id, enrolments.sessionId))
    .innerJoin(courses, eq(courses.id, sql`coalesce(${enrolments.courseId}, ${courseSessions.courseId})`))
    .where(eq(supportCases.id, caseId));
  if (!row) return;
  const option = supportOptionText[decision.option];
  const link = { label: 'See the support case', url: `${publicUrl}/support/${caseId}` };
  const what = `${decision.changed ? 'The training unit has changed its decision' : 'The training unit has decided'} on the support for the objectives of ${row.courseTitle} reported as not yet met.`;
  const core = `Decision: ${option.label}.\n\nWhy:\n${decision.reason}\n\nWhat happens next: ${option.next}\n\nQuestions or a different view? Reply to the training unit; its contact details are below.`;
  await enqueueMail(tx, {
    to: { email: row.learnerEmail, name: row.learnerName },
    subject: `Support after ${row.courseTitle}: ${option.label}`,
    body: `Hello ${row.learnerName},\n\n${what}\n\n${core}`,
    links: [link],
    idempotencyKey: `support-case:${caseId}:decided:${eventId}:learner`,
  });
  if (row.supervisorEmail && row.supervisorActive) {
    await enqueueMail(tx, {
      to: { email: row.supervisorEmail, name: row.supervisorName ?? undefined },
      subject: `Support for ${row.learnerName} after ${row.courseTitle}: ${option.label}`,
      body: `Hello ${row.supervisorName},\n\n${what.replace('the objectives', `${row.learnerName}’s objectives`)}\n\n${core}`,
      links: [link],
      idempotencyKey: `support-case:${caseId}:decided:${eventId}:supervisor`,
    });
  }
}
