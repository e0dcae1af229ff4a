import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import { AppError, type FieldError } from '../platform/http/app-error';
import { findPersonById } from '../people/find-people';
import type { CourseContentInput } from './course-schemas';
import { unitDirectory } from './course-parts';
import { courseAudienceUnits, courseInterests, courseObjectives, interests } from './schema';

const normalized = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * Refuses, field by field, a course that points at what does not exist: a contact person nobody
 * can reach, an interest or a business unit that is not on the list, another course's objective.
 */
export async function checkCourseReferences(tx: DbOrTx, courseId: string | null, content: CourseContentInput): Promise<void> {
  const errors: FieldError[] = [];
  const contact = await findPersonById(tx, content.contactPersonId);
  if (!contact) errors.push({ field: 'contactPersonId', message: 'There is no such person; choose the contact person from the list.' });
  else if (!contact.active) errors.push({ field: 'contactPersonId', message: 'This person is no longer active; choose another contact person.' });

  if (content.interestIds.length > 0) {
    const known = new Set((await tx.select({ id: interests.id }).from(interests).where(inArray(interests.id, content.interestIds))).map((r) => r.id));
    content.interestIds.forEach((id, i) => {
      if (!known.has(id)) errors.push({ field: `interestIds.${i}`, message: 'There is no such interest; choose one from the list.' });
    });
  }
  if (content.audienceBusinessUnitIds.length > 0) {
    const units = await unitDirectory(tx, content.audienceBusinessUnitIds);
    content.audienceBusinessUnitIds.forEach((id, i) => {
      if (!units.has(id)) errors.push({ field: `audienceBusinessUnitIds.${i}`, message: 'There is no such business unit; choose one from the list.' });
    });
  }
  const ids = content.objectives.map((o) => o.id).filter((id): id is string => !!id);
  if (ids.length > 0) {
    const own = courseId
      ? new Set((await tx.select({ id: courseObjectives.id }).from(courseObjectives).where(and(eq(courseObjectives.courseId, courseId), inArray(courseObjectives.id, ids)))).map((r) => r.id))
      : new Set<string>();
    content.objectives.forEach((objective, i) => {
      if (objective.id && !own.has(objective.id)) errors.push({ field: `objectives.${i}.id`, message: 'This objective is not one of this course’s; leave the id out to add a new one.' });
    });
  }
  if (errors.length > 0) throw AppError.invalid(errors, 'The course needs attention:');
}

/**
 * Writes the objectives in order, keeping each one's id: by the id the editor sent, or else by the
 * same text. Objectives left out are marked removed, never deleted (follow-ups point at them).
 * Interests and audience units are replaced.
 */
export async function writeCourseParts(tx: DbOrTx, courseId: string, content: CourseContentInput, now: Date): Promise<void> {
  const existing = await tx.select().from(courseObjectives).where(eq(courseObjectives.courseId, courseId));
  const claimed = new Set(content.objectives.map((o) => o.id).filter((id): id is string => !!id));
  for (const [position, objective] of content.objectives.entries()) {
    let id = objective.id;
    if (!id) {
      const same = existing.find((row) => !claimed.has(row.id) && normalized(row.text) === normalized(objective.text));
      if (same) {
        id = same.id;
        claimed.add(id);
      }
    }
    if (id) {
      await tx.update(courseObjectives).set({ text: objective.text, position, removedAt: null }).where(eq(courseObjectives.id, id));
    } else {
      await tx.insert(courseObjectives).values({ courseId, position, text: objective.text });
    }
  }
  const dropped = existing.filter((row) => !claimed.has(row.id) && !row.removedAt).map((row) => row.id);
  if (dropped.length > 0) await tx.update(courseObjectives).set({ removedAt: now }).where(inArray(courseObjectives.id, dropped));

  await tx.delete(courseInterests).where(eq(courseInterests.courseId, courseId));
  if (content.interestIds.length > 0) await tx.insert(courseInterests).values(content.interestIds.map((interestId) => ({ courseId, interestId })));
  await tx.delete(courseAudienceUnits).where(eq(courseAudienceUnits.courseId, courseId));
  if (content.audienceBusinessUnitIds.length > 0) {
    await tx.insert(courseAudienceUnits).values(content.audienceBusinessUnitIds.map((businessUnitId) => ({ courseId, businessUnitId })));
  }
}

/** The course row's own columns from the editor's input. */
export function courseColumns(content: CourseContentInput) {
  return {
    title: content.title,
    summary: content.summary,
    description: content.description,
    audience: content.audience,
    prerequisites: content.prerequisites,
    format: content.format,
    durationMinutes: content.durationMinutes,
    languages: content.languages,
    contactPersonId: content.contactPersonId,
    contactPhone: content.contactPhone ?? null,
    // Left out → undefined → not written: the insert takes the column default, an edit keeps the value.
    completionMinPercent: content.completionMinPercent,
    followUpDays: content.followUpDays,
    followUpAnonymous: content.followUpAnonymous,
  };
}
