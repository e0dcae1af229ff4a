import { and, eq, inArray, notInArray } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor';
import type { DbOrTx } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import { AppError } from '../platform/http/app-error';
import { hasSessions } from '../catalog/catalog-values';
import { findVisibleCourse, type CourseRow } from '../catalog/read-course';
import { recordClockEvent } from '../service-levels/record-clock-event';
import { fromLocalDateTime } from '../catalog/zoned-time';
import { insertEnrolment, moveEnrolment, type Change, type EnrolmentRow } from './enrolment-history';
import { runsEnrolments } from './enrolment-staff';
import { endedStates } from './enrolment-values';
import { enrolments } from './schema';

// E-learning completions (AF-1, decision 018): a self-paced course has no sessions to mark, so a
// coordinator records that someone finished it, one at a time or from the LMS's CSV export. Both
// go through here, so each completion writes the same things: the enrolment's move to completed
// (with its history event and audit entry), completed_at, and the clock event that starts
// "certificate sent" (AF-2).

/** Coordinators, and only for a self-paced course: the course row, locked so two imports queue. */
export async function lockSelfPacedCourse(tx: DbOrTx, actor: Actor, courseId: string): Promise<CourseRow> {
  if (!runsEnrolments(actor)) throw AppError.forbidden('E-learning completions are recorded by the training unit’s coordinators.');
  const course = await findVisibleCourse(tx, actor, courseId, true);
  if (hasSessions(course.format)) {
    throw new AppError('conflict', 'This course is taught in sessions: record attendance on the session’s roster and complete the session there.');
  }
  return course;
}

/** Today's date where the unit is: a completion dated after it has not happened yet. */
/** Each person's live enrolment in the course, by person id. */
export async function liveCourseEnrolments(tx: DbOrTx, courseId: string, personIds: string[]): Promise<Map<string, EnrolmentRow>> {
  if (personIds.length === 0) return new Map();
  const rows = await tx
    .select()
    .from(enrolments)
    .where(and(eq(enrolments.courseId, courseId), inArray(enrolments.personId, personIds), notInArray(enrolments.state, [...endedStates])));
  return new Map(rows.map((r) => [r.personId, r]));
}

/**
 * The completed_at of a completion dated `completedOn`: the moment of recording when that is
 * today, otherwise noon of that day in the unit's time zone (so the certificate shows that very
 * day, east or west of UTC), so the follow-up interval (AF-4) counts from when the learner
 * actually finished rather than from when the export was imported.
 */
function completedAt(completedOn: string, unit: { today: string; timeZone: string }, now: Date): Date {
  if (completedOn === unit.today) return now;
  const noon = fromLocalDateTime(`${completedOn}T12:00`, unit.timeZone);
  return noon.ok ? noon.instant : new Date(`${completedOn}T12:00:00Z`);
}

/**
 * Completes one person's enrolment in a self-paced course: their live (confirmed) enrolment, or a
 * new one put down by the coordinator when they had none (they may have started in the LMS).
 * The caller has checked that they are not already completed.
 */
export async function completeSelfPaced(
  tx: DbOrTx,
  clock: Clock,
  change: Change,
  course: CourseRow,
  person: { id: string },
  completedOn: string,
  unit: { today: string; timeZone: string },
  live: EnrolmentRow | undefined,
  via: 'recorded' | 'imported',
): Promise<EnrolmentRow> {
  const row =
    live ??
    (await insertEnrolment(
      tx,
      change,
      { courseId: course.id, personId: person.id, state: 'confirmed', position: null, origin: 'coordinator', appliedBy: change.actorId, appliedAt: change.now, note: null, confirmedAt: change.now },
      { type: 'applied', details: { origin: 'coordinator', because: 'completion' } },
    ));
  const done = await moveEnrolment(tx, change, row, 'completed', { completedAt: completedAt(completedOn, unit, change.now) }, { type: 'completed', details: { completedOn, via, rule: 'e-learning' } });
  await recordClockEvent(tx, clock, { type: 'enrolment.completed', subject: { type: 'enrolment', id: done.id }, at: change.now });
  return done;
}
