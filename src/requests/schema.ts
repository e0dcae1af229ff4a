import { sql } from 'drizzle-orm';
import { pgTable, uuid, bigint, integer, text, timestamp, boolean, date, jsonb, index, uniqueIndex, check } from 'drizzle-orm/pg-core';
import { businessUnits, people } from '../people/schema';
import type { ProjectSize } from '../development/development-values';
import { actionKinds, actionStates, requestEventTypes, requestOrigins, requestStates, requestUrgencies, type CauseKind, type InterventionKind } from './request-values';

// RQ-7: the organization's strategic goals, kept by the unit lead. A goal is retired, never
// deleted: the requests that served it keep pointing at it.
export const strategicGoals = pgTable('strategic_goals', {
  id: uuid('id').primaryKey().defaultRandom(),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

// RQ-7: business units the unit lead marks as prime customer segments (one row per marked unit).
export const primeSegments = pgTable('prime_segments', {
  businessUnitId: uuid('business_unit_id').primaryKey().references(() => businessUnits.id),
  note: text('note').notNull().default(''),
  markedBy: uuid('marked_by').references(() => people.id),
  markedAt: timestamp('marked_at', { withTimezone: true }).notNull(),
});

export type WeighedCause = { cause: CauseKind; weight: number; evidence: string };

// A training request (RQ-1, RQ-2) in the requester's words, with its diagnosis (RQ-3) and the
// reconciliation of the two voices (RQ-4) on the same row: each is one per request and edited
// whole. `number` gives people a reference to quote (R-000012). `triage_role` / `decision_role`
// are the charter's "who triages, who decides" for the request type, copied at submission.
export const trainingRequests = pgTable(
  'training_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: integer('number').notNull().generatedAlwaysAsIdentity().unique('training_requests_number_idx'),
    requesterId: uuid('requester_id').notNull().references(() => people.id),
    /** Who opened it on the requester's behalf (a support case's coordinator, a workshop), if not the requester. */
    openedBy: uuid('opened_by').references(() => people.id),
    origin: text('origin', { enum: requestOrigins }).notNull().default('intake'),
    /** The record it came from (a support case id, a workshop id), for the link back. */
    originId: uuid('origin_id'),
    businessUnitId: uuid('business_unit_id').references(() => businessUnits.id),
    state: text('state', { enum: requestStates }).notNull().default('draft'),
    title: text('title').notNull(),
    problem: text('problem').notNull().default(''),
    audience: text('audience').notNull().default(''),
    audienceSize: integer('audience_size'),
    desiredOutcome: text('desired_outcome').notNull().default(''),
    proposedSolution: text('proposed_solution').notNull().default(''),
    urgency: text('urgency', { enum: requestUrgencies }).notNull().default('when_possible'),
    goalId: uuid('goal_id').references(() => strategicGoals.id),
    requestType: text('request_type'),
    triageRole: text('triage_role'),
    decisionRole: text('decision_role'),
    ownerId: uuid('owner_id').references(() => people.id),
    // RQ-3 diagnosis: the performance gap and the weighed causes.
    gapCurrent: text('gap_current'),
    gapDesired: text('gap_desired'),
    gapMeasure: text('gap_measure'),
    causes: jsonb('causes').$type<WeighedCause[]>().notNull().default([]),
    diagnosedAt: timestamp('diagnosed_at', { withTimezone: true }),
    // RQ-4: what the stakeholder wants, and the consultant's reconciliation with the learners' answers.
    stakeholderWants: text('stakeholder_wants'),
    reconciliation: text('reconciliation'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    triagedAt: timestamp('triaged_at', { withTimezone: true }),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** Optimistic lock for the draft and the diagnosis, edited whole. */
    revision: integer('revision').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('training_requests_requester_idx').on(t.requesterId, t.createdAt),
    index('training_requests_state_idx').on(t.state, t.submittedAt),
    index('training_requests_owner_idx').on(t.ownerId),
    index('training_requests_origin_idx').on(t.originId),
    // The value dashboard counts decisions by the day they were accepted (decision 030): every
    // column its two measures read, so a year of decisions is read from the index alone.
    index('training_requests_accepted_idx').on(t.acceptedAt, t.submittedAt, t.businessUnitId, t.goalId, t.id).where(sql`${t.acceptedAt} IS NOT NULL`),
    check('training_requests_audience_size', sql`${t.audienceSize} IS NULL OR ${t.audienceSize} > 0`),
    // A draft was never sent; anything else was, except a draft withdrawn before sending.
    check('training_requests_submitted', sql`(${t.state} = 'draft' AND ${t.submittedAt} IS NULL) OR (${t.state} <> 'draft' AND (${t.submittedAt} IS NOT NULL OR ${t.state} = 'withdrawn'))`),
  ],
);

// What happened to each request, when, by whom: the history the requester and the unit read.
export const requestEvents = pgTable(
  'request_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    requestId: uuid('request_id').notNull().references(() => trainingRequests.id),
    type: text('type', { enum: requestEventTypes }).notNull(),
    actorId: uuid('actor_id').references(() => people.id),
    note: text('note'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('request_events_request_idx').on(t.requestId, t.id)],
);

/** `course` is the catalog course as it was named when recommended (an existing course only). */
export type Intervention = { kind: InterventionKind; title: string; rationale: string; ownerId: string; course: { id: string; code: string; title: string } | null; size: ProjectSize | null };

// RQ-5: a recommendation, versioned — a revision after a discussion is a new version; earlier
// versions stay as they were read. The requester's response is recorded on the version they read.
export const requestRecommendations = pgTable(
  'request_recommendations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id').notNull().references(() => trainingRequests.id),
    version: integer('version').notNull(),
    summary: text('summary').notNull(),
    /** The written explanation for the requester where training is not (only) the answer. */
    explanation: text('explanation').notNull().default(''),
    interventions: jsonb('interventions').$type<Intervention[]>().notNull(),
    issuedBy: uuid('issued_by').notNull().references(() => people.id),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    response: text('response', { enum: ['accepted', 'discuss'] }),
    responseNote: text('response_note'),
    respondedBy: uuid('responded_by').references(() => people.id),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    /**
     * Whether the interventions include a course, new or existing: derived by the database from
     * `interventions`, so the value dashboard and the portfolio (RQ-7) test a flag, not the JSON,
     * for every request they count (decision 030).
     */
    includesTraining: boolean('includes_training')
      .generatedAlwaysAs(sql`jsonb_path_exists(interventions, '$[*] ? (@.kind == "new_course" || @.kind == "existing_course")')`)
      .notNull(),
  },
  (t) => [
    uniqueIndex('request_recommendations_version_idx').on(t.requestId, t.version),
    index('request_recommendations_accepted_training_idx').on(t.requestId).where(sql`${t.response} = 'accepted' AND ${t.includesTraining}`),
  ],
);

