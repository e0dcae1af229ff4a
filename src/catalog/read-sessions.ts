import { and, asc, eq, gte, type SQL } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor';
import type { DbOrTx } from '../platform/db/database';
import { editsCatalog } from './catalog-editors';
import { findVisibleSession } from './find-session';
import { findVisibleCourse } from './read-course';
import type { SessionView } from './session-schemas';
import { sessionViews } from './session-view';
import { courseSessions } from './schema';

/** A course's sessions in order: all of them, past and cancelled too, for the catalog's editors; the upcoming ones for everyone else. */
export async function listCourseSessions(db: DbOrTx, actor: Actor, courseId: string, now: Date): Promise<SessionView[]> {
  await findVisibleCourse(db, actor, courseId);
  const where: SQL[] = [eq(courseSessions.courseId, courseId)];
  if (!editsCatalog(actor)) where.push(eq(courseSessions.status, 'scheduled'), gte(courseSessions.startsAt, now));
  const rows = await db.select().from(courseSessions).where(and(...where)).orderBy(asc(courseSessions.startsAt)).limit(1000);
  return sessionViews(db, rows, actor);
}

export async function getSession(db: DbOrTx, actor: Actor, id: string): Promise<SessionView> {
  const { session } = await findVisibleSession(db, actor, id);
  return (await sessionViews(db, [session], actor))[0]!;
}
