import { sql } from 'drizzle-orm';
import { pgTable, uuid, bigint, text, timestamp, jsonb, uniqueIndex, index, check } from 'drizzle-orm/pg-core';
import { people } from '../people/schema';
import { enrolments } from '../enrolment/schema';
import { followUps } from '../follow-up/schema';
import { supportCaseEventTypes, supportCaseOrigins, supportCaseStates, supportOptions } from './support-values';

// A support case (AF-5): an objective of a completed course reported not met, by the learner or the
// supervisor, for the coordinator to act on. At most one case per enrolment is not closed: a second
// "not met" adds its objectives to the open case. `objective_ids` are course_objectives ids.
// The decision (an option and a written reason) is mailed to learner and supervisor; the case is
// tracked until closed with an outcome.
export const supportCases = pgTable(
  'support_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enrolmentId: uuid('enrolment_id').notNull().references(() => enrolments.id),
    state: text('state', { enum: supportCaseStates }).notNull().default('open'),
    origin: text('origin', { enum: supportCaseOrigins }).notNull(),
    /** The follow-up whose "not met" opened the case, when one did. */
    followUpId: uuid('follow_up_id').references(() => followUps.id),
    objectiveIds: uuid('objective_ids').array().notNull(),
    ownerId: uuid('owner_id').references(() => people.id),
    decision: text('decision', { enum: supportOptions }),
    decisionReason: text('decision_reason'),
    decidedBy: uuid('decided_by').references(() => people.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    outcome: text('outcome'),
    closedBy: uuid('closed_by').references(() => people.id),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('support_cases_live_enrolment_idx').on(t.enrolmentId).where(sql`${t.state} <> 'closed'`),
    index('support_cases_enrolment_idx').on(t.enrolmentId),
    index('support_cases_state_idx').on(t.state, t.openedAt),
    // The value dashboard counts cases by the day they opened (decision 025).
    index('support_cases_opened_idx').on(t.openedAt),
    check('support_cases_decision_whole', sql`(${t.decision} IS NULL) = (${t.decisionReason} IS NULL) AND (${t.decision} IS NULL) = (${t.decidedAt} IS NULL)`),
    check('support_cases_closed_whole', sql`(${t.state} = 'closed') = (${t.closedAt} IS NOT NULL)`),
    check('support_cases_objectives', sql`cardinality(${t.objectiveIds}) > 0`),
  ],
);

// What happened to each case, when, by whom.
export const supportCaseEvents = pgTable(
  'support_case_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    caseId: uuid('case_id').notNull().references(() => supportCases.id),
    type: text('type', { enum: supportCaseEventTypes }).notNull(),
    actorId: uuid('actor_id').references(() => people.id),
    note: text('note'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('support_case_events_case_idx').on(t.caseId, t.id)],
);
