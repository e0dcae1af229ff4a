import { and, asc, count, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Actor } from '../platform/auth/actor';
import type { Db } from '../platform/db/database';
import { people } from '../people/schema';
import { courseObjectives, courses, courseSessions } from '../catalog/schema';
import { enrolments } from '../enrolment/schema';
import { supportCaseStates } from './support-values';
import type { SupportQueueQuery, SupportQueueView } from './support-schemas';
import { supportCases } from './schema';

// The unit's support queue (AF-5): every case, oldest open first, filtered by state, owner and
// course, a page at a time, with the counts per state for the board. Staff only (the route says).

const owner = alias(people, 'owner');
const courseOf = sql`coalesce(${enrolments.courseId}, ${courseSessions.courseId})`;

export async function listSupportCases(db: Db, actor: Actor, query: SupportQueueQuery, now: Date): Promise<SupportQueueView> {
  const filters: SQL[] = [];
  if (query.owner === 'me') filters.push(eq(supportCases.ownerId, actor.id));
  if (query.owner === 'nobody') filters.push(isNull(supportCases.ownerId));
  if (query.courseId) filters.push(sql`${courseOf} = ${query.courseId}`);
  const base = () => db.select({ state: supportCases.state, n: count() }).from(supportCases).innerJoin(enrolments, eq(enrolments.id, supportCases.enrolmentId)).leftJoin(courseSessions, eq(courseSessions.id, enrolments.sessionId));
  const countRows = await base().where(filters.length ? and(...filters) : undefined).groupBy(supportCases.state);
  const counts = Object.fromEntries(supportCaseStates.map((s) => [s, Number(countRows.find((r) => r.state === s)?.n ?? 0)])) as SupportQueueView['counts'];
  const where = and(...filters, query.state ? eq(supportCases.state, query.state) : undefined);
  const total = query.state ? counts[query.state] : counts.open + counts.in_progress + counts.closed;
  const rows = await db
    .select({
      c: supportCases,
      learnerName: people.name,
      learnerId: people.id,
      courseId: courses.id,
      courseCode: courses.code,
      courseTitle: courses.title,
      startsAt: courseSessions.startsAt,
      ownerName: owner.name,
    })
    .from(supportCases)
    .innerJoin(enrolments, eq(enrolments.id, supportCases.enrolmentId))
    .innerJoin(people, eq(people.id, enrolments.personId))
    .leftJoin(courseSessions, eq(courseSessions.id, enrolments.sessionId))
    .innerJoin(courses, sql`${courses.id} = ${courseOf}`)
    .leftJoin(owner, eq(owner.id, supportCases.ownerId))
    // Closed cases last; among the rest, the longest waiting first.
    .where(where)
    .orderBy(sql`${supportCases.state} = 'closed'`, asc(supportCases.openedAt), desc(supportCases.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const objectiveIds = [...new Set(rows.flatMap((r) => r.c.objectiveIds))];
  const objectives = objectiveIds.length ? await db.select({ id: courseObjectives.id, text: courseObjectives.text }).from(courseObjectives).where(inArray(courseObjectives.id, objectiveIds)) : [];
  const textOf = new Map(objectives.map((o) => [o.id, o.text]));
  return {
    items: rows.map((r) => ({
      id: r.c.id,
      state: r.c.state,
      origin: r.c.origin,
      learner: { id: r.learnerId, name: r.learnerName },
      course: { id: r.courseId, code: r.courseCode, title: r.courseTitle },
      sessionStartsAt: r.startsAt ? r.startsAt.toISOString() : null,
      objectivesNotMet: r.c.objectiveIds.map((id) => textOf.get(id) ?? 'An objective since removed from the course'),
      openedAt: r.c.openedAt.toISOString(),
      ageDays: Math.max(0, Math.floor(((r.c.closedAt ?? now).getTime() - r.c.openedAt.getTime()) / 86_400_000)),
      owner: r.c.ownerId ? { id: r.c.ownerId, name: r.ownerName ?? 'Someone' } : null,
      decision: r.c.decision,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
    counts,
  };
}
