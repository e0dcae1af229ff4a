import { z } from 'zod';
import { approvalModes, courseFormats, sessionStatuses } from '../catalog/catalog-values';
import { approvalDecisions, approverKinds, enrolmentEventTypes, enrolmentOrigins, enrolmentStates } from './enrolment-values';
import { audienceAnswersInput, audienceView, expectationsField, nominationAudienceInput } from './audience-schemas';
import { fitRules } from './audience-values';

// Shared by the enrolment pages (next: the apply button, My learning, the approvals page, the
// session roster) and the server's checks (CA-3).

const note = z.string().trim().max(1000, 'The note is too long (1,000 characters at most).').optional();

export const applyInput = z.object({
  /** Why the applicant wants the place, in their words; their supervisor reads it with the request. */
  note,
  /** The audience analysis's questions (CA-4). Left out, the application is taken and flagged "not answered". */
  audience: audienceAnswersInput.optional().describe('The learner’s answers to the audience analysis (CA-4); optional, but an application without them is flagged.'),
});
export type ApplyInput = z.infer<typeof applyInput>;

export const nominateInput = z.object({
  personId: z.uuid('Choose the person to enrol.'),
  note,
  audience: nominationAudienceInput.optional().describe('The nominating supervisor’s expectations (CA-4); the learner answers the questions themself.'),
});
export type NominateInput = z.infer<typeof nominateInput>;

/** A self-paced (e-learning) course has no sessions, so no audience analysis: just the note. */
export const courseEnrolmentInput = applyInput.pick({ note: true });
export const courseNominationInput = nominateInput.pick({ personId: true, note: true });

export const cancelInput = z.object({ reason: z.string().trim().max(1000, 'The reason is too long (1,000 characters at most).').optional() });
export type CancelInput = z.infer<typeof cancelInput>;

export const substituteInput = z.object({ personId: z.uuid('Choose the colleague who takes the seat.'), note });
export type SubstituteInput = z.infer<typeof substituteInput>;

export const decisionInput = z.object({
  decision: z.enum(approvalDecisions, 'Choose approve or decline.'),
  /** Said to the learner with the decision. */
  note,
  /** Kept with the application when it is approved (CA-4). */
  expectations: expectationsField,
});
export type DecisionInput = z.infer<typeof decisionInput>;

export const tokenParam = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'This approval link is incomplete; open it again from the mail, whole.'),
});

const personRef = z.object({ id: z.uuid(), name: z.string(), jobTitle: z.string() });
const actorRef = z.object({ id: z.uuid(), name: z.string() });

export const seatsView = z
  .object({
    capacity: z.number().int(),
    confirmed: z.number().int().describe('Seats taken; only confirmed enrolments hold one.'),
    waitlisted: z.number().int(),
    pendingApproval: z.number().int().describe('Applications waiting for a supervisor or coordinator; they hold no seat.'),
    free: z.number().int(),
  })
  .meta({ id: 'SessionSeats' });

const sessionSummary = z.object({
  id: z.uuid(),
  status: z.enum(sessionStatuses),
  startsAt: z.string(),
  endsAt: z.string(),
  timeZone: z.string(),
  startsLocal: z.string().describe('The start on the wall clock of the session’s time zone.'),
  endsLocal: z.string(),
  place: z.string().nullable(),
  online: z.boolean(),
  joinUrl: z.string().nullable().describe('For the confirmed participant and the unit’s coordinators.'),
  enrolmentDeadline: z.string(),
  approvalMode: z.enum(approvalModes),
});

export const enrolmentView = z
  .object({
    id: z.uuid(),
    state: z.enum(enrolmentStates),
    origin: z.enum(enrolmentOrigins).describe('Who put the person down: themself, a supervisor, a coordinator, or a colleague passing on their seat.'),
    position: z.number().int().nullable().describe('Arrival order in the session (1 = first); null for a self-paced course.'),
    waitlistPosition: z.number().int().nullable().describe('Place on the waitlist (1 = next to get a seat) while waitlisted.'),
    person: personRef,
    appliedBy: actorRef.nullable(),
    appliedAt: z.string(),
    note: z.string().nullable(),
    approval: z
      .object({ by: z.enum(approverKinds), decidedBy: actorRef.nullable(), decidedAt: z.string().nullable(), note: z.string().nullable() })
      .nullable()
      .describe('Whose yes the application needed or needs, and the decision once made.'),
    replacesEnrolmentId: z.uuid().nullable().describe('Substitution: the enrolment whose seat this one took (or would take, while pending).'),
    replacedByEnrolmentId: z.uuid().nullable(),
    redirectedFromEnrolmentId: z.uuid().nullable().describe('A coordinator moved the person here from this enrolment (CA-4).'),
    redirectedToEnrolmentId: z.uuid().nullable().describe('A coordinator moved the person from here to this enrolment (CA-4).'),
    confirmedAt: z.string().nullable(),
    cancelledAt: z.string().nullable(),
    cancellationReason: z.string().nullable(),
    course: z.object({ id: z.uuid(), code: z.string(), title: z.string(), format: z.enum(courseFormats) }),
    session: sessionSummary.nullable().describe('Null for a self-paced (e-learning) course.'),
    seats: seatsView.nullable(),
    audience: audienceView.nullable().describe('The audience analysis (CA-4); null for a self-paced course, or an enrolment made before the questions and never answered.'),
    allowed: z
      .object({
        cancel: z.boolean(),
        substitute: z.boolean(),
        decide: z.boolean(),
        redirect: z.boolean().describe('Move the person to a better offering (coordinators, CA-4).'),
        answer: z.boolean().describe('Answer or change the audience questions (the learner, or a coordinator on their behalf, CA-4).'),
      })
      .describe('What the caller may do with it now.'),
  })
  .meta({ id: 'Enrolment' });
