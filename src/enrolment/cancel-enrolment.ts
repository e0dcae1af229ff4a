import type { Actor } from '../platform/auth/actor';
import type { DbOrTx } from '../platform/db/database';
import { AppError } from '../platform/http/app-error';
import type { CourseRow } from '../catalog/read-course';
import { contextOf, writeEnrolment, type EnrolmentContext, type EnrolmentDeps, type LockedSession } from './enrolment-context';
import { moveEnrolment, type EnrolmentRow } from './enrolment-history';
import { mailCancelled } from './enrolment-mails';
import { findEnrollee } from './enrolment-people';
import type { CancelInput, EnrolmentView } from './enrolment-schemas';
import { enrolmentViews } from './enrolment-view';
import { isLive } from './enrolment-values';
import { lockEnrolmentToAct } from './lock-enrolment';
import { fillFreeSeats } from './place-in-session';

/** Cancels a live enrolment held under its lock; a freed seat goes to the waitlist in the same transaction. */
export async function cancelLocked(tx: DbOrTx, ctx: EnrolmentContext, locked: { row: EnrolmentRow; target: LockedSession | null; course: CourseRow }, reason: string | null): Promise<EnrolmentRow> {
  const { row, target, course } = locked;
  if (!isLive(row.state)) throw new AppError('conflict', `This enrolment is already ${row.state === 'declined' ? 'declined' : 'cancelled'}.`);
  if (target && target.session.startsAt <= ctx.now) throw new AppError('conflict', 'This session has started; it can no longer be cancelled. Attendance is recorded after the event.');
  const cancelled = await moveEnrolment(tx, ctx, row, 'cancelled', { cancelledAt: ctx.now, cancelledBy: ctx.actorId, cancellationReason: reason }, { type: 'cancelled', note: reason });
  const person = await findEnrollee(tx, row.personId);
  await mailCancelled(tx, ctx, { enrolment: cancelled, person: { name: person!.name, email: person!.email }, course, session: target?.session ?? null }, { by: ctx.actorId === row.personId ? null : ctx.actorName, reason });
  if (target && row.state === 'confirmed') await fillFreeSeats(tx, ctx, target);
  return cancelled;
}

/**
 * The learner, a supervisor of theirs or a coordinator cancels a place, a waitlist place or an
 * application (CA-3). A freed seat goes to the first on the waitlist in the same transaction, and
 * both are mailed. Refused once the session has started: what happens then is attendance (AF-1).
 */
export async function cancelEnrolment(deps: EnrolmentDeps, actor: Actor, id: string, input: CancelInput): Promise<EnrolmentView> {
  const ctx = contextOf(deps, actor);
  return writeEnrolment(deps.db, async (tx) => {
    const cancelled = await cancelLocked(tx, ctx, await lockEnrolmentToAct(tx, actor, id), input.reason || null);
    return (await enrolmentViews(tx, actor, [cancelled], ctx.now))[0]!;
  });
}
