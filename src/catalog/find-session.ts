import { eq } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor';
import type { DbOrTx } from '../platform/db/database';
import { AppError } from '../platform/http/app-error';
import { findVisibleCourse, type CourseRow } from './read-course';
import type { SessionRow } from './session-view';
import { courseSessions } from './schema';

/**
 * A session and its course, when the course is one the actor may see. With `lock`, the course row
 * and then the session row are locked (always in that order, as scheduling does).
 */
export async function findVisibleSession(tx: DbOrTx, actor: Actor, id: string, lock = false): Promise<{ session: SessionRow; course: CourseRow }> {
  const [found] = await tx.select({ courseId: courseSessions.courseId }).from(courseSessions).where(eq(courseSessions.id, id));
  if (!found) throw AppError.notFound('This session');
  const course = await findVisibleCourse(tx, actor, found.courseId, lock).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found') throw AppError.notFound('This session');
    throw error;
  });
  const query = tx.select().from(courseSessions).where(eq(courseSessions.id, id));
  const [session] = lock ? await query.for('update') : await query;
  if (!session) throw AppError.notFound('This session');
  return { session, course };
}

/** Optimistic concurrency for sessions: the editor names the sequence they edited. */
export function assertCurrentSequence(session: SessionRow, sequence: number): void {
  if (session.sequence === sequence) return;
  const message = `Someone changed this session since you opened it (you edited change ${sequence}; it is now at change ${session.sequence}). Reload it and try again.`;
  throw new AppError('conflict', message, { fields: [{ field: 'sequence', message }] });
}
