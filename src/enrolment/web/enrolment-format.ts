import type { EnrolmentState } from '../enrolment-values';
import { formatMoment, viewerTimeZone } from '../../catalog/web/catalog-format';
import type { EnrolmentView, SessionSeatsView } from './enrolment-api';

// An enrolment's words as the pages show them (CA-3). Times are always formatted with an explicit
// zone: the session's (catalog-format.ts) and the viewer's for moments such as "applied on".

export const stateLabels: Record<EnrolmentState, string> = {
  pending_approval: 'Waiting for approval',
  confirmed: 'Confirmed',
  waitlisted: 'Waitlisted',
  declined: 'Declined',
  cancelled: 'Cancelled',
  completed: 'Completed',
  no_show: 'Did not attend',
};

/** Badge colours with a text shade that keeps 4.5:1 on the light background. */
export const stateColors: Record<EnrolmentState, { color: string; c: string }> = {
  pending_approval: { color: 'yellow', c: 'yellow.9' },
  confirmed: { color: 'teal', c: 'teal.9' },
  waitlisted: { color: 'blue', c: 'blue.9' },
  declined: { color: 'red', c: 'red.9' },
  cancelled: { color: 'gray', c: 'gray.8' },
  completed: { color: 'green', c: 'green.9' },
  no_show: { color: 'orange', c: 'orange.9' },
};

/** A moment in the viewer's own zone: "Tue 12 Jan, 09:00". */
export const atViewer = (iso: string) => formatMoment(new Date(iso), viewerTimeZone());

export type Who = {
  /** The viewer is the enrolled person. */
  self: boolean;
  /** The viewer's direct manager, who is mailed the approval request of their own applications. */
  managerName?: string | null | undefined;
};

/** Whose yes an application waits for, in the viewer's words. */
export function awaitingWhom(e: EnrolmentView, who: Who): string {
  if (e.approval?.by === 'coordinator') return 'the training unit';
  if (who.self) return who.managerName ? `${who.managerName} (your supervisor)` : 'your supervisor';
  return `${e.person.name.split(/\s+/)[0]}’s supervisor`;
}

/** What follows the state's name: "by Sam Supervisor (your supervisor)", "position 2", or nothing. */
export function stateRest(e: EnrolmentView, who: Who): string | null {
  if (e.state === 'pending_approval') return e.allowed.decide ? 'from you' : `by ${awaitingWhom(e, who)}`;
  if (e.state === 'waitlisted' && e.waitlistPosition) return `position ${e.waitlistPosition}`;
  return null;
}

/** "Confirmed", "Waiting for approval by Sam Supervisor (your supervisor)", "Waitlisted, position 2", "Cancelled". */
export function stateLine(e: EnrolmentView, who: Who): string {
  const rest = stateRest(e, who);
  if (!rest) return stateLabels[e.state];
  return `${stateLabels[e.state]}${e.state === 'waitlisted' ? ',' : ''} ${rest}`;
}

/** The line under the state: how it came about, in a few words. */
export function stateDetail(e: EnrolmentView, who: Who): string | null {
  const decided = e.approval?.decidedBy;
  if (e.state === 'declined') return `${decided ? `Declined by ${decided.name}` : 'Declined'}${e.approval?.note ? `: “${e.approval.note}”` : '.'}`;
  if (e.state === 'cancelled') {
    if (e.replacedByEnrolmentId && e.cancellationReason) return e.cancellationReason;
    return `Cancelled${e.cancelledAt ? ` on ${atViewer(e.cancelledAt)}` : ''}${e.cancellationReason ? `: “${e.cancellationReason}”` : '.'}`;
  }
  if (e.state === 'waitlisted') return `A seat that frees goes to the first on the waitlist, automatically; ${who.self ? 'you are' : 'they are'} told by e-mail.`;
  if (e.state === 'confirmed' && decided) return `Approved by ${decided.name}${e.approval?.note ? `: “${e.approval.note}”` : '.'}`;
  if (e.state === 'confirmed' && e.origin === 'substitution') return 'A colleague passed their seat on.';
  if (e.state === 'confirmed' && e.appliedBy && e.appliedBy.id !== e.person.id) return `Put down by ${e.appliedBy.name}.`;
  return null;
}

export function seatsLeftText(seats: SessionSeatsView['seats']): string {
  if (seats.free <= 0) return seats.waitlisted > 0 ? `Full · ${seats.waitlisted} on the waitlist` : 'Full · the waitlist is open';
  return `${seats.free} of ${seats.capacity} ${seats.capacity === 1 ? 'seat' : 'seats'} left`;
}

/** Where the session happens, for a list: the place, online, or both. */
export function whereText(session: NonNullable<EnrolmentView['session']>): string {
  if (session.place && session.online) return `${session.place}, and online`;
  if (session.place) return session.place;
  if (session.online) return 'Online';
  return 'Place to be announced';
}
