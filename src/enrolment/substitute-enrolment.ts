import { and, eq } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor';
import { AppError } from '../platform/http/app-error';
import { isInManagementChain } from '../people/find-people';
import { contextOf, writeEnrolment, type EnrolmentDeps } from './enrolment-context';
import { findEnrollee } from './enrolment-people';
import type { EnrolmentView, SubstituteInput } from './enrolment-schemas';
import { enrolmentViews } from './enrolment-view';
import { lockEnrolmentToAct } from './lock-enrolment';
import { approvalForSubstitute } from './approval-rules';
import { enrolInSession, fillFreeSeats, passSeat } from './place-in-session';
import { enrolments } from './schema';

/**
 * Substitution (CA-3): the holder of a confirmed seat, a supervisor of theirs or a coordinator names
 * a colleague who takes the seat in the same transaction, past the waitlist. The session's approval
 * rules apply to the substitute (approval-rules.ts); while their approval is pending the original
 * keeps the seat, and an approval passes it on. Until the session starts — after the enrolment
 * deadline too: a seat passed on is not a new one.
 */
export async function substituteEnrolment(deps: EnrolmentDeps, actor: Actor, id: string, input: SubstituteInput): Promise<EnrolmentView> {
  const ctx = contextOf(deps, actor);
  return writeEnrolment(deps.db, async (tx) => {
    const { row, target, relation } = await lockEnrolmentToAct(tx, actor, id);
    if (!target) throw new AppError('conflict', 'A self-paced course has no seat to pass on: your colleague can enrol themself.');
    if (row.state !== 'confirmed') throw new AppError('conflict', 'Only a confirmed seat can be passed on. From the waitlist, cancel, and your colleague can apply.');
    const { session } = target;
    if (session.status === 'cancelled') throw new AppError('conflict', 'This session was cancelled.');
    if (session.startsAt <= ctx.now) throw new AppError('conflict', 'This session has started; the seat can no longer be passed on.');
    const field = (message: string) => AppError.invalid([{ field: 'personId', message }], message);
    if (input.personId === row.personId) throw field('Name someone else: the seat is already theirs.');
    const substitute = await findEnrollee(tx, input.personId);
    if (!substitute) throw field('There is no such person; choose a colleague from the list.');
    if (!substitute.active) throw field(`${substitute.name} is no longer active in Stride.`);
    const [proposed] = await tx.select({ id: enrolments.id }).from(enrolments).where(and(eq(enrolments.replacesEnrolmentId, row.id), eq(enrolments.state, 'pending_approval')));
    if (proposed) throw new AppError('conflict', 'A colleague is already proposed for this seat and waiting for approval.');
    const seats = await fillFreeSeats(tx, ctx, target, substitute.id);
    if (seats.personHasLive) throw new AppError('conflict', `${substitute.name} already has a place in this session (or an application waiting).`, { fields: [{ field: 'personId', message: 'Already enrolled in this session.' }] });
    const managesSubstitute = actor.id !== substitute.id && (await isInManagementChain(tx, actor.id, substitute.id));
    const approvalBy = approvalForSubstitute(session.approvalMode, substitute, { staff: relation.staff, managesSubstitute });
    const note = input.note || null;
    const taken = approvalBy
      ? await enrolInSession(tx, ctx, target, { person: substitute, origin: 'substitution', note, approvalBy, replaces: { enrolment: row, personName: (await findEnrollee(tx, row.personId))?.name ?? 'A colleague' } })
      : await passSeat(tx, ctx, target, row, { person: substitute, note });
    return (await enrolmentViews(tx, actor, [taken], ctx.now))[0]!;
  });
}
