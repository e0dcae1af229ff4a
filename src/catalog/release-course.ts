import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import { AppError } from '../platform/http/app-error';
import { recordAudit } from '../platform/audit/record-audit';
import type { CourseContentInput, CreateCourseInput } from './course-schemas';
import { loadCourseSnapshot } from './course-snapshot';
import { indexCoursesForSearch } from './index-course-search';
import { insertCourse } from './create-course';
import { recordCourseRevision } from './record-course-revision';
import { checkCourseReferences, courseColumns, writeCourseParts } from './write-course-content';
import { courses } from './schema';

export type CourseRelease = {
  /** The course the release updates; null publishes a new one from `newCourse`. */
  courseId: string | null;
  newCourse: CreateCourseInput | null;
  summary: string;
  objectives: string[];
  actorId: string | null;
};

/**
 * A development project's release (DV-1), in the caller's transaction: the course takes the
 * project's summary and objectives and is published, as one revision marked `released` in its
 * history. Objectives keep their ids where the text is unchanged (follow-ups point at them).
 * Returns the course and the revision the release made.
 */
export async function releaseCourse(tx: DbOrTx, now: Date, release: CourseRelease): Promise<{ courseId: string; revision: number }> {
  const { actorId } = release;
  const courseId = release.courseId ?? (release.newCourse ? await insertCourse(tx, now, actorId, release.newCourse) : null);
  if (!courseId) throw new AppError('bad_request', 'Say which course the release updates, or describe the new course.');
  const [row] = await tx.select().from(courses).where(eq(courses.id, courseId)).for('update');
  if (!row) throw AppError.notFound('The course to release');
  const before = await loadCourseSnapshot(tx, courseId);
  const content: CourseContentInput = {
    title: before.title,
    summary: release.summary || before.summary,
    description: before.description,
    audience: before.audience,
    prerequisites: before.prerequisites,
    format: before.format,
    durationMinutes: before.durationMinutes,
    languages: before.languages,
    contactPersonId: before.contactPerson.id,
    contactPhone: before.contactPhone,
    objectives: release.objectives.map((text) => ({ text })),
    interestIds: before.interests.map((i) => i.id),
    audienceBusinessUnitIds: before.audienceBusinessUnits.map((u) => u.id),
  };
  await checkCourseReferences(tx, courseId, content);
  await tx.update(courses).set(courseColumns(content)).where(eq(courses.id, courseId));
  await writeCourseParts(tx, courseId, content, now);
  const revision = row.revision + 1;
  await tx.update(courses).set({ status: 'published', publishedAt: row.status === 'published' ? row.publishedAt : now, retiredAt: null, revision, updatedAt: now }).where(eq(courses.id, courseId));
  await indexCoursesForSearch(tx, [courseId]);
  await recordCourseRevision(tx, courseId, revision, 'released', actorId, now);
  await recordAudit(tx, { actorId, action: 'course.released', entity: 'course', entityId: courseId, before: { status: row.status, revision: row.revision }, after: { status: 'published', revision } });
  return { courseId, revision };
}
