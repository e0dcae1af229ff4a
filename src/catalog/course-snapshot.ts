import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import { AppError } from '../platform/http/app-error';
import type { CourseSnapshot } from './course-schemas';
import { loadCourseParts, peopleDirectory, unitDirectory, unitsOf } from './course-parts';
import { courses } from './schema';

export type { CourseSnapshot } from './course-schemas';

/** The course as saved now, whole, with the names it points at as they are now. */
export async function loadCourseSnapshot(tx: DbOrTx, courseId: string): Promise<CourseSnapshot> {
  const [row] = await tx.select().from(courses).where(eq(courses.id, courseId));
  if (!row) throw AppError.notFound('This course');
  // Sequential: a transaction's queries share one connection.
  const parts = await loadCourseParts(tx, [courseId]);
  const units = await unitDirectory(tx, parts.audienceUnitIds.get(courseId) ?? []);
  const people = await peopleDirectory(tx, [row.contactPersonId]);
  return {
    code: row.code,
    status: row.status,
    title: row.title,
    summary: row.summary,
    description: row.description,
    audience: row.audience,
    prerequisites: row.prerequisites,
    format: row.format,
    durationMinutes: row.durationMinutes,
    languages: row.languages,
    contactPerson: { id: row.contactPersonId, name: people.get(row.contactPersonId)?.name ?? 'Unknown' },
    contactPhone: row.contactPhone,
    objectives: parts.objectives.get(courseId) ?? [],
    interests: parts.interests.get(courseId) ?? [],
    audienceBusinessUnits: unitsOf(parts.audienceUnitIds.get(courseId), units),
    completionMinPercent: row.completionMinPercent,
    followUpDays: row.followUpDays,
    followUpAnonymous: row.followUpAnonymous,
  };
}
