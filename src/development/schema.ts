import { pgTable, uuid, text, timestamp, index, integer, jsonb, date, uniqueIndex } from 'drizzle-orm/pg-core';
import { people } from '../people/schema';
import type { PartnerKind } from '../standards/standard-content';
import { partnerDecisions, problemKinds, problemStates, projectSizes, projectStates, stageStates } from './development-values';

// A courseware development project (RQ-6, DV-1). `request_id` is the training request it came
// from, if any; `course_id` the catalog course its release updates, or none for a new course;
// `design_model_version` the design model's version in force when it started, whose stages it
// follows. Other capabilities' rows are named by id only (no foreign key): development reads them
// through their own functions.
export const developmentProjects = pgTable(
  'development_projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    size: text('size', { enum: projectSizes }).notNull(),
    state: text('state', { enum: projectStates }).notNull().default('started'),
    ownerId: uuid('owner_id').notNull().references(() => people.id),
    requestId: uuid('request_id'),
    designModelVersion: integer('design_model_version'),
    courseId: uuid('course_id'),
    /** What the release writes into the catalog (DV-1, release): a summary and the objectives. */
    summary: text('summary').notNull().default(''),
    objectives: jsonb('objectives').$type<string[]>().notNull().default([]),
    /** For a new course only: the code, format and length it is published with. */
    newCourse: jsonb('new_course').$type<{ code: string; format: 'classroom' | 'virtual' | 'e-learning' | 'blended'; durationMinutes: number; audience: string } | null>(),
    releasedCourseId: uuid('released_course_id'),
    releasedRevision: integer('released_revision'),
    revision: integer('revision').notNull().default(1),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [index('development_projects_request_idx').on(t.requestId), index('development_projects_state_idx').on(t.state), index('development_projects_course_idx').on(t.courseId)],
);

// A project's stages, copied from its design model version when it started (DV-1): a later
// version of the model never reshapes a running project.
export const projectStages = pgTable(
  'project_stages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => developmentProjects.id),
    position: integer('position').notNull(),
    stageKey: text('stage_key').notNull(),
    name: text('name').notNull(),
    purpose: text('purpose').notNull(),
    deliverables: jsonb('deliverables').$type<string[]>().notNull(),
    requiredSignOffs: jsonb('required_sign_offs').$type<PartnerKind[]>().notNull(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => people.id),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    state: text('state', { enum: stageStates }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => people.id),
    /** Set only when the unit lead closed the stage without its required sign-offs (DV-2). */
    overrideReason: text('override_reason'),
  },
  (t) => [uniqueIndex('project_stages_position_idx').on(t.projectId, t.position)],
);

// A partner invited to review one stage (DV-2): a subject-matter expert or a customer-partner,
// anyone in Stride. Their latest decision on the stage is kept here; comments carry the history.
export const stagePartners = pgTable(
  'stage_partners',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => developmentProjects.id),
    stageId: uuid('stage_id')
      .notNull()
      .references(() => projectStages.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    kind: text('kind', { enum: ['sme', 'customer-partner'] }).notNull(),
    invitedBy: uuid('invited_by').references(() => people.id),
    invitedAt: timestamp('invited_at', { withTimezone: true }).notNull(),
    decision: text('decision', { enum: partnerDecisions }),
    decisionNote: text('decision_note').notNull().default(''),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('stage_partners_stage_person_idx').on(t.stageId, t.personId), index('stage_partners_person_idx').on(t.personId)],
);

// A comment on a stage's deliverables, by a partner or the unit's staff, with its attachments
// stored by platform/files under ('development-comment', id) (DV-2).
export const stageComments = pgTable(
  'stage_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => developmentProjects.id),
    stageId: uuid('stage_id')
      .notNull()
      .references(() => projectStages.id),
    authorId: uuid('author_id')
      .notNull()
      .references(() => people.id),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('stage_comments_stage_idx').on(t.stageId, t.createdAt)],
);

// A problem or question about a course after its release (DV-4), answered to the reporter and
// fixed in a course revision (the catalog's revision number, by value).
export const problemReports = pgTable(
  'problem_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courseId: uuid('course_id').notNull(),
    reporterId: uuid('reporter_id')
      .notNull()
      .references(() => people.id),
    kind: text('kind', { enum: problemKinds }).notNull(),
    description: text('description').notNull(),
    state: text('state', { enum: problemStates }).notNull().default('received'),
    ownerId: uuid('owner_id').references(() => people.id),
    answer: text('answer'),
    answeredBy: uuid('answered_by').references(() => people.id),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    fixedRevision: integer('fixed_revision'),
    fixNote: text('fix_note'),
    fixedAt: timestamp('fixed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('problem_reports_course_idx').on(t.courseId), index('problem_reports_reporter_idx').on(t.reporterId), index('problem_reports_state_idx').on(t.state)],
);