// RQ-6: an accepted intervention followed to its end — a development project, enrolments in an
// existing course, or a referral to the owner of a non-training action.
export const requestActions = pgTable(
  'request_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id').notNull().references(() => trainingRequests.id),
    recommendationId: uuid('recommendation_id').notNull().references(() => requestRecommendations.id),
    interventionIndex: integer('intervention_index').notNull(),
    kind: text('kind', { enum: actionKinds }).notNull(),
    ownerId: uuid('owner_id').notNull().references(() => people.id),
    projectId: uuid('project_id'),
    courseId: uuid('course_id'),
    enrolmentIds: uuid('enrolment_ids').array().notNull().default(sql`'{}'::uuid[]`),
    state: text('state', { enum: actionStates }).notNull().default('open'),
    outcome: text('outcome'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('request_actions_intervention_idx').on(t.recommendationId, t.interventionIndex),
    index('request_actions_request_idx').on(t.requestId),
    check('request_actions_closed', sql`(${t.state} = 'open') = (${t.closedAt} IS NULL)`),
  ],
);

// RQ-7: time the unit's staff log on a request (effort), summed by goal and business unit.
export const requestEffort = pgTable(
  'request_effort',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id').notNull().references(() => trainingRequests.id),
    personId: uuid('person_id').notNull().references(() => people.id),
    minutes: integer('minutes').notNull(),
    workedOn: date('worked_on').notNull(),
    note: text('note').notNull().default(''),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('request_effort_request_idx').on(t.requestId), check('request_effort_minutes', sql`${t.minutes} > 0 AND ${t.minutes} <= 1440`)],
);

// RQ-4: the short questionnaire to a sample of the affected audience. One row per person asked,
// with a single-use link (SHA-256 of the token stored, as approval and follow-up links are).
export const requestSurveyInvites = pgTable(
  'request_survey_invites',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id').notNull().references(() => trainingRequests.id),
    personId: uuid('person_id').notNull().references(() => people.id),
    tokenHash: text('token_hash').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    /** What gets in the way, what would help, their confidence today (1–5) and the cause they feel most. */
    answers: jsonb('answers').$type<{ obstacles: string; wouldHelp: string; confidence: number; cause: CauseKind | null }>(),
  },
  (t) => [
    uniqueIndex('request_survey_invites_person_idx').on(t.requestId, t.personId),
    uniqueIndex('request_survey_invites_token_idx').on(t.tokenHash),
    check('request_survey_invites_answered', sql`(${t.answeredAt} IS NULL) = (${t.answers} IS NULL)`),
  ],
);
