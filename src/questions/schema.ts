import { sql } from 'drizzle-orm';
import { pgTable, uuid, integer, text, timestamp, index, check } from 'drizzle-orm/pg-core';
import { businessUnits, people } from '../people/schema';

export const questionChannels = ['web', 'email', 'phone'] as const;
export type QuestionChannel = (typeof questionChannels)[number];
export const questionStatuses = ['open', 'answered', 'closed'] as const;
export type QuestionStatus = (typeof questionStatuses)[number];

// A question to the training unit (IN-1). `number` gives people a reference to quote (Q-000123).
// The asker's name and e-mail are kept as they were when asked: the answer goes to the address
// the question came from, even if the person's record changes later.
export const questions = pgTable(
  'questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: integer('number').notNull().generatedAlwaysAsIdentity().unique('questions_number_idx'),
    askerId: uuid('asker_id').references(() => people.id),
    askerName: text('asker_name').notNull(),
    askerEmail: text('asker_email').notNull(),
    channel: text('channel', { enum: questionChannels }).notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    businessUnitId: uuid('business_unit_id').references(() => businessUnits.id),
    status: text('status', { enum: questionStatuses }).notNull().default('open'),
    assigneeId: uuid('assignee_id').references(() => people.id),
    // The staff member who logged a phone call or an e-mail on the asker's behalf.
    loggedBy: uuid('logged_by').references(() => people.id),
    // When the contact happened (the clock starts here), not when it was typed in.
    askedAt: timestamp('asked_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('questions_asker_idx').on(t.askerId),
    index('questions_status_idx').on(t.status, t.askedAt),
    index('questions_assignee_idx').on(t.assigneeId),
    check('questions_asked_before_created', sql`${t.askedAt} <= ${t.createdAt}`),
  ],
);

// Answers and replies on a question; an answer is mailed (the outbox idempotency key says which message).
export const questionMessages = pgTable(
  'question_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    questionId: uuid('question_id').notNull().references(() => questions.id),
    authorId: uuid('author_id').references(() => people.id),
    body: text('body').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    mailKey: text('mail_key'),
  },
  (t) => [index('question_messages_question_idx').on(t.questionId, t.at)],
);
