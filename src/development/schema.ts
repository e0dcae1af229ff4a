import { pgTable, uuid, text, timestamp, index } from 'drizzle-orm/pg-core';
import { people } from '../people/schema';
import { projectSizes, projectStates } from './development-values';

// A courseware development project (RQ-6). `request_id` is the training request it came from, if
// any (no foreign key: development sits below requests and does not import its tables).
export const developmentProjects = pgTable(
  'development_projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    size: text('size', { enum: projectSizes }).notNull(),
    state: text('state', { enum: projectStates }).notNull().default('started'),
    ownerId: uuid('owner_id').notNull().references(() => people.id),
    requestId: uuid('request_id'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [index('development_projects_request_idx').on(t.requestId), index('development_projects_state_idx').on(t.state)],
);
