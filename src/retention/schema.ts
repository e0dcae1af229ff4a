import { sql } from 'drizzle-orm';
import { pgTable, uuid, integer, text, timestamp, date, uniqueIndex, index, check } from 'drizzle-orm/pg-core';
import { people } from '../people/schema';
import { courseObjectives } from '../catalog/schema';
import { enrolments } from '../enrolment/schema';
import { retentionActionKinds, retentionActionOwners, retentionPlanStates } from './retention-values';

// A retention plan (AF-6): learner and supervisor agree how the course objectives get applied.
// One per completed enrolment; both may edit it while active (`revision` guards stale edits); it
// closes when the supervisor confirms the objectives are applied.
export const retentionPlans = pgTable(
  'retention_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enrolmentId: uuid('enrolment_id').notNull().references(() => enrolments.id),
    state: text('state', { enum: retentionPlanStates }).notNull().default('active'),
    revision: integer('revision').notNull().default(1),
    createdBy: uuid('created_by').notNull().references(() => people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedBy: uuid('updated_by').notNull().references(() => people.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    closedBy: uuid('closed_by').references(() => people.id),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closingNote: text('closing_note'),
  },
  (t) => [
    uniqueIndex('retention_plans_enrolment_idx').on(t.enrolmentId),
    // The value dashboard counts plans by the day they started (decision 025).
    index('retention_plans_created_idx').on(t.createdAt),
    check('retention_plans_closed_whole', sql`(${t.state} = 'closed') = (${t.closedAt} IS NOT NULL)`),
  ],
);

// The actions, each for one objective (or for the plan as a whole when objective_id is null).
export const retentionActions = pgTable(
  'retention_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id').notNull().references(() => retentionPlans.id),
    objectiveId: uuid('objective_id').references(() => courseObjectives.id),
    position: integer('position').notNull(),
    kind: text('kind', { enum: retentionActionKinds }).notNull(),
    description: text('description').notNull(),
    owner: text('owner', { enum: retentionActionOwners }).notNull(),
    dueOn: date('due_on', { mode: 'string' }),
    doneAt: timestamp('done_at', { withTimezone: true }),
  },
  (t) => [index('retention_actions_plan_idx').on(t.planId, t.position)],
);

// Check-in dates the two agree; each is reminded by mail once, the morning it is due
// (`reminded_at`), and marked held with what was said.
export const retentionCheckIns = pgTable(
  'retention_check_ins',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id').notNull().references(() => retentionPlans.id),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    heldAt: timestamp('held_at', { withTimezone: true }),
    note: text('note'),
  },
  (t) => [index('retention_check_ins_plan_idx').on(t.planId, t.dueOn), index('retention_check_ins_due_idx').on(t.dueOn).where(sql`${t.remindedAt} IS NULL`)],
);
