import { check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { people } from '../people/schema';

// A colleague recognised for a concrete act that created value for a customer or colleague (FB-4).
// Deliberately no points, score or counter column: nothing to add up per person.
export const recognitions = pgTable(
  'recognitions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fromId: uuid('from_id').notNull().references(() => people.id),
    toId: uuid('to_id').notNull().references(() => people.id),
    act: text('act').notNull(),
    value: text('value').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('recognitions_at_idx').on(t.at), index('recognitions_to_idx').on(t.toId), check('recognitions_not_self', sql`${t.fromId} <> ${t.toId}`)],
);
