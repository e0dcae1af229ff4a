import { and, asc, eq, inArray, notInArray } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import { AppError } from '../platform/http/app-error';
import type { EnrolmentContext, LockedSession } from './enrolment-context';
import { insertEnrolment, insertEnrolments, moveEnrolment, type EnrolmentRow } from './enrolment-history';
import { mailAwaitingApproval, mailCancelled, mailWaitlisted, onEnrolmentConfirmed, type Enrolled } from './enrolment-mails';
import { findEnrollee, type Enrollee } from './enrolment-people';
import type { ApproverKind, EnrolmentOrigin, EnrolmentState } from './enrolment-values';
import { requestSupervisorApproval } from './approval-tokens';
import { countSeatsLocked, waitlistRanks, type Seats as SessionSeats } from './seats';
import { startAudience, startAudiences, type AudienceValues } from './audience-fit';
import { enqueueMails, type OutgoingMail } from '../platform/mail/enqueue-mail';
import { enrolments } from './schema';

// The seat rules (CA-3, decision 014). Every function here runs under the session's row lock,
// taken by the caller with catalog/sessions-for-enrolment.ts: what they count is what they decide on.
//
// - Only confirmed enrolments hold seats. A newcomer gets a seat when confirmed < capacity, else
//   the waitlist; an application that needs approval holds no seat and waits in pending_approval.
// - When seats are free, the waitlist moves up in position order (arrival order). Nobody is ever
//   bumped: a capacity lowered below the confirmed count just confirms nobody until under it.
// - An approved application takes a free seat, or joins the waitlist at its original position.

type Seats = Awaited<ReturnType<typeof countSeatsLocked>>;

async function enrolled(tx: DbOrTx, target: LockedSession, row: EnrolmentRow, person?: { name: string; email: string }): Promise<Enrolled> {
  const who = person ?? (await findEnrollee(tx, row.personId));
  if (!who) throw new AppError('internal', 'An enrolment names a person who does not exist.');
  return { enrolment: row, person: { name: who.name, email: who.email }, course: target.course, session: target.session };
}

const taking = (target: LockedSession, now: Date) => target.session.status === 'scheduled' && target.session.startsAt > now;

/**
 * Gives free seats to the waitlist, first position first, and mails each promoted person their
 * confirmation. Called by every write under the lock, so a seat freed by a cancellation, a decline
 * or a larger capacity is taken at the next change. Returns the seats after.
 */
export async function fillFreeSeats(tx: DbOrTx, ctx: EnrolmentContext, target: LockedSession, personId?: string): Promise<Seats> {
  const seats = await countSeatsLocked(tx, target.session, personId);
  if (seats.free === 0 || seats.waitlisted === 0 || !taking(target, ctx.now)) return seats;
  const next = await tx
    .select()
    .from(enrolments)
    .where(and(eq(enrolments.sessionId, target.session.id), eq(enrolments.state, 'waitlisted')))
    .orderBy(asc(enrolments.position))
    .limit(seats.free);
  // Stride promotes, not whoever freed the seat: the history says so.
  const system = { ...ctx, actorId: null, actorName: null };
  for (const row of next) {
    const promoted = await moveEnrolment(tx, system, row, 'confirmed', { confirmedAt: ctx.now }, { type: 'promoted', details: { freedBy: ctx.actorId } });
    await onEnrolmentConfirmed(tx, ctx, await enrolled(tx, target, promoted), { kind: 'promotion' });
  }
  return countSeatsLocked(tx, target.session, personId);
}

export type Arrival = {
  person: Pick<Enrollee, 'id' | 'name' | 'email' | 'manager'>;
  origin: EnrolmentOrigin;
  note: string | null;
  /** Whose yes it needs; null when none (or when the one who put them down gives it). */
  approvalBy: ApproverKind | null;
  /** A substitution waiting for approval: the confirmed enrolment whose seat this one would take. */
  replaces?: { enrolment: EnrolmentRow; personName: string };
  /** The audience analysis it arrives with (CA-4): the learner's answers, a supervisor's expectations; none is flagged. */
  audience?: AudienceValues;
  /** A coordinator's redirect (CA-4): the enrolment the person was moved from. */
  redirectedFrom?: string;
};

const arrivalValues = (ctx: EnrolmentContext, target: LockedSession, arrival: Arrival, state: EnrolmentState, position: number) => ({
  sessionId: target.session.id,
  personId: arrival.person.id,
  state,
  position,
  origin: arrival.origin,
  appliedBy: ctx.actorId,
  appliedAt: ctx.now,
  note: arrival.note,
  approvalBy: arrival.approvalBy,
  replacesEnrolmentId: arrival.replaces?.enrolment.id ?? null,
  redirectedFromEnrolmentId: arrival.redirectedFrom ?? null,
  confirmedAt: state === 'confirmed' ? ctx.now : null,
});

