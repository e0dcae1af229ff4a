import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, timestamp, uniqueIndex, check } from 'drizzle-orm/pg-core';
import { people } from '../people/schema';
import { glossaryOrigins } from './glossary-values';

// The common service language (FB-3): terms with their meaning, both the unit's service words and
// the organization's own words harvested in customer experience workshops (CX-3). One entry per
// term whatever its case ("Callback" and "callback" are one word). `origin_note` says where a
// harvested word came from, in words, so the glossary needs nothing from the workshops' tables.
export const glossaryTerms = pgTable(
  'glossary_terms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    term: text('term').notNull(),
    definition: text('definition').notNull(),
    /** The word as people use it, in a sentence heard or written. */
    example: text('example'),
    origin: text('origin', { enum: glossaryOrigins }).notNull(),
    originNote: text('origin_note'),
    createdBy: uuid('created_by').notNull().references(() => people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedBy: uuid('updated_by').notNull().references(() => people.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('glossary_terms_term_idx').on(sql`lower(${t.term})`), check('glossary_terms_term_filled', sql`length(trim(${t.term})) > 0`)],
);
