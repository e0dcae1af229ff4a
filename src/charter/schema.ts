import { sql } from 'drizzle-orm';
import { pgTable, uuid, integer, text, timestamp, jsonb, uniqueIndex, index } from 'drizzle-orm/pg-core';
import { people } from '../people/schema';
import type { BusinessCalendar } from '../service-levels/business-calendar-schema';
import type { CharterContent } from './charter-schema';

export const charterStatuses = ['draft', 'published', 'superseded'] as const;

// One row per version of the charter (CH-4). A published row's content, calendar and service
// levels are never rewritten: only its status moves to superseded when a later one is published.
// The version in force at an instant is the one with the latest published_at at or before it.
export const charterVersions = pgTable(
  'charter_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    version: integer('version').notNull(),
    status: text('status', { enum: charterStatuses }).notNull().default('draft'),
    content: jsonb('content').$type<CharterContent>().notNull(),
    calendar: jsonb('calendar').$type<BusinessCalendar>().notNull(),
    changeSummary: text('change_summary').notNull().default(''),
    createdBy: uuid('created_by').references(() => people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    publishedBy: uuid('published_by').references(() => people.id),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('charter_versions_version_idx').on(t.version),
    // Two editors cannot each start a draft: the second insert fails on this index.
    uniqueIndex('charter_versions_one_draft_idx').on(t.status).where(sql`${t.status} = 'draft'`),
    uniqueIndex('charter_versions_one_published_idx').on(t.status).where(sql`${t.status} = 'published'`),
    index('charter_versions_published_at_idx').on(t.publishedAt),
  ],
);
