import { sql } from 'drizzle-orm';
import { pgTable, uuid, integer, text, timestamp, jsonb, uniqueIndex, index } from 'drizzle-orm/pg-core';
import { people } from '../people/schema';
import { checkResults, checkSubjectTypes, standardKinds, standardStatuses } from './standard-kinds';
import type { StandardContent } from './standard-content';

// One row per version of each standard (ST-1). As with the charter, a published row's content is
// never rewritten: publishing the next version only moves the previous one to superseded. Each
// kind has at most one draft and one version in force.
export const standardVersions = pgTable(
  'standard_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: standardKinds }).notNull(),
    version: integer('version').notNull(),
    status: text('status', { enum: standardStatuses }).notNull().default('draft'),
    content: jsonb('content').$type<StandardContent>().notNull(),
    changeSummary: text('change_summary').notNull().default(''),
    createdBy: uuid('created_by').references(() => people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    publishedBy: uuid('published_by').references(() => people.id),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('standard_versions_kind_version_idx').on(t.kind, t.version),
    uniqueIndex('standard_versions_one_draft_idx').on(t.kind).where(sql`${t.status} = 'draft'`),
    uniqueIndex('standard_versions_one_published_idx').on(t.kind).where(sql`${t.status} = 'published'`),
  ],
);

// One result per checklist item of one version for one subject (ST-2). The subject is a course, a
// session or a project's deliverable, named by id only: each lives in its own capability, and
// standards asks that capability whether the reader may see it (check-subjects.ts). Checking an
// item again replaces its result; the audit log keeps what it was.
export const standardChecks = pgTable(
  'standard_checks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    standardVersionId: uuid('standard_version_id')
      .notNull()
      .references(() => standardVersions.id),
    subjectType: text('subject_type', { enum: checkSubjectTypes }).notNull(),
    subjectId: uuid('subject_id').notNull(),
    itemId: text('item_id').notNull(),
    result: text('result', { enum: checkResults }).notNull(),
    reason: text('reason').notNull().default(''),
    checkedBy: uuid('checked_by').references(() => people.id),
    checkedAt: timestamp('checked_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('standard_checks_item_idx').on(t.subjectType, t.subjectId, t.standardVersionId, t.itemId),
    index('standard_checks_subject_idx').on(t.subjectType, t.subjectId),
  ],
);
