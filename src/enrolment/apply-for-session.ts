import type { Actor } from '../platform/auth/actor';
import type { Tx } from '../platform/db/database';
import { contextOf, type EnrolmentContext, type EnrolmentDeps, type LockedSession } from './enrolment-context';
import { visibleSession } from './enrolment-access';
import { findEnrollee } from './enrolment-people';
import type { ApplyInput, EnrolmentView } from './enrolment-schemas';
import { enrolmentViews, enrolmentViewsFor } from './enrolment-view';
import { approvalForApplicant } from './approval-rules';
import { enrolCrowd, enrolInSession, type Arrival } from './place-in-session';
import { assertOpen, whyClosed } from './session-openness';
import { answersValues, assertAnswersComplete } from './audience-fit';
import { arriveAt } from './session-arrivals';

export type Application = { actor: Actor; ctx: EnrolmentContext; input: ApplyInput };

/**
 * A learner applies for a session in one click (CA-3): under the session's row lock they get the
 * next arrival position and a seat, a place on the waitlist, or — where the session asks for it —
 * an application waiting for their supervisor (mailed Approve / Decline links) or a coordinator.
 * Their answers to the audience questions (CA-4) go with it and are checked for fit; an
 * application without them is taken all the same, flagged "not answered".
 * Applications arriving at the same session together are written together (session-arrivals.ts).
 */
export async function applyForSession(deps: EnrolmentDeps, actor: Actor, sessionId: string, input: ApplyInput): Promise<EnrolmentView> {
  return arriveAt(deps.db, sessionId, { actor, ctx: contextOf(deps, actor), input }, writeApplications);
}

/** Applications in arrival order: as a crowd in a few statements when the plain rules cover them all, else one by one. */
async function writeApplications(tx: Tx, locked: LockedSession | undefined, applications: Application[]): Promise<EnrolmentView[]> {
  if (applications.length > 1) {
    const crowd = await applyAsCrowd(tx, locked, applications);
    if (crowd) return crowd;
  }
  const views: EnrolmentView[] = [];
  for (const application of applications) views.push(await applyOne(tx, locked, application));
  return views;
}

async function applyOne(tx: Tx, locked: LockedSession | undefined, app: Application): Promise<EnrolmentView> {
  const { actor, ctx, input } = app;
  const target = visibleSession(actor, locked);
  await assertOpen(tx, target, ctx.now, 'applicant');
  assertAnswersComplete(target.course, input.audience, 'audience.meetsPrerequisites');
  const mode = target.session.approvalMode;
  // The manager matters only where a supervisor approves: the common case reads nothing more.
  let person: Arrival['person'] = { id: actor.id, name: actor.name, email: actor.email, manager: null };
  if (mode === 'supervisor') person = (await findEnrollee(tx, actor.id)) ?? person;
  const row = await enrolInSession(tx, ctx, target, arrivalOf(target, app, person));
  return (await enrolmentViews(tx, actor, [row], ctx.now))[0]!;
}

function arrivalOf(target: LockedSession, { actor, ctx, input }: Application, person: Arrival['person']): Arrival {
  const audience = input.audience ? answersValues(input.audience, target.course, actor.id, ctx.now) : {};
  // The reason doubles as the note when none is given: the supervisor's approval request quotes the note.
  const note = input.note || input.audience?.reason || null;
  return { person, origin: 'self', note, approvalBy: approvalForApplicant(target.session.approvalMode, person), audience };
}

/**
 * The crowd's way, for applications that need no approval to a session open to them all: what
 * `applyOne` would give each in turn, or null (nothing written) when any needs more than that.
 */
export async function applyAsCrowd(tx: Tx, locked: LockedSession | undefined, applications: Application[]): Promise<EnrolmentView[] | null> {
  if (!locked || locked.session.approvalMode !== 'none') return null;
  const target = locked;
  const plain = applications.every(({ actor, ctx, input }) => {
    try {
      visibleSession(actor, target);
      assertAnswersComplete(target.course, input.audience, 'audience.meetsPrerequisites');
    } catch {
      return false;
    }
    return whyClosed(target, ctx.now, 'applicant') === null;
  });
  if (!plain) return null;
  const placed = await enrolCrowd(
    tx,
    target,
    applications.map((a) => ({ ctx: a.ctx, arrival: arrivalOf(target, a, { id: a.actor.id, name: a.actor.name, email: a.actor.email, manager: null }) })),
  );
  if (!placed) return null;
  return enrolmentViewsFor(tx, placed.map(({ row, seats }, i) => ({ actor: applications[i]!.actor, row, now: applications[i]!.ctx.now, seats })), target);
}
