import type { DbOrTx } from '../platform/db/database';
import { AppError, type FieldError } from '../platform/http/app-error';
import { findPersonById } from '../people/find-people';
import { hasSessions } from './catalog-values';
import type { CourseRow } from './read-course';
import { sessionInstants, type SessionInput } from './session-schemas';
import { noSessionsForElearning, venueProblem } from './session-rules';
import type { courseSessions } from './schema';

export type SessionValues = Pick<
  typeof courseSessions.$inferInsert,
  'startsAt' | 'endsAt' | 'timeZone' | 'language' | 'place' | 'joinUrl' | 'instructorId' | 'instructorName' | 'instructorEmail' | 'capacity' | 'enrolmentDeadline' | 'approvalMode' | 'reminderOffsetsMinutes'
> & { startsAt: Date; endsAt: Date; enrolmentDeadline: Date };

/** Whether the course may have sessions at all: e-learning is self-paced, a retired course is out of the catalog. */
export function assertCourseTakesSessions(course: CourseRow): void {
  if (!hasSessions(course.format)) throw new AppError('conflict', noSessionsForElearning, { fields: [{ field: 'courseId', message: noSessionsForElearning }] });
  if (course.status === 'retired') throw new AppError('conflict', 'This course is retired; publish it again before scheduling sessions.');
}

/**
 * Checks a session against its course and the organization (CA-2) and returns the row to store,
 * or refuses field by field: times that do not fit, a language the course is not taught in, a
 * classroom without a place or a virtual session without a link, an instructor nobody knows.
 */
export async function prepareSession(tx: DbOrTx, course: CourseRow, input: SessionInput, now: Date, previous?: { enrolmentDeadline: Date }): Promise<SessionValues> {
  assertCourseTakesSessions(course);
  const errors: FieldError[] = [];
  const times = sessionInstants(input);
  errors.push(...times.errors);
  // Only what is new must lie ahead: an edit may keep a deadline that has already passed.
  const moved = (at: Date | undefined, before: Date | undefined) => !!at && at.getTime() !== before?.getTime();
  if (times.startsAt && times.startsAt <= now) errors.push({ field: 'startsAt', message: 'The session starts in the future.' });
  if (moved(times.enrolmentDeadline, previous?.enrolmentDeadline) && times.enrolmentDeadline! <= now) {
    errors.push({ field: 'enrolmentDeadline', message: 'The enrolment deadline lies in the future.' });
  }

  const language = input.language ?? course.languages[0]!;
  if (!course.languages.includes(language)) {
    errors.push({ field: 'language', message: `The course is taught in ${course.languages.join(', ')}; add ${language} to the course first.` });
  }
  const place = input.place ?? null;
  const joinUrl = input.joinUrl ?? null;
  const venue = venueProblem(course.format, { place, joinUrl });
  if (venue) errors.push(venue);

  if (input.instructorId) {
    const instructor = await findPersonById(tx, input.instructorId);
    if (!instructor) errors.push({ field: 'instructorId', message: 'There is no such person; choose the instructor from the list, or give an external instructor.' });
    else if (!instructor.active) errors.push({ field: 'instructorId', message: 'This person is no longer active; choose another instructor.' });
  }
  if (errors.length > 0 || !times.startsAt || !times.endsAt) throw AppError.invalid(errors, 'The session needs attention:');

  return {
    startsAt: times.startsAt,
    endsAt: times.endsAt,
    timeZone: input.timeZone,
    language,
    place,
    joinUrl,
    instructorId: input.instructorId ?? null,
    instructorName: input.externalInstructor?.name ?? null,
    instructorEmail: input.externalInstructor?.email ?? null,
    capacity: input.capacity,
    enrolmentDeadline: times.enrolmentDeadline ?? times.startsAt,
    approvalMode: input.approvalMode,
    // Furthest first, as people read a schedule.
    reminderOffsetsMinutes: [...input.reminderOffsetsMinutes].sort((a, b) => b - a),
  };
}
