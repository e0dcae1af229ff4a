import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { people } from '../people/schema';

export const feedbackKinds = ['complaint', 'compliment'] as const;
export type FeedbackKind = (typeof feedbackKinds)[number];
// What people tell the unit about, in words the unit can act on; the trend counts by these.
export const feedbackCategories = ['certificate', 'course-content', 'instructor', 'session-logistics', 'enrolment', 'communication', 'service', 'other'] as const;
export type FeedbackCategory = (typeof feedbackCategories)[number];
export const feedbackStatuses = ['received', 'acknowledged', 'investigating', 'responded', 'closed'] as const;
export type FeedbackStatus = (typeof feedbackStatuses)[number];

// Feedback or a complaint about the unit (FB-1). An anonymous one has no sender columns filled,
// by construction: nothing here (nor in its events, files, audit entries or mails) names who sent
// it. Every sender gets a private link to follow it; only the SHA-256 of its token is kept.
export const feedback = pgTable(
  'feedback',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: integer('number').notNull().generatedAlwaysAsIdentity().unique('feedback_number_idx'),
    kind: text('kind', { enum: feedbackKinds }).notNull(),
    category: text('category', { enum: feedbackCategories }).notNull(),
    // Which course, session, instructor or service it is about, in the sender's words.
    about: text('about').notNull().default(''),
    body: text('body').notNull(),
    anonymous: boolean('anonymous').notNull(),
    senderId: uuid('sender_id').references(() => people.id),
    senderName: text('sender_name'),
    senderEmail: text('sender_email'),
    followTokenHash: text('follow_token_hash').notNull().unique('feedback_follow_token_idx'),
    status: text('status', { enum: feedbackStatuses }).notNull().default('received'),
    ownerId: uuid('owner_id').references(() => people.id),
    response: text('response'),
    // The sender's word on the response: did it settle it for them (null: not said).
    senderSatisfied: boolean('sender_satisfied'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    index('feedback_status_idx').on(t.status, t.receivedAt),
    index('feedback_sender_idx').on(t.senderId),
    index('feedback_received_idx').on(t.receivedAt),
    check('feedback_anonymous_has_no_sender', sql`NOT ${t.anonymous} OR (${t.senderId} IS NULL AND ${t.senderName} IS NULL AND ${t.senderEmail} IS NULL)`),
  ],
);

export const feedbackEventTypes = ['received', 'acknowledged', 'note', 'responded', 'sender-replied', 'closed'] as const;
export type FeedbackEventType = (typeof feedbackEventTypes)[number];

// The handling history. `internal` events (investigation notes) are the unit's; the sender sees the rest.
// A sender's reply through the private link has no actor.
export const feedbackEvents = pgTable(
  'feedback_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    feedbackId: uuid('feedback_id').notNull().references(() => feedback.id),
    type: text('type', { enum: feedbackEventTypes }).notNull(),
    actorId: uuid('actor_id').references(() => people.id),
    text: text('text').notNull().default(''),
    internal: boolean('internal').notNull().default(false),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('feedback_events_feedback_idx').on(t.feedbackId, t.at)],
);
