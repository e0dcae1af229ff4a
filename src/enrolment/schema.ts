import { sql } from 'drizzle-orm';
import { pgTable, uuid, bigint, integer, text, timestamp, boolean, date, jsonb, index, uniqueIndex, check, primaryKey, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { people } from '../people/schema';
import { courseSessions, courses } from '../catalog/schema';
import { approverKinds, enrolmentEventTypes, enrolmentOrigins, enrolmentStates } from './enrolment-values';
import { fitRules, prerequisiteAnswers, priorExperienceLevels } from './audience-values';

// A person's place in a session, or in a self-paced (e-learning) course, which has no sessions
// (CA-3). Exactly one of session_id and course_id is set: a session enrolment reaches its course
// through the session, so writing one never touches the course row (decision 014 on locks).
//
// `position` is the session's arrival order: 1, 2, 3 … given under the session's row lock, so two
// applications never share one and the order is the order the lock was granted. Confirmed seats
// and the waitlist are both read in position order.
export const enrolments = pgTable(
  'enrolments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id').references(() => courseSessions.id),
    courseId: uuid('course_id').references(() => courses.id),
    personId: uuid('person_id').notNull().references(() => people.id),
    state: text('state', { enum: enrolmentStates }).notNull(),
    position: integer('position'),
    origin: text('origin', { enum: enrolmentOrigins }).notNull(),
    appliedBy: uuid('applied_by').references(() => people.id),
    appliedAt: timestamp('applied_at', { withTimezone: true }).notNull(),
    /** The applicant's (or nominating supervisor's) reason, in their words. */
    note: text('note'),
    /** Set while, or since, the enrolment needed someone's yes. */
    approvalBy: text('approval_by', { enum: approverKinds }),
    decidedBy: uuid('decided_by').references(() => people.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
    /** Substitution: the enrolment whose seat this one took (or, while pending, would take). */
    replacesEnrolmentId: uuid('replaces_enrolment_id').references((): AnyPgColumn => enrolments.id),
    /** Audience analysis (CA-4): the enrolment a coordinator moved this person from, to this better offering. */
    redirectedFromEnrolmentId: uuid('redirected_from_enrolment_id').references((): AnyPgColumn => enrolments.id),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    /** When the enrolment became completed (AF-1): the follow-up interval counts from here. */
    completedAt: timestamp('completed_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelledBy: uuid('cancelled_by').references(() => people.id),
    cancellationReason: text('cancellation_reason'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    /**
     * A completion whose certificate has not been looked at yet: set by a trigger whenever an
     * enrolment becomes completed (migration 0021), cleared by the certificate job when it has
     * issued one or found none owed. The job reads this short list, not every completion ever.
     */
    certificateDue: boolean('certificate_due').notNull().default(false),
  },
  (t) => [
    // One live enrolment per person per session (or course); declined and cancelled ones are history.
    uniqueIndex('enrolments_live_session_person_idx').on(t.sessionId, t.personId).where(sql`${t.state} NOT IN ('declined', 'cancelled') AND ${t.sessionId} IS NOT NULL`),
    uniqueIndex('enrolments_live_course_person_idx').on(t.courseId, t.personId).where(sql`${t.state} NOT IN ('declined', 'cancelled') AND ${t.courseId} IS NOT NULL`),
    uniqueIndex('enrolments_session_position_idx').on(t.sessionId, t.position),
    index('enrolments_person_idx').on(t.personId, t.appliedAt),
    index('enrolments_replaces_idx').on(t.replacesEnrolmentId),
    index('enrolments_redirected_from_idx').on(t.redirectedFromEnrolmentId),
    index('enrolments_completed_idx').on(t.completedAt).where(sql`${t.state} = 'completed'`),
    index('enrolments_pending_idx').on(t.approvalBy).where(sql`${t.state} = 'pending_approval'`),
    index('enrolments_certificate_due_idx').on(t.id).where(sql`${t.certificateDue}`),
    check('enrolments_session_or_course', sql`num_nonnulls(${t.sessionId}, ${t.courseId}) = 1`),
    check('enrolments_position', sql`(${t.sessionId} IS NULL AND ${t.position} IS NULL) OR (${t.sessionId} IS NOT NULL AND ${t.position} >= 1)`),
    check('enrolments_pending_has_approver', sql`${t.state} <> 'pending_approval' OR ${t.approvalBy} IS NOT NULL`),
  ],
);

// What happened to each enrolment, when, by whom: "why is she on the waitlist" has an answer.
// `id` orders events that share an instant (a cancellation and the promotion it causes).
export const enrolmentEvents = pgTable(
  'enrolment_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    enrolmentId: uuid('enrolment_id').notNull().references(() => enrolments.id),
    type: text('type', { enum: enrolmentEventTypes }).notNull(),
    fromState: text('from_state', { enum: enrolmentStates }),
    toState: text('to_state', { enum: enrolmentStates }).notNull(),
    /** Null when Stride itself acted (a promotion from the waitlist). */
    actorId: uuid('actor_id').references(() => people.id),
    note: text('note'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('enrolment_events_enrolment_idx').on(t.enrolmentId, t.id)],
);

// The links in an approval request mail (CA-3): one token per request, stored only as its SHA-256,
// good once (approve or decline) and until `expires_at`. `approver_id` is the manager it was mailed to.
export const enrolmentApprovalTokens = pgTable(
  'enrolment_approval_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    enrolmentId: uuid('enrolment_id').notNull().references(() => enrolments.id),
    approverId: uuid('approver_id').notNull().references(() => people.id),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('enrolment_approval_tokens_enrolment_idx').on(t.enrolmentId)],
);

// The reminders sent (CA-5): one row per enrolment, lead and session start, written with the mail
// in one transaction, so each goes once across retries and processes; a session moved to a new
// time gets its reminders again (a new start).
export const enrolmentReminders = pgTable(
  'enrolment_reminders',
  {
    enrolmentId: uuid('enrolment_id').notNull().references(() => enrolments.id),
    offsetMinutes: integer('offset_minutes').notNull(),
    sessionStartsAt: timestamp('session_starts_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.enrolmentId, t.offsetMinutes, t.sessionStartsAt] })],
);

// The pre-event audience analysis of a session enrolment (CA-4): the learner's answers (null until
// they answer: a nomination, or an application from before the questions), the supervisor's
// expectations, and when the fit was last checked. One row per session enrolment, written with it.
export const enrolmentAudience = pgTable(
  'enrolment_audience',
  {
    enrolmentId: uuid('enrolment_id').primaryKey().references(() => enrolments.id),
    /** Their role or job, in their words: prefilled from the job title, editable. */
    role: text('role'),
    reason: text('reason'),
    priorExperience: text('prior_experience', { enum: priorExperienceLevels }),
    priorExperienceNote: text('prior_experience_note'),
    selfRatedLevel: integer('self_rated_level'),
    /** Asked only when the course names prerequisites. */
    meetsPrerequisites: text('meets_prerequisites', { enum: prerequisiteAnswers }),
    answeredBy: uuid('answered_by').references(() => people.id),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    /** What the supervisor expects the person to do differently afterwards. */
    expectations: text('expectations'),
    expectationsBy: uuid('expectations_by').references(() => people.id),
    expectationsAt: timestamp('expectations_at', { withTimezone: true }),
    checkedAt: timestamp('checked_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check('enrolment_audience_level', sql`${t.selfRatedLevel} IS NULL OR ${t.selfRatedLevel} BETWEEN 1 AND 5`),
    check('enrolment_audience_answered_whole', sql`(${t.answeredAt} IS NULL) = (${t.priorExperience} IS NULL) AND (${t.answeredAt} IS NULL) = (${t.selfRatedLevel} IS NULL)`),
    check('enrolment_audience_expectations_dated', sql`(${t.expectations} IS NULL) = (${t.expectationsAt} IS NULL)`),
  ],
);

// The flags the fit check raised (fit-rules.ts), each with its rule and its explanation as shown,
// so a flag can be explained and reviewed later. A check that no longer raises a flag clears it
// (cleared_at) rather than deleting it: what the coordinator saw stays on record.
export const enrolmentFitFlags = pgTable(
  'enrolment_fit_flags',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    enrolmentId: uuid('enrolment_id').notNull().references(() => enrolments.id),
    rule: text('rule', { enum: fitRules }).notNull(),
    explanation: text('explanation').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull(),
    clearedAt: timestamp('cleared_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('enrolment_fit_flags_live_idx').on(t.enrolmentId, t.rule).where(sql`${t.clearedAt} IS NULL`),
    index('enrolment_fit_flags_enrolment_idx').on(t.enrolmentId, t.id),
  ],
);

// Attendance (AF-1): one mark per session enrolment and session day, the day a calendar date in the
// session's time zone. Recorded in bulk from the roster by a coordinator or the session's
// instructor; a later mark for the same day replaces the earlier one (the audit log keeps both).
export const sessionAttendance = pgTable(
  'session_attendance',
  {
    enrolmentId: uuid('enrolment_id').notNull().references(() => enrolments.id),
    day: date('day', { mode: 'string' }).notNull(),
    present: boolean('present').notNull(),
    recordedBy: uuid('recorded_by').notNull().references(() => people.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.enrolmentId, t.day] })],
);