const arrivalEvent = (arrival: Arrival) => ({
  type: 'applied' as const,
  note: arrival.note,
  details: { origin: arrival.origin, ...(arrival.approvalBy ? { approvalBy: arrival.approvalBy } : {}), ...(arrival.redirectedFrom ? { redirectedFrom: arrival.redirectedFrom } : {}) },
});

/** A new enrolment in the session: next position, and a seat, the waitlist or pending approval. */
export async function enrolInSession(tx: DbOrTx, ctx: EnrolmentContext, target: LockedSession, arrival: Arrival): Promise<EnrolmentRow> {
  const seats = await fillFreeSeats(tx, ctx, target, arrival.person.id);
  if (seats.personHasLive) {
    const message = arrival.person.id === ctx.actorId ? 'You already have a place in this session (or an application waiting).' : `${arrival.person.name} already has a place in this session (or an application waiting).`;
    throw new AppError('conflict', message, { fields: [{ field: 'personId', message }] });
  }
  const state = arrival.approvalBy ? 'pending_approval' : seats.confirmed < target.session.capacity ? 'confirmed' : 'waitlisted';
  const row = await insertEnrolment(tx, ctx, arrivalValues(ctx, target, arrival, state, seats.lastPosition + 1), arrivalEvent(arrival));
  await startAudience(tx, ctx, target, row, arrival.audience ?? {});
  const e = await enrolled(tx, target, row, arrival.person);
  const by = arrival.origin === 'self' ? undefined : (ctx.actorName ?? undefined);
  if (state === 'pending_approval') {
    const manager = arrival.person.manager;
    if (arrival.approvalBy === 'supervisor' && manager) await requestSupervisorApproval(tx, ctx, e, manager, arrival.replaces?.personName);
    await mailAwaitingApproval(tx, ctx, e, { kind: arrival.approvalBy!, ...(manager ? { name: manager.name } : {}) });
  } else if (state === 'confirmed') {
    const kind = arrival.origin === 'supervisor' ? 'nomination' : arrival.origin === 'coordinator' ? 'coordinator' : 'arrival';
    await onEnrolmentConfirmed(tx, ctx, e, { kind, ...(by ? { by } : {}) });
  } else {
    await mailWaitlisted(tx, ctx, e, seats.waitlisted + 1, by ? { by } : undefined);
  }
  return row;
}

/**
 * Several people arriving at the session together (a crowd applying at once), in the order given,
 * each with their own moment and actor: exactly what `enrolInSession` would write for each in turn
 * — positions, seats then waitlist, history, audit, audience, mail — in a dozen statements for any
 * number. Only for arrivals that need nobody's approval and go in by themselves (no `replaces`,
 * no `redirectedFrom`). Returns null, having written nothing, when the plain rules are not the whole
 * story: someone already has a place in the session or arrives twice, or free seats are owed to
 * the waitlist first; the caller then enrols them one by one.
 */
export async function enrolCrowd(tx: DbOrTx, target: LockedSession, crowd: { ctx: EnrolmentContext; arrival: Arrival }[]): Promise<{ row: EnrolmentRow; seats: SessionSeats }[] | null> {
  if (crowd.some(({ arrival }) => arrival.approvalBy || arrival.replaces || arrival.redirectedFrom)) return null;
  const personIds = crowd.map(({ arrival }) => arrival.person.id);
  if (new Set(personIds).size !== personIds.length) return null;
  const seats = await countSeatsLocked(tx, target.session);
  if (seats.free > 0 && seats.waitlisted > 0) return null;
  const there = await tx
    .select({ id: enrolments.id })
    .from(enrolments)
    .where(and(eq(enrolments.sessionId, target.session.id), inArray(enrolments.personId, personIds), notInArray(enrolments.state, ['declined', 'cancelled'])))
    .limit(1);
  if (there.length > 0) return null;

  // A seat while there is one, then the waitlist: with no seat owed to the waitlist at the start,
  // none can become owed along the way, so nobody is promoted in between.
  let { confirmed, waitlisted } = seats;
  const placed = crowd.map(({ ctx, arrival }, i) => {
    const state: EnrolmentState = confirmed < target.session.capacity ? 'confirmed' : 'waitlisted';
    if (state === 'confirmed') confirmed += 1;
    else waitlisted += 1;
    const after: SessionSeats = { capacity: seats.capacity, confirmed, waitlisted, pendingApproval: seats.pendingApproval, free: Math.max(0, seats.capacity - confirmed) };
    return { ctx, arrival, state, position: seats.lastPosition + i + 1, seats: after, rank: waitlisted };
  });
  const rows = await insertEnrolments(
    tx,
    placed.map(({ ctx, arrival, state, position }) => ({ change: ctx, values: arrivalValues(ctx, target, arrival, state, position), event: arrivalEvent(arrival) })),
  );
  await startAudiences(tx, target, placed.map(({ ctx, arrival }, i) => ({ change: ctx, row: rows[i]!, values: arrival.audience ?? {} })));
  const mails: OutgoingMail[] = [];
  for (const [i, { ctx, arrival, state, rank }] of placed.entries()) {
    const e = await enrolled(tx, target, rows[i]!, arrival.person);
    const by = arrival.origin === 'self' ? undefined : (ctx.actorName ?? undefined);
    const collecting = { ...ctx, collect: mails };
    if (state === 'confirmed') {
      const kind = arrival.origin === 'supervisor' ? 'nomination' : arrival.origin === 'coordinator' ? 'coordinator' : 'arrival';
      await onEnrolmentConfirmed(tx, collecting, e, { kind, ...(by ? { by } : {}) });
    } else {
      await mailWaitlisted(tx, collecting, e, rank, by ? { by } : undefined);
    }
  }
  await enqueueMails(tx, mails);
  return placed.map(({ seats: after }, i) => ({ row: rows[i]!, seats: after }));
}

