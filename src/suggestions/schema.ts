import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { people } from '../people/schema';

// submitted → escalated (the manager supports it and takes it to leadership) or answered (the
// manager says why not); escalated → adopted, piloted or declined by a leader (FB-2).
export const suggestionStatuses = ['submitted', 'escalated', 'answered', 'adopted', 'piloted', 'declined'] as const;
export type SuggestionStatus = (typeof suggestionStatuses)[number];

export const suggestions = pgTable(
  'suggestions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: integer('number').notNull().generatedAlwaysAsIdentity().unique('suggestions_number_idx'),
    submitterId: uuid('submitter_id').notNull().references(() => people.id),
    title: text('title').notNull(),
    // The idea, and the service problem it solves for customers.
    idea: text('idea').notNull(),
    benefit: text('benefit').notNull(),
    status: text('status', { enum: suggestionStatuses }).notNull().default('submitted'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    // When the reviewing manager was reminded of a suggestion left waiting (once).
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('suggestions_submitter_idx').on(t.submitterId), index('suggestions_status_idx').on(t.status, t.submittedAt)],
);

export const suggestionEventTypes = ['submitted', 'escalated', 'answered', 'adopted', 'piloted', 'declined', 'reminded'] as const;
export type SuggestionEventType = (typeof suggestionEventTypes)[number];

// Every step, with who took it and what they wrote: the submitter reads them all.
export const suggestionEvents = pgTable(
  'suggestion_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    suggestionId: uuid('suggestion_id').notNull().references(() => suggestions.id),
    type: text('type', { enum: suggestionEventTypes }).notNull(),
    actorId: uuid('actor_id').references(() => people.id),
    text: text('text').notNull().default(''),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('suggestion_events_suggestion_idx').on(t.suggestionId, t.at)],
);
