import { desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Actor } from '../platform/auth/actor';
import type { DbOrTx } from '../platform/db/database';
import { courseSessions, courses } from '../catalog/schema';
import { enrolments } from '../enrolment/schema';
import { people } from '../people/schema';
import type { MyFollowUpsView } from './follow-up-schemas';
import { stateOf } from './follow-up-form';
import { followUps } from './schema';

const learner = alias(people, 'learner');

/** The follow-ups I am asked to answer (as learner or supervisor), newest first: a door to the form without the mailed link. */
export async function listMyFollowUps(db: DbOrTx, actor: Actor, now: Date): Promise<MyFollowUpsView> {
  const rows = await db
    .select({ f: followUps, code: courses.code, title: courses.title, learnerName: learner.name })
    .from(followUps)
    .innerJoin(enrolments, eq(enrolments.id, followUps.enrolmentId))
    .leftJoin(courseSessions, eq(courseSessions.id, enrolments.sessionId))
    .innerJoin(courses, sql`${courses.id} = coalesce(${enrolments.courseId}, ${courseSessions.courseId})`)
    .innerJoin(learner, eq(learner.id, enrolments.personId))
    .where(eq(followUps.respondentId, actor.id))
    .orderBy(desc(followUps.openedAt))
    .limit(200);
  return rows.map(({ f, code, title, learnerName }) => ({
    id: f.id,
    role: f.respondentRole,
    state: stateOf(f, now),
    course: { code, title },
    learnerName,
    openedAt: f.openedAt.toISOString(),
    closesAt: f.closesAt.toISOString(),
    answeredAt: f.answeredAt?.toISOString() ?? null,
  }));
}
