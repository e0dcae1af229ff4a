import { eq } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor';
import type { DbOrTx } from '../platform/db/database';
import { AppError } from '../platform/http/app-error';
import { lockSession } from '../catalog/sessions-for-enrolment';
import { contextOf, writeEnrolment, type EnrolmentContext, type EnrolmentDeps, type LockedSession } from './enrolment-context';
import { notFound, relationTo, sees } from './enrolment-access';
import { moveEnrolment, type EnrolmentRow } from './enrolment-history';
import { mailDeclined, mailSubstitutionDeclined } from './enrolment-mails';
import { findEnrollee } from './enrolment-people';
import type { DecisionInput, EnrolmentView } from './enrolment-schemas';
import { enrolmentViews } from './enrolment-view';
import type { ApprovalDecision } from './enrolment-values';
import { passSeat, placeApproved } from './place-in-session';
import { enrolments } from './schema';
import { expectationsValues, recheckFit, updateAudience } from './audience-fit';

const decidedAlready: Record<string, string> = {
  confirmed: 'it was approved and the place is confirmed',
  waitlisted: 'it was approved and is on the waitlist',
  declined: 'it was declined',
  cancelled: 'it was withdrawn or cancelled',
};

/**
 * Approves or declines an application waiting for approval, under the session's lock (CA-3).
 * Approved, it takes a free seat or its place on the waitlist by its original arrival position; a
 * substitute approved while the colleague still holds the seat takes that seat directly. Declined,
 * it ends, and a colleague who offered their seat keeps it. The learner is mailed either way.
 * An approval may carry the approver's expectations (CA-4); the fit is checked again either way,
 * since a supervisor-approved place without expectations is now flagged.
 */
export async function decide(tx: DbOrTx, ctx: EnrolmentContext, target: LockedSession, row: EnrolmentRow, decision: ApprovalDecision, note: string | null, expectations?: string | null): Promise<EnrolmentRow> {
  if (row.state !== 'pending_approval') throw new AppError('conflict', `This application is no longer waiting for a decision: ${decidedAlready[row.state] ?? row.state}.`);
  const { session } = target;
  if (session.status === 'cancelled') throw new AppError('conflict', 'This session was cancelled; there is nothing left to decide.');
  if (session.startsAt <= ctx.now) throw new AppError('conflict', 'This session has started; the application can no longer be decided.');
  const original = row.replacesEnrolmentId ? (await tx.select().from(enrolments).where(eq(enrolments.id, row.replacesEnrolmentId)))[0] : undefined;

  if (decision === 'decline') {
    const declined = await moveEnrolment(tx, ctx, row, 'declined', { decidedBy: ctx.actorId, decidedAt: ctx.now, decisionNote: note }, { type: 'declined', note });
    const learner = await findEnrollee(tx, row.personId);
    const by = ctx.actorName ?? 'The training unit';
    const e = { enrolment: declined, person: { name: learner!.name, email: learner!.email }, course: target.course, session };
    await mailDeclined(tx, ctx, e, by, note);
    if (original?.state === 'confirmed') {
      const holder = await findEnrollee(tx, original.personId);
      if (holder) await mailSubstitutionDeclined(tx, ctx, e, holder, by);
    }
    return declined;
  }
  // The colleague still holds the seat: it passes. Otherwise (they cancelled meanwhile) this is an
  // ordinary application, placed by its own position.
  const approved = original?.state === 'confirmed' ? await passSeat(tx, ctx, target, original, { pending: row, note }) : await placeApproved(tx, ctx, target, row, note);
  const expected = expectationsValues(expectations, ctx.actorId, ctx.now);
  if (expected.expectations) await updateAudience(tx, ctx, target, approved, expected, 'expectations');
  else await recheckFit(tx, ctx, target, approved);
  return approved;
}

/** A supervisor (or a coordinator) decides in Stride. */
export async function decideApplication(deps: EnrolmentDeps, actor: Actor, id: string, input: DecisionInput): Promise<EnrolmentView> {
  const ctx = contextOf(deps, actor);
  return writeEnrolment(deps.db, async (tx) => {
    const [found] = await tx.select({ sessionId: enrolments.sessionId, personId: enrolments.personId }).from(enrolments).where(eq(enrolments.id, id));
    if (!found) throw notFound();
    const target = found.sessionId ? await lockSession(tx, found.sessionId) : undefined;
    const relation = await relationTo(tx, actor, found.personId, target?.session ?? null);
    if (!sees(relation)) throw notFound();
    const [row] = await tx.select().from(enrolments).where(eq(enrolments.id, id));
    if (relation.self) throw AppError.forbidden('Nobody decides their own application.');
    // Whether it is still waiting is said after whether it is theirs to decide.
    if (!(relation.staff || (relation.manager && row!.approvalBy !== 'coordinator'))) {
      throw AppError.forbidden(row!.approvalBy === 'coordinator' ? 'The training unit’s coordinators decide places in this session.' : 'Only the learner’s supervisors and the training unit’s coordinators decide applications.');
    }
    if (!target) throw new AppError('conflict', 'A self-paced course needs no approval.');
    const decided = await decide(tx, ctx, target, row!, input.decision, input.note || null, input.expectations);
    return (await enrolmentViews(tx, actor, [decided], ctx.now))[0]!;
  });
}
