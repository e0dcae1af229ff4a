import { sql } from 'drizzle-orm';
import {
  pgTable, uuid, integer, text, timestamp, jsonb, boolean, customType, uniqueIndex, index, check, primaryKey,
} from 'drizzle-orm/pg-core';
import { businessUnits, people } from '../people/schema';
import { approvalModes, courseFormats, courseStatuses, revisionActions, sessionStatuses } from './catalog-values';
import type { CourseSnapshot } from './course-snapshot';

/** PostgreSQL's tsvector; Drizzle has no column type for it. Read only inside SQL, never mapped. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

// The controlled list of interests (tags) courses are filed under and people will opt into for
// the marketing digest (CA-6). `key` is the slug a URL or a filter quotes.
export const interests = pgTable(
  'interests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('interests_key_idx').on(t.key), uniqueIndex('interests_name_idx').on(sql`lower(${t.name})`)],
);

// A course listing (CA-1). `code` is what people quote ("CC-101") and never changes. `revision`
// is the number of the latest saved state in course_revisions: an edit must name it (optimistic
// concurrency). `search_vector` is written by the same transaction that writes the course, its
// objectives and its interests (index-course-search.ts; decision 013).
export const courses = pgTable(
  'courses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    description: text('description').notNull(),
    audience: text('audience').notNull(),
    prerequisites: text('prerequisites').notNull().default(''),
    format: text('format', { enum: courseFormats }).notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    languages: text('languages').array().notNull(),
    contactPersonId: uuid('contact_person_id').notNull().references(() => people.id),
    contactPhone: text('contact_phone'),
    /** After the event (AF-1, AF-4): the share of session days a learner must attend to complete (100 = every day). */
    completionMinPercent: integer('completion_min_percent').notNull().default(100),
    /** Days after completion that learner and supervisor get the follow-up form. */
    followUpDays: integer('follow_up_days').notNull().default(30),
    /** The unit's choice: follow-up answers reach the instructor without who gave them. */
    followUpAnonymous: boolean('follow_up_anonymous').notNull().default(false),
    status: text('status', { enum: courseStatuses }).notNull().default('draft'),
    revision: integer('revision').notNull().default(1),
    searchVector: tsvector('search_vector').notNull().default(sql`''::tsvector`),
    createdBy: uuid('created_by').references(() => people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('courses_code_idx').on(t.code),
    index('courses_status_idx').on(t.status, t.title),
    index('courses_search_idx').using('gin', t.searchVector),
    check('courses_duration_positive', sql`${t.durationMinutes} > 0`),
    check('courses_revision_positive', sql`${t.revision} >= 1`),
    check('courses_languages', sql`cardinality(${t.languages}) > 0`),
    check('courses_completion_min_percent', sql`${t.completionMinPercent} BETWEEN 1 AND 100`),
    check('courses_follow_up_days', sql`${t.followUpDays} BETWEEN 1 AND 365`),
  ],
);

// Objectives in order. Follow-ups and evaluations (AF-3, AF-4) will point at an objective's id, so
// an objective keeps its id through edits, and one taken out of the course is marked removed,
// never deleted: what was asked about it stays readable.
export const courseObjectives = pgTable(
  'course_objectives',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courseId: uuid('course_id').notNull().references(() => courses.id),
    position: integer('position').notNull(),
    text: text('text').notNull(),
    removedAt: timestamp('removed_at', { withTimezone: true }),
  },
  (t) => [index('course_objectives_course_idx').on(t.courseId, t.position)],
);

export const courseInterests = pgTable(
  'course_interests',
  {
    courseId: uuid('course_id').notNull().references(() => courses.id),
    interestId: uuid('interest_id').notNull().references(() => interests.id),
  },
  (t) => [primaryKey({ columns: [t.courseId, t.interestId] }), index('course_interests_interest_idx').on(t.interestId)],
);

// The business units a course is meant for; none means it is open to everyone.
export const courseAudienceUnits = pgTable(
  'course_audience_units',
  {
    courseId: uuid('course_id').notNull().references(() => courses.id),
    businessUnitId: uuid('business_unit_id').notNull().references(() => businessUnits.id),
  },
  (t) => [primaryKey({ columns: [t.courseId, t.businessUnitId] }), index('course_audience_units_unit_idx').on(t.businessUnitId)],
);

// Every saved state of a course, whole (CA-1, DV-4): what changed is computed by comparing two
// snapshots, so a later field needs no migration of the history.
export const courseRevisions = pgTable(
  'course_revisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courseId: uuid('course_id').notNull().references(() => courses.id),
    revision: integer('revision').notNull(),
    action: text('action', { enum: revisionActions }).notNull(),
    snapshot: jsonb('snapshot').$type<CourseSnapshot>().notNull(),
    savedBy: uuid('saved_by').references(() => people.id),
    savedAt: timestamp('saved_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('course_revisions_course_revision_idx').on(t.courseId, t.revision)],
);

// A dated offering of a course (CA-2). Instants are stored in UTC; `time_zone` is where the
// session happens, so each person can see both its local time and their own. `sequence` counts
// the changes a calendar invitation must carry (iCalendar SEQUENCE, CA-5).
export const courseSessions = pgTable(
  'course_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courseId: uuid('course_id').notNull().references(() => courses.id),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    timeZone: text('time_zone').notNull(),
    language: text('language').notNull(),
    place: text('place'),
    joinUrl: text('join_url'),
    instructorId: uuid('instructor_id').references(() => people.id),
    instructorName: text('instructor_name'),
    instructorEmail: text('instructor_email'),
    capacity: integer('capacity').notNull(),
    enrolmentDeadline: timestamp('enrolment_deadline', { withTimezone: true }).notNull(),
    approvalMode: text('approval_mode', { enum: approvalModes }).notNull().default('none'),
    /** How long before the start each reminder goes, in minutes (CA-5): 7 days and 1 day unless the coordinator says otherwise. */
    reminderOffsetsMinutes: integer('reminder_offsets_minutes').array().notNull().default(sql`'{10080,1440}'::integer[]`),
    status: text('status', { enum: sessionStatuses }).notNull().default('scheduled'),
    sequence: integer('sequence').notNull().default(0),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancellationReason: text('cancellation_reason'),
    createdBy: uuid('created_by').references(() => people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('course_sessions_course_idx').on(t.courseId, t.startsAt),
    index('course_sessions_upcoming_idx').on(t.startsAt).where(sql`${t.status} = 'scheduled'`),
    check('course_sessions_ends_after_start', sql`${t.endsAt} > ${t.startsAt}`),
    check('course_sessions_capacity', sql`${t.capacity} >= 1`),
    check('course_sessions_deadline', sql`${t.enrolmentDeadline} <= ${t.startsAt}`),
    check('course_sessions_one_instructor', sql`${t.instructorId} IS NULL OR ${t.instructorName} IS NULL`),
    check('course_sessions_sequence', sql`${t.sequence} >= 0`),
  ],
);
