import type { Db, DbOrTx } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import type { Actor } from '../platform/auth/actor';
import { recordAudit } from '../platform/audit/record-audit';
import { findVisibleCourse, type CourseRow } from './read-course';
import { prepareSession } from './prepare-session';
import type { SessionInput, SessionView } from './session-schemas';
import { sessionViews } from './session-view';
import { courseSessions } from './schema';

/** Adds a session to a course (locked by the caller) inside the caller's transaction; returns the stored row. */
export async function insertSession(tx: DbOrTx, now: Date, actorId: string | null, course: CourseRow, input: SessionInput) {
  const courseId = course.id;
  const values = await prepareSession(tx, course, input, now);
  const [row] = await tx.insert(courseSessions).values({ courseId, ...values, createdBy: actorId, createdAt: now, updatedAt: now }).returning();
  const session = row!;
  await recordAudit(tx, {
    actorId,
    action: 'session.scheduled',
    entity: 'course-session',
    entityId: session.id,
    after: { courseId, startsAt: session.startsAt.toISOString(), endsAt: session.endsAt.toISOString(), timeZone: session.timeZone, capacity: session.capacity },
  });
  return session;
}

/** A coordinator schedules a session of a course (CA-2). */
export async function scheduleSession(db: Db, clock: Clock, actor: Actor, courseId: string, input: SessionInput): Promise<SessionView> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    // The course row is locked so a concurrent edit cannot turn it into e-learning under the new session.
    const course = await findVisibleCourse(tx, actor, courseId, true);
    const session = await insertSession(tx, now, actor.id, course, input);
    return (await sessionViews(tx, [session], actor))[0]!;
  });
}
