import type { Actor } from '../platform/auth/actor';
import { contextOf, writeEnrolment, type EnrolmentDeps } from './enrolment-context';
import { lockVisibleSession, nominee } from './enrolment-access';
import type { EnrolmentView, NominateInput } from './enrolment-schemas';
import { enrolmentViews } from './enrolment-view';
import { approvalForApplicant, approvalForNomination } from './approval-rules';
import { enrolInSession } from './place-in-session';
import { assertOpen } from './session-openness';
import { expectationsValues } from './audience-fit';

/**
 * A supervisor puts down one of their reports (direct or further down), or a coordinator anyone
 * (CA-3). The supervisor's choice is the supervisor's approval; a coordinator's is every approval,
 * and a coordinator may still add someone after the enrolment deadline. Naming oneself is applying.
 * The nominator may say what they expect the person to do differently afterwards (CA-4); the
 * learner answers the audience questions themself, later.
 */
export async function nominateForSession(deps: EnrolmentDeps, actor: Actor, sessionId: string, input: NominateInput): Promise<EnrolmentView> {
  const ctx = contextOf(deps, actor);
  return writeEnrolment(deps.db, async (tx) => {
    const { person, as } = await nominee(tx, actor, input.personId);
    const target = await lockVisibleSession(tx, actor, sessionId);
    await assertOpen(tx, target, ctx.now, as === 'coordinator' ? 'coordinator' : 'applicant', as === 'self' ? 'you' : person.name);
    const mode = target.session.approvalMode;
    const approvalBy = as === 'self' ? approvalForApplicant(mode, person) : approvalForNomination(mode, as);
    const audience = expectationsValues(input.audience?.expectations, actor.id, ctx.now);
    const row = await enrolInSession(tx, ctx, target, { person, origin: as, note: input.note || null, approvalBy, audience });
    return (await enrolmentViews(tx, actor, [row], ctx.now))[0]!;
  });
}
