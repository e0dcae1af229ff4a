// The enrolment capability's enumerations (CA-3), in a file of their own so the pages (next) can
// import them without the database layer; schema.ts builds its columns from the same lists.

/**
 * Where an enrolment stands. pending_approval → confirmed | waitlisted | declined;
 * waitlisted → confirmed (promotion); pending_approval | confirmed | waitlisted → cancelled.
 * After the event (AF-1, decision 018) confirmed → completed (present on every session day) or
 * no_show (absent on at least one). The list only grows, and every state that is not declined or
 * cancelled still holds the person's place: a completed or no-show enrolment stays "live", so the
 * person cannot apply for that same (past) session again; a later session is a new enrolment.
 */
export const enrolmentStates = ['pending_approval', 'confirmed', 'waitlisted', 'declined', 'cancelled', 'completed', 'no_show'] as const;
export type EnrolmentState = (typeof enrolmentStates)[number];

/** States that are over: the person may apply again. Every other state is "live". */
export const endedStates = ['declined', 'cancelled'] as const satisfies readonly EnrolmentState[];
export const isLive = (state: EnrolmentState): boolean => !(endedStates as readonly string[]).includes(state);

/** Who put the person down: themself, a supervisor (nomination), a coordinator, or a colleague passing on a seat. */
export const enrolmentOrigins = ['self', 'supervisor', 'coordinator', 'substitution'] as const;
export type EnrolmentOrigin = (typeof enrolmentOrigins)[number];

/** Whose yes an application waits for. */
export const approverKinds = ['supervisor', 'coordinator'] as const;
export type ApproverKind = (typeof approverKinds)[number];

/** What happened to an enrolment, one row each in enrolment_events. */
export const enrolmentEventTypes = [
  'applied', // arrived: applied, nominated, put down by a coordinator, or handed a colleague's seat
  'approved', // pending_approval → confirmed | waitlisted
  'declined', // pending_approval → declined
  'promoted', // waitlisted → confirmed, when a seat freed
  'cancelled',
  'substituted', // confirmed → cancelled: the seat passed to a colleague
  'redirected', // → cancelled: a coordinator moved the person to a better offering (CA-4), a new enrolment there
  'completed', // confirmed → completed: present on every session day (AF-1)
  'no_show', // confirmed → no_show: attended fewer session days than the course's rule asks (AF-1)
  'reopened', // completed | no_show → confirmed: a coordinator reopened a session enrolment to correct its marks (AF-1)
] as const;
export type EnrolmentEventType = (typeof enrolmentEventTypes)[number];

export const approvalDecisions = ['approve', 'decline'] as const;
export type ApprovalDecision = (typeof approvalDecisions)[number];
