import { asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import type { CourseRow } from './read-course';
import type { SessionRow } from './session-view';
import { courseAudienceUnits, courseSessions, courses } from './schema';

// For the enrolment capability (CA-3): the session row is the lock that keeps a session from being
// overbooked (decision 014), lists of enrolments need their sessions and courses in one go, and
// the demo enrolments find sessions by course code; the audience analysis (CA-4) checks an applicant's
// business unit against the units a course is meant for.

/**
 * Locks one session row (`SELECT … FOR UPDATE`) and reads its course without locking it. Only the
 * session is locked: scheduling and editing lock the course and then the session, so a caller
 * that holds this lock must never go on to lock the course, or the two could deadlock.
 * No visibility check: the caller decides who may see the session.
 */
export async function lockSession(tx: DbOrTx, id: string): Promise<{ session: SessionRow; course: CourseRow } | undefined> {
  const [session] = await tx.select().from(courseSessions).where(eq(courseSessions.id, id)).for('update');
  if (!session) return undefined;
  const [course] = await tx.select().from(courses).where(eq(courses.id, session.courseId));
  return course ? { session, course } : undefined;
}

/** Sessions with their courses, by session id; unknown ids are left out. */
export async function findSessionsWithCourses(tx: DbOrTx, ids: string[]): Promise<Map<string, { session: SessionRow; course: CourseRow }>> {
  const out = new Map<string, { session: SessionRow; course: CourseRow }>();
  const unique = [...new Set(ids)];
  if (unique.length === 0) return out;
  const rows = await tx.select({ session: courseSessions, course: courses }).from(courseSessions).innerJoin(courses, eq(courses.id, courseSessions.courseId)).where(inArray(courseSessions.id, unique));
  for (const row of rows) out.set(row.session.id, row);
  return out;
}

/** Courses by id; unknown ids are left out. */
export async function findCourses(tx: DbOrTx, ids: string[]): Promise<Map<string, CourseRow>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await tx.select().from(courses).where(inArray(courses.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
}

/** A course by the code people quote ("CC-101"), with its sessions in start order. */
export async function findCourseByCode(tx: DbOrTx, code: string): Promise<{ course: CourseRow; sessions: SessionRow[] } | undefined> {
  const [course] = await tx.select().from(courses).where(eq(courses.code, code));
  if (!course) return undefined;
  const sessions = await tx.select().from(courseSessions).where(eq(courseSessions.courseId, course.id)).orderBy(asc(courseSessions.startsAt));
  return { course, sessions };
}

/** The business units each course is meant for (none: everyone), by course id. */
export async function findAudienceUnitIds(tx: DbOrTx, courseIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  const unique = [...new Set(courseIds)];
  if (unique.length === 0) return out;
  const rows = await tx.select().from(courseAudienceUnits).where(inArray(courseAudienceUnits.courseId, unique));
  for (const row of rows) out.set(row.courseId, [...(out.get(row.courseId) ?? []), row.businessUnitId]);
  return out;
}
