import { and, count, eq, gte } from 'drizzle-orm';
import type { Db, DbOrTx } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import type { Actor } from '../platform/auth/actor';
import { AppError } from '../platform/http/app-error';
import { recordAudit } from '../platform/audit/record-audit';
import type { CourseDetailView } from './course-schemas';
import { courseDetailById, findVisibleCourse } from './read-course';
import { recordCourseRevision } from './record-course-revision';
import { assertCurrentRevision } from './update-course';
import { courseSessions, courses } from './schema';

/** Publishes a draft or retired course to the catalog, as a revision of its own, in the caller's transaction. */
export async function publishCourseIn(tx: DbOrTx, now: Date, actorId: string | null, id: string, revision: number): Promise<void> {
  const [row] = await tx.select().from(courses).where(eq(courses.id, id)).for('update');
  if (!row) throw AppError.notFound('This course');
  assertCurrentRevision(row, revision);
  if (row.status === 'published') throw new AppError('conflict', 'This course is already published.');
  const next = row.revision + 1;
  await tx.update(courses).set({ status: 'published', publishedAt: now, retiredAt: null, revision: next, updatedAt: now }).where(eq(courses.id, id));
  await recordCourseRevision(tx, id, next, 'published', actorId, now);
  await recordAudit(tx, { actorId, action: 'course.published', entity: 'course', entityId: id, before: { status: row.status, revision: row.revision }, after: { status: 'published', revision: next } });
}

/** Everyone signed in finds a published course in the catalog (CA-1). */
export async function publishCourse(db: Db, clock: Clock, actor: Actor, id: string, revision: number): Promise<CourseDetailView> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    await publishCourseIn(tx, now, actor.id, id, revision);
    return courseDetailById(tx, actor, id, now);
  });
}

/**
 * Takes a course out of the catalog; its history, objectives and past sessions stay. Upcoming
 * sessions are cancelled first, one by one, so whoever is enrolled hears about it (CA-5).
 */
export async function retireCourse(db: Db, clock: Clock, actor: Actor, id: string, revision: number): Promise<CourseDetailView> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const row = await findVisibleCourse(tx, actor, id, true);
    assertCurrentRevision(row, revision);
    if (row.status === 'retired') throw new AppError('conflict', 'This course is already retired.');
    const [upcoming] = await tx
      .select({ n: count() })
      .from(courseSessions)
      .where(and(eq(courseSessions.courseId, id), eq(courseSessions.status, 'scheduled'), gte(courseSessions.startsAt, now)));
    const n = upcoming?.n ?? 0;
    if (n > 0) throw new AppError('conflict', `Cancel the course’s ${n === 1 ? 'upcoming session' : `${n} upcoming sessions`} before retiring it.`);
    const next = row.revision + 1;
    await tx.update(courses).set({ status: 'retired', retiredAt: now, revision: next, updatedAt: now }).where(eq(courses.id, id));
    await recordCourseRevision(tx, id, next, 'retired', actor.id, now);
    await recordAudit(tx, { actorId: actor.id, action: 'course.retired', entity: 'course', entityId: id, before: { status: row.status, revision: row.revision }, after: { status: 'retired', revision: next } });
    return courseDetailById(tx, actor, id, now);
  });
}
