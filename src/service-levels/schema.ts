import { sql } from 'drizzle-orm';
import {
  pgTable, uuid, text, integer, bigint, doublePrecision, timestamp, jsonb, bigserial, uniqueIndex, index, check,
} from 'drizzle-orm/pg-core';
import { roles } from '../platform/auth/roles';
import { businessUnits, people } from '../people/schema';
import { charterVersions } from '../charter/schema';

export type ClockEventAttributes = Record<string, string>;

// A service level belongs to one charter version; `key` stays the same across versions so reports
// can follow "first response on the web" through charter changes (CH-4).
export const serviceLevels = pgTable(
  'service_levels',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    charterVersionId: uuid('charter_version_id').notNull().references(() => charterVersions.id),
    key: text('key').notNull(),
    position: integer('position').notNull().default(0),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    subjectType: text('subject_type').notNull(),
    targetBusinessMinutes: integer('target_business_minutes').notNull(),
    atRiskShare: doublePrecision('at_risk_share').notNull().default(0.75),
    startEvent: text('start_event').notNull(),
    stopEvents: text('stop_events').array().notNull(),
    pauseEvents: text('pause_events').array().notNull().default(sql`'{}'::text[]`),
    resumeEvents: text('resume_events').array().notNull().default(sql`'{}'::text[]`),
    attributeMatch: jsonb('attribute_match').$type<ClockEventAttributes>(),
    ownerRole: text('owner_role', { enum: roles }).notNull(),
  },
  (t) => [
    uniqueIndex('service_levels_version_key_idx').on(t.charterVersionId, t.key),
    index('service_levels_start_event_idx').on(t.charterVersionId, t.startEvent),
    // The zod schema says the same in words; these keep a hand-written row from breaking clocks.
    check('service_levels_target_positive', sql`${t.targetBusinessMinutes} > 0`),
    check('service_levels_at_risk_share_range', sql`${t.atRiskShare} > 0 AND ${t.atRiskShare} < 1`),
    check('service_levels_stops', sql`cardinality(${t.stopEvents}) > 0`),
  ],
);

// The raw log every clock is derived from, so a report or an audit can explain each one.
export const clockEvents = pgTable(
  'clock_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    type: text('type').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    attributes: jsonb('attributes').$type<ClockEventAttributes>().notNull().default({}),
    ownerId: uuid('owner_id').references(() => people.id),
    businessUnitId: uuid('business_unit_id').references(() => businessUnits.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('clock_events_subject_idx').on(t.subjectType, t.subjectId, t.at)],
);

export const clockOutcomes = ['met', 'breached'] as const;
export type ClockOutcome = (typeof clockOutcomes)[number];

// One clock per start of a service level for a subject. It points at the service_levels row of
// the version in force when it started, and is judged by that row's target for ever (CH-4).
// Pauses are kept as the business time already spent paused plus the start of the current pause;
// due_at and at_risk_at move later on each resume, so finding what is due is an index scan.
export const clocks = pgTable(
  'clocks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceLevelId: uuid('service_level_id').notNull().references(() => serviceLevels.id),
    serviceLevelKey: text('service_level_key').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    ownerId: uuid('owner_id').references(() => people.id),
    businessUnitId: uuid('business_unit_id').references(() => businessUnits.id),
    startEventId: bigint('start_event_id', { mode: 'number' }).notNull().references(() => clockEvents.id),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    pausedAt: timestamp('paused_at', { withTimezone: true }),
    pausedBusinessMs: bigint('paused_business_ms', { mode: 'number' }).notNull().default(0),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    atRiskAt: timestamp('at_risk_at', { withTimezone: true }).notNull(),
    stoppedAt: timestamp('stopped_at', { withTimezone: true }),
    stopEvent: text('stop_event'),
    stopEventId: bigint('stop_event_id', { mode: 'number' }).references(() => clockEvents.id),
    elapsedBusinessMs: bigint('elapsed_business_ms', { mode: 'number' }),
    outcome: text('outcome', { enum: clockOutcomes }),
    warnedAt: timestamp('warned_at', { withTimezone: true }),
    breachNotifiedAt: timestamp('breach_notified_at', { withTimezone: true }),
  },
  (t) => [
    // A repeated start event for the same subject finds this index and starts nothing.
    uniqueIndex('clocks_one_running_idx').on(t.serviceLevelKey, t.subjectType, t.subjectId).where(sql`${t.stoppedAt} IS NULL`),
    index('clocks_running_subject_idx').on(t.subjectType, t.subjectId).where(sql`${t.stoppedAt} IS NULL`),
    index('clocks_unwarned_idx').on(t.atRiskAt).where(sql`${t.stoppedAt} IS NULL AND ${t.warnedAt} IS NULL`),
    index('clocks_key_started_idx').on(t.serviceLevelKey, t.startedAt),
    // The value dashboard counts clocks by the day they started (decision 025).
    index('clocks_started_idx').on(t.startedAt),
    check('clocks_outcome_when_stopped', sql`(${t.stoppedAt} IS NULL) = (${t.outcome} IS NULL)`),
  ],
);
