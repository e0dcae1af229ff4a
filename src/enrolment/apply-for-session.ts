import type { Actor } from '../platform/auth/actor';
import { contextOf, writeEnrolment, type EnrolmentDeps } from './enrolment-context';
import { lockVisibleSession } from './enrolment-access';
import { findEnrollee } from './enrolment-people';
import type { ApplyInput, EnrolmentView } from './enrolment-schemas';
import { enrolmentViews } from './enrolment-view';
import { approvalForApplicant } from './approval-rules';
import { enrolInSession, type Arrival } from './place-in-session';
import { assertOpen } from './session-openness';
import { answersValues, assertAnswersComplete } from './audience-fit';

/**
 * A learner applies for a session in one click (CA-3): under the session's row lock they get the
 * next arrival position and a seat, a place on the waitlist, or — where the session asks for it —
 * an application waiting for their supervisor (mailed Approve / Decline links) or a coordinator.
 * Their answers to the audience questions (CA-4) go with it and are checked for fit; an
 * application without them is taken all the same, flagged "not answered".
 */
export async function applyForSession(deps: EnrolmentDeps, actor: Actor, sessionId: string, input: ApplyInput): Promise<EnrolmentView> {
  const ctx = contextOf(deps, actor);
  return writeEnrolment(deps.db, async (tx) => {
    const target = await lockVisibleSession(tx, actor, sessionId);
    await assertOpen(tx, target, ctx.now, 'applicant');
    assertAnswersComplete(target.course, input.audience, 'audience.meetsPrerequisites');
    const mode = target.session.approvalMode;
    // The manager matters only where a supervisor approves: the common case reads nothing more.
    let person: Arrival['person'] = { id: actor.id, name: actor.name, email: actor.email, manager: null };
    if (mode === 'supervisor') person = (await findEnrollee(tx, actor.id)) ?? person;
    const audience = input.audience ? answersValues(input.audience, target.course, actor.id, ctx.now) : {};
    // The reason doubles as the note when none is given: the supervisor's approval request quotes the note.
    const note = input.note || input.audience?.reason || null;
    const row = await enrolInSession(tx, ctx, target, { person, origin: 'self', note, approvalBy: approvalForApplicant(mode, person), audience });
    return (await enrolmentViews(tx, actor, [row], ctx.now))[0]!;
  });
}
