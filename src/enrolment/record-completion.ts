import { z } from 'zod';
import type { Actor } from '../platform/auth/actor';
import { AppError } from '../platform/http/app-error';
import { findPersonById } from '../people/find-people';
import { completeSelfPaced, liveCourseEnrolments, lockSelfPacedCourse } from './complete-self-paced';
import { unitToday } from '../platform/settings/unit-today';
import type { EnrolmentDeps } from './enrolment-context';
import { writeEnrolment } from './enrolment-context';
import { enrolmentStates } from './enrolment-values';

// One e-learning completion recorded by a coordinator (AF-1): "she finished it on the 3rd".

export const completionDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Give the date as YYYY-MM-DD.').refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'This is not a date in the calendar.').refine((v) => v >= '1900-01-01', 'Give a day from 1900 on.');

export const recordCompletionInput = z.object({
  personId: z.uuid('Choose the person who completed the course.'),
  completedOn: completionDate,
});
export type RecordCompletionInput = z.infer<typeof recordCompletionInput>;

export const completionRecordedView = z.object({
  enrolmentId: z.uuid(),
  person: z.object({ id: z.uuid(), name: z.string() }),
  state: z.enum(enrolmentStates),
  completedOn: z.string(),
  completedAt: z.string(),
});
export type CompletionRecordedView = z.infer<typeof completionRecordedView>;

export async function recordCompletion(deps: EnrolmentDeps, actor: Actor, courseId: string, input: RecordCompletionInput): Promise<CompletionRecordedView> {
  const now = deps.clock.now();
  return writeEnrolment(deps.db, async (tx) => {
    const course = await lockSelfPacedCourse(tx, actor, courseId);
    const person = await findPersonById(tx, input.personId);
    if (!person) throw AppError.invalid([{ field: 'personId', message: 'There is no such person; choose them from the list.' }], 'The completion was not recorded:');
    const unit = await unitToday(tx, now);
    const { today } = unit;
    if (input.completedOn > today) throw AppError.invalid([{ field: 'completedOn', message: `${input.completedOn} has not come yet (today is ${today}).` }], 'The completion was not recorded:');
    const live = (await liveCourseEnrolments(tx, course.id, [person.id])).get(person.id);
    if (live?.state === 'completed') {
      const message = `${person.name} already completed this course${live.completedAt ? ` (recorded for ${live.completedAt.toISOString().slice(0, 10)})` : ''}.`;
      throw new AppError('conflict', message, { fields: [{ field: 'personId', message }] });
    }
    const row = await completeSelfPaced(tx, deps.clock, { now, actorId: actor.id }, course, person, input.completedOn, unit, live, 'recorded');
    return { enrolmentId: row.id, person: { id: person.id, name: person.name }, state: row.state, completedOn: input.completedOn, completedAt: row.completedAt!.toISOString() };
  });
}
