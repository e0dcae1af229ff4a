import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Actor } from '../platform/auth/actor';
import type { DbOrTx } from '../platform/db/database';
import { AppError } from '../platform/http/app-error';
import { people } from '../people/schema';
import { isInManagementChain } from '../people/find-people';
import { courseObjectives, courses, courseSessions } from '../catalog/schema';
import { enrolments } from '../enrolment/schema';
import { followUpAnswers, followUps } from '../follow-up/schema';
import type { SupportCaseView } from './support-schemas';
import { worksSupport } from './support-staff';
import { supportCaseEvents, supportCases } from './schema';

// One support case as its page shows it (AF-5). Read-only joins across the enrolment, catalog and
// follow-up tables, kept in this file (like enrolment/enrolment-people.ts): a case is one query's
// worth of context, not a dozen look-ups. The unit's staff see everything; the learner and anyone
// above them in the org chart read their own case without the unit's internal notes and without
// the follow-up answers behind it (a supervisor's rating is theirs to share, not the case's).

const learner = alias(people, 'learner');
const supervisor = alias(people, 'supervisor');

export type SupportCaseRow = typeof supportCases.$inferSelect;

export const caseNotFound = () => AppError.notFound('This support case');

/** The case and the enrolment's learner, or undefined. `lock`: FOR UPDATE on the case, for writes. */
export async function findSupportCase(tx: DbOrTx, id: string, lock = false): Promise<(SupportCaseRow & { personId: string }) | undefined> {
  const query = tx.select({ c: supportCases, personId: enrolments.personId }).from(supportCases).innerJoin(enrolments, eq(enrolments.id, supportCases.enrolmentId)).where(eq(supportCases.id, id));
  const [row] = lock ? await query.for('update', { of: supportCases }) : await query;
  return row ? { ...row.c, personId: row.personId } : undefined;
}

/** Staff, the learner, or someone above the learner in the org chart; anyone else finds nothing. */
export async function mayRead(tx: DbOrTx, actor: Actor, personId: string): Promise<boolean> {
  return worksSupport(actor) || actor.id === personId || (await isInManagementChain(tx, actor.id, personId));
}

export async function getSupportCase(db: DbOrTx, actor: Actor, id: string): Promise<SupportCaseView> {
  const found = await findSupportCase(db, id);
  if (!found || !(await mayRead(db, actor, found.personId))) throw caseNotFound();
  return supportCaseView(db, id, worksSupport(actor));
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function supportCaseView(tx: DbOrTx, id: string, staff: boolean): Promise<SupportCaseView> {
  const [row] = await tx
    .select({
      c: supportCases,
      learnerId: learner.id,
      learnerName: learner.name,
      supervisorId: supervisor.id,
      supervisorName: supervisor.name,
      completedAt: enrolments.completedAt,
      courseId: courses.id,
      courseCode: courses.code,
      courseTitle: courses.title,
      startsAt: courseSessions.startsAt,
      endsAt: courseSessions.endsAt,
      timeZone: courseSessions.timeZone,
    })
    .from(supportCases)
    .innerJoin(enrolments, eq(enrolments.id, supportCases.enrolmentId))
    .innerJoin(learner, eq(learner.id, enrolments.personId))
    .leftJoin(supervisor, eq(supervisor.id, learner.managerId))
    .leftJoin(courseSessions, eq(courseSessions.id, enrolments.sessionId))
    .innerJoin(courses, sql`${courses.id} = coalesce(${enrolments.courseId}, ${courseSessions.courseId})`)
    .where(eq(supportCases.id, id));
  if (!row) throw caseNotFound();
  const c = row.c;
  const objectives = await tx.select({ id: courseObjectives.id, text: courseObjectives.text }).from(courseObjectives).where(inArray(courseObjectives.id, c.objectiveIds)).orderBy(asc(courseObjectives.position));
  const reports = staff
    ? await tx
        .select({ objectiveId: followUpAnswers.objectiveId, by: followUps.respondentRole, rating: followUpAnswers.rating, example: followUpAnswers.example })
        .from(followUpAnswers)
        .innerJoin(followUps, eq(followUps.id, followUpAnswers.followUpId))
        .where(and(eq(followUps.enrolmentId, c.enrolmentId), isNotNull(followUps.answeredAt), inArray(followUpAnswers.objectiveId, c.objectiveIds)))
        .orderBy(asc(followUps.respondentRole))
    : [];
  const events = await tx.select().from(supportCaseEvents).where(eq(supportCaseEvents.caseId, id)).orderBy(asc(supportCaseEvents.id));
  const shown = staff ? events : events.filter((e) => e.type !== 'note');
  const names = await namesOf(tx, [c.ownerId, c.decidedBy, c.closedBy, ...shown.map((e) => e.actorId)]);
  const ref = (personId: string | null) => (personId ? { id: personId, name: names.get(personId) ?? 'Someone' } : null);
  return {
    id: c.id,
    state: c.state,
    origin: c.origin,
    enrolmentId: c.enrolmentId,
    learner: { id: row.learnerId, name: row.learnerName },
    supervisor: row.supervisorId ? { id: row.supervisorId, name: row.supervisorName! } : null,
    course: { id: row.courseId, code: row.courseCode, title: row.courseTitle },
    session: row.startsAt ? { startsAt: row.startsAt.toISOString(), endsAt: row.endsAt!.toISOString(), timeZone: row.timeZone! } : null,
    completedAt: iso(row.completedAt),
    objectives: objectives.map((o) => ({ id: o.id, text: o.text, reports: reports.filter((r) => r.objectiveId === o.id).map(({ by, rating, example }) => ({ by, rating, example })) })),
    owner: ref(c.ownerId),
    decision: c.decision,
    decisionReason: c.decisionReason,
    decidedBy: ref(c.decidedBy),
    decidedAt: iso(c.decidedAt),
    request: requestOf(events),
    outcome: c.outcome,
    closedBy: ref(c.closedBy),
    closedAt: iso(c.closedAt),
    openedAt: c.openedAt.toISOString(),
    events: shown.map((e) => ({ id: e.id, type: e.type, actor: ref(e.actorId), note: e.note, details: e.details, at: e.at.toISOString() })),
    canManage: staff,
  };
}

/** The request the latest 'diagnosis' decision opened, from the case's history (decide-support-case.ts writes it). */
function requestOf(events: { type: string; details: Record<string, unknown> }[]): { id: string; reference: string } | null {
  const referred = events.filter((e) => e.type === 'decided' && e.details.request).at(-1);
  return (referred?.details.request as { id: string; reference: string } | undefined) ?? null;
}

async function namesOf(tx: DbOrTx, ids: (string | null)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((x): x is string => !!x))];
  if (!unique.length) return new Map();
  const rows = await tx.select({ id: people.id, name: people.name }).from(people).where(inArray(people.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}