/** An approved application: a free seat if there is one, else the waitlist at its original position. */
export async function placeApproved(tx: DbOrTx, ctx: EnrolmentContext, target: LockedSession, row: EnrolmentRow, note: string | null): Promise<EnrolmentRow> {
  const seats = await fillFreeSeats(tx, ctx, target);
  const state = seats.confirmed < target.session.capacity ? 'confirmed' : 'waitlisted';
  const decided = { decidedBy: ctx.actorId, decidedAt: ctx.now, decisionNote: note };
  const moved = await moveEnrolment(tx, ctx, row, state, { ...decided, ...(state === 'confirmed' ? { confirmedAt: ctx.now } : {}) }, { type: 'approved', note });
  const e = await enrolled(tx, target, moved);
  if (state === 'confirmed') await onEnrolmentConfirmed(tx, ctx, e, { kind: 'approval', ...(ctx.actorName ? { by: ctx.actorName } : {}) });
  else await mailWaitlisted(tx, ctx, e, (await waitlistRanks(tx, [target.session.id])).get(moved.id) ?? seats.waitlisted + 1);
  return moved;
}

/**
 * Substitution (CA-3): the original's confirmed seat passes to the substitute in one step, past the
 * waitlist — the seat count does not change. `substitute` is either a pending proposal now approved,
 * or a person to enrol straight into the seat.
 */
export async function passSeat(
  tx: DbOrTx,
  ctx: EnrolmentContext,
  target: LockedSession,
  original: EnrolmentRow,
  substitute: { pending: EnrolmentRow; note: string | null } | { person: Arrival['person']; note: string | null },
): Promise<EnrolmentRow> {
  const originalPerson = await findEnrollee(tx, original.personId);
  const substitutePerson = 'pending' in substitute ? await findEnrollee(tx, substitute.pending.personId) : substitute.person;
  if (!originalPerson || !substitutePerson) throw new AppError('internal', 'A substitution names a person who does not exist.');
  const reason = `Seat passed to ${substitutePerson.name}.`;
  const gaveUp = await moveEnrolment(tx, ctx, original, 'cancelled', { cancelledAt: ctx.now, cancelledBy: ctx.actorId, cancellationReason: reason }, { type: 'substituted', note: substitute.note, details: { substitutePersonId: substitutePerson.id } });
  let taken: EnrolmentRow;
  if ('pending' in substitute) {
    taken = await moveEnrolment(tx, ctx, substitute.pending, 'confirmed', { decidedBy: ctx.actorId, decidedAt: ctx.now, decisionNote: substitute.note, confirmedAt: ctx.now }, { type: 'approved', note: substitute.note, details: { replaces: original.id } });
  } else {
    const seats = await countSeatsLocked(tx, target.session, substitutePerson.id);
    taken = await insertEnrolment(
      tx,
      ctx,
      { sessionId: target.session.id, personId: substitutePerson.id, state: 'confirmed', position: seats.lastPosition + 1, origin: 'substitution', appliedBy: ctx.actorId, appliedAt: ctx.now, note: substitute.note, replacesEnrolmentId: original.id, confirmedAt: ctx.now },
      { type: 'applied', note: substitute.note, details: { origin: 'substitution', replaces: original.id } },
    );
    await startAudience(tx, ctx, target, taken, {});
  }
  await mailCancelled(tx, ctx, await enrolled(tx, target, gaveUp, originalPerson), { by: ctx.actorId === original.personId ? null : ctx.actorName, reason: null, passedTo: substitutePerson.name });
  await onEnrolmentConfirmed(tx, ctx, await enrolled(tx, target, taken, substitutePerson), { kind: 'substitution', by: originalPerson.name });
  return taken;
}