export type EnrolmentView = z.infer<typeof enrolmentView>;

export const enrolmentEventView = z.object({
  id: z.number().int(),
  type: z.enum(enrolmentEventTypes),
  fromState: z.enum(enrolmentStates).nullable(),
  toState: z.enum(enrolmentStates),
  at: z.string(),
  actor: actorRef.nullable().describe('Null when Stride acted (a promotion from the waitlist).'),
  note: z.string().nullable(),
});

export const enrolmentDetailView = enrolmentView.extend({ history: z.array(enrolmentEventView) }).meta({ id: 'EnrolmentDetail' });
export type EnrolmentDetailView = z.infer<typeof enrolmentDetailView>;

export const learningQuery = z.object({ personId: z.uuid('Must be a valid id.').optional() });

export const learningView = z
  .object({
    upcoming: z.array(enrolmentView).describe('Sessions not yet over (soonest first) and self-paced courses still open.'),
    past: z.array(enrolmentView).describe('Sessions over, and self-paced courses ended (latest first).'),
  })
  .meta({ id: 'Learning' });
export type LearningView = z.infer<typeof learningView>;

export const rosterView = z
  .object({
    sessionId: z.uuid(),
    seats: seatsView,
    confirmed: z.array(enrolmentView).describe('In arrival order.'),
    waitlist: z.array(enrolmentView).describe('In the order seats will go.'),
    pendingApproval: z.array(enrolmentView).describe('In arrival order; an approved one takes a free seat or its place on the waitlist.'),
    ended: z.array(enrolmentView).describe('Declined and cancelled, latest first.'),
  })
  .meta({ id: 'SessionRoster' });
export type RosterView = z.infer<typeof rosterView>;

export const sessionSeatsView = z
  .object({
    sessionId: z.uuid(),
    seats: seatsView,
    approvalMode: z.enum(approvalModes),
    enrolmentDeadline: z.string(),
    open: z.boolean().describe('Whether the caller can apply now.'),
    closedReason: z.string().nullable(),
    mine: enrolmentView.nullable().describe('The caller’s live enrolment in this session, if any.'),
    questions: z
      .object({
        role: z.string().describe('The caller’s job title: the prefill of “your role”.'),
        prerequisites: z.string().nullable().describe('The course’s prerequisites; when set, the form asks “I meet the prerequisites” (yes / partly / no), and the answer is required.'),
      })
      .describe('What the application form asks (CA-4).'),
  })
  .meta({ id: 'SessionSeatsForMe' });
export type SessionSeatsView = z.infer<typeof sessionSeatsView>;

const whatIsDecided = {
  learnerName: z.string(),
  course: z.object({ code: z.string(), title: z.string() }),
  session: z.object({ startsAt: z.string(), endsAt: z.string(), timeZone: z.string(), startsLocal: z.string(), endsLocal: z.string() }),
};

export const approvalLinkView = z
  .object({
    ...whatIsDecided,
    substitution: z.boolean().describe('The learner would take a colleague’s seat.'),
    flags: z
      .array(z.object({ rule: z.enum(fitRules), label: z.string() }))
      .describe('The fit check’s flags by name only (CA-4): what to ask the learner about before deciding. The answers themselves are in Stride.'),
    expiresAt: z.string(),
  })
  .meta({ id: 'ApprovalRequest' });
export type ApprovalLinkView = z.infer<typeof approvalLinkView>;

export const approvalOutcomeView = z
  .object({
    ...whatIsDecided,
    decision: z.enum(approvalDecisions),
    state: z.enum(enrolmentStates),
    waitlistPosition: z.number().int().nullable(),
    message: z.string(),
  })
  .meta({ id: 'ApprovalOutcome' });
export type ApprovalOutcomeView = z.infer<typeof approvalOutcomeView>;

export const sessionAudienceView = z
  .object({
    sessionId: z.uuid(),
    approvalMode: z.enum(approvalModes),
    course: z.object({
      id: z.uuid(),
      code: z.string(),
      title: z.string(),
      audience: z.string().describe('Who the course is for, in the catalog’s words.'),
      prerequisites: z.string(),
      audienceUnits: z.array(z.object({ id: z.uuid(), name: z.string() })).describe('The business units it is meant for; none: everyone.'),
      introductory: z.string().nullable().describe('Why the fit check counts it as introductory (title or code), or null.'),
    }),
    summary: z.object({
      applicants: z.number().int().describe('Live enrolments: confirmed, waitlisted and waiting for approval.'),
      answered: z.number().int(),
      withExpectations: z.number().int(),
      flagged: z.number().int().describe('Applicants with at least one flag.'),
      byRule: z.array(z.object({ rule: z.enum(fitRules), label: z.string(), count: z.number().int() })).describe('Every rule, in order, with how many applicants it flags.'),
    }),
    applicants: z.array(enrolmentView).describe('Live enrolments in arrival order, each with its audience (answers, expectations, flags).'),
  })
  .meta({ id: 'SessionAudience' });
export type SessionAudienceView = z.infer<typeof sessionAudienceView>;
