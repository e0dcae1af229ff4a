import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor';
import type { DbOrTx } from '../platform/db/database';
import { AppError } from '../platform/http/app-error';
import { courseSessions } from '../catalog/schema';
import { runsEnrolments } from '../enrolment/enrolment-staff';

// Who reads the effectiveness of a course or session (AF-7): the people who run enrolments
// (coordinators, the unit lead, admins: enrolment-staff.ts) read every course and session; an
// instructor reads their own sessions, and a course only as the sum of the sessions they taught
// (scope "instructor") — another instructor's results are not theirs to compare against. Everyone
// else, learners and supervisors included, is refused: the figures are about the course, and
// learners and supervisors give them, they do not read them.

export const effectivenessStaffMessage = 'A course’s effectiveness is for the training unit’s coordinators and, for their own sessions, its instructors.';

export function readsAllEffectiveness(actor: Actor): boolean {
  return runsEnrolments(actor);
}

/** Null for staff (the whole course); the actor's id when they taught a session of it; otherwise 403. */
export async function courseScopeFor(db: DbOrTx, actor: Actor, courseId: string): Promise<string | undefined> {
  if (readsAllEffectiveness(actor)) return undefined;
  const [taught] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(courseSessions)
    .where(and(eq(courseSessions.courseId, courseId), eq(courseSessions.instructorId, actor.id)));
  if (!taught || Number(taught.n) === 0) throw AppError.forbidden(effectivenessStaffMessage);
  return actor.id;
}

export function maySeeSession(actor: Actor, session: { instructorId: string | null }): void {
  if (!readsAllEffectiveness(actor) && session.instructorId !== actor.id) throw AppError.forbidden(effectivenessStaffMessage);
}
