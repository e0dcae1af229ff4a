import { sql } from 'drizzle-orm';
import { pgTable, uuid, integer, text, timestamp, boolean, date, uniqueIndex, index, check, primaryKey, unique } from 'drizzle-orm/pg-core';
import { people } from '../people/schema';
import { courseObjectives } from '../catalog/schema';
import { enrolments } from '../enrolment/schema';
import { objectiveRatings, respondentRoles } from './follow-up-values';

// The follow-up after the event (AF-4): at the course's interval after completion, the learner and
// their supervisor each get one short form. One row per enrolment and respondent role, opened by
// the follow-up job with its mail in one transaction (so each is sent once). `token_hash` is the
// SHA-256 of the single-use link in the mail, so a busy supervisor answers without signing in.
// `anonymous` is the course's choice copied at opening: the instructor then sees the answers
// without who gave them.
export const followUps = pgTable(
  'follow_ups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enrolmentId: uuid('enrolment_id').notNull().references(() => enrolments.id),
    respondentRole: text('respondent_role', { enum: respondentRoles }).notNull(),
    respondentId: uuid('respondent_id').notNull().references(() => people.id),
    tokenHash: text('token_hash').notNull(),
    anonymous: boolean('anonymous').notNull().default(false),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    /** After this the form no longer takes answers and no more reminders go. */
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    reminderCount: integer('reminder_count').notNull().default(0),
    lastRemindedAt: timestamp('last_reminded_at', { withTimezone: true }),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    /** "How likely are you to recommend this course to a colleague?" 0–10. */
    recommend: integer('recommend'),
    comment: text('comment'),
  },
  (t) => [
    uniqueIndex('follow_ups_enrolment_role_idx').on(t.enrolmentId, t.respondentRole),
    uniqueIndex('follow_ups_token_idx').on(t.tokenHash),
    index('follow_ups_respondent_idx').on(t.respondentId, t.openedAt),
    index('follow_ups_open_idx').on(t.closesAt).where(sql`${t.answeredAt} IS NULL`),
    // The value dashboard counts answers by the day they were given (decision 025).
    index('follow_ups_answered_idx').on(t.answeredAt).where(sql`${t.answeredAt} IS NOT NULL`),
    check('follow_ups_recommend', sql`${t.recommend} IS NULL OR ${t.recommend} BETWEEN 0 AND 10`),
    check('follow_ups_answered_whole', sql`(${t.answeredAt} IS NULL) = (${t.recommend} IS NULL)`),
  ],
);

// One answer per objective of the course as it stood when the form opened.
export const followUpAnswers = pgTable(
  'follow_up_answers',
  {
    followUpId: uuid('follow_up_id').notNull().references(() => followUps.id),
    objectiveId: uuid('objective_id').notNull().references(() => courseObjectives.id),
    rating: text('rating', { enum: objectiveRatings }).notNull(),
    /** An optional example of applying it (or of what got in the way). */
    example: text('example'),
  },
  (t) => [primaryKey({ columns: [t.followUpId, t.objectiveId] }), index('follow_up_answers_objective_idx').on(t.objectiveId)],
);

// The value dashboard's tallies of answered follow-ups (decision 030), kept by database triggers
// in the transaction of every write to follow_ups, follow_up_answers, an enrolment's learner, a
// person's business unit or the unit's time zone (migration 0018) — so they always equal a count
// over the rows. One row per calendar day in the unit's time zone, respondent role and scope: the
// learner's business unit, or NULL for the whole organization (every answer, with or without a
// unit). Only differences are written (n = n + delta), which is exact under concurrent writers.
export const followUpDayTallies = pgTable(
  'follow_up_day_tallies',
  {
    day: date('day', { mode: 'string' }).notNull(),
    businessUnitId: uuid('business_unit_id'),
    respondentRole: text('respondent_role', { enum: respondentRoles }).notNull(),
    promoters: integer('promoters').notNull().default(0),
    passives: integer('passives').notNull().default(0),
    detractors: integer('detractors').notNull().default(0),
    objectivesMet: integer('objectives_met').notNull().default(0),
    objectivesRated: integer('objectives_rated').notNull().default(0),
  },
  (t) => [unique('follow_up_day_tallies_key').on(t.businessUnitId, t.respondentRole, t.day).nullsNotDistinct()],
);
