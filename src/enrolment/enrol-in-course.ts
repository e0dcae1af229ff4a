import { and, eq, notInArray } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor';
import type { DbOrTx } from '../platform/db/database';
import { AppError } from '../platform/http/app-error';
import { hasSessions } from '../catalog/catalog-values';
import { findVisibleCourse, type CourseRow } from '../catalog/read-course';
import { contextOf, writeEnrolment, type EnrolmentContext, type EnrolmentDeps } from './enrolment-context';
import { nominee } from './enrolment-access';
import { insertEnrolment, type EnrolmentRow } from './enrolment-history';
import type { Enrollee } from './enrolment-people';
import { onEnrolmentConfirmed } from './enrolment-mails';
import type { EnrolmentView, NominateInput } from './enrolment-schemas';
import { enrolmentViews } from './enrolment-view';
import { endedStates, type EnrolmentOrigin } from './enrolment-values';
import { enrolments } from './schema';

/** A self-paced course enrolment for `person`, put down by themself, a supervisor or a coordinator: confirmed at once. */
export async function enrolSelfPaced(tx: DbOrTx, ctx: EnrolmentContext, course: CourseRow, person: Pick<Enrollee, 'id' | 'name' | 'email'>, as: EnrolmentOrigin, note: string | null): Promise<EnrolmentRow> {
  if (course.status !== 'published') throw new AppError('conflict', 'This course is not in the catalog (it is a draft or retired); nobody can enrol in it.');
  if (hasSessions(course.format)) throw new AppError('conflict', 'This course is taught in sessions: apply for one of its sessions instead.');
  const [live] = await tx
    .select({ id: enrolments.id })
    .from(enrolments)
    .where(and(eq(enrolments.courseId, course.id), eq(enrolments.personId, person.id), notInArray(enrolments.state, [...endedStates])));
  if (live) {
    const message = person.id === ctx.actorId ? 'You are already enrolled in this course.' : `${person.name} is already enrolled in this course.`;
    throw new AppError('conflict', message, { fields: [{ field: 'personId', message }] });
  }
  const row = await insertEnrolment(
    tx,
    ctx,
    { courseId: course.id, personId: person.id, state: 'confirmed', position: null, origin: as, appliedBy: ctx.actorId, appliedAt: ctx.now, note, confirmedAt: ctx.now },
    { type: 'applied', note, details: { origin: as } },
  );
  const kind = as === 'supervisor' ? 'nomination' : as === 'coordinator' ? 'coordinator' : 'arrival';
  await onEnrolmentConfirmed(tx, ctx, { enrolment: row, person, course, session: null }, { kind, ...(as === 'self' || !ctx.actorName ? {} : { by: ctx.actorName }) });
  return row;
}

/**
 * Self-paced e-learning has no sessions, so no seats and no waitlist (CA-2, CA-3): the enrolment is
 * to the course itself and confirmed at once, for the learner, a report of a supervisor, or anyone
 * a coordinator names. One live enrolment per person and course (a unique index backs the check).
 */
export async function enrolInCourse(deps: EnrolmentDeps, actor: Actor, courseId: string, input: Partial<NominateInput>): Promise<EnrolmentView> {
  const ctx = contextOf(deps, actor);
  return writeEnrolment(deps.db, async (tx) => {
    const { person, as } = await nominee(tx, actor, input.personId ?? actor.id);
    const course = await findVisibleCourse(tx, actor, courseId);
    const row = await enrolSelfPaced(tx, ctx, course, person, as, input.note || null);
    return (await enrolmentViews(tx, actor, [row], ctx.now))[0]!;
  });
}
