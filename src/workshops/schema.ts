import { sql } from 'drizzle-orm';
import { pgTable, uuid, integer, text, timestamp, date, uniqueIndex, index, check, primaryKey } from 'drizzle-orm/pg-core';
import { businessUnits, people } from '../people/schema';
import { glossaryTerms } from '../glossary/schema';
import { opportunityKinds, workshopSteps } from './workshop-values';

// A customer experience workshop (CX-1..4, seed 004): for a business unit or a process, the unit
// maps the customer's moments of truth in order, analyses each, and harvests improvement
// opportunities, stories and the organization's own words. `step` is where the guided process
// stands; `revision` guards the editor against overwriting someone else's save.
export const workshops = pgTable(
  'workshops',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    businessUnitId: uuid('business_unit_id').references(() => businessUnits.id),
    /** The process mapped, when the workshop is about one rather than (or across) a unit. */
    process: text('process'),
    purpose: text('purpose').notNull().default(''),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    facilitatorId: uuid('facilitator_id').notNull().references(() => people.id),
    step: text('step', { enum: workshopSteps }).notNull().default('prepare'),
    revision: integer('revision').notNull().default(1),
    createdBy: uuid('created_by').notNull().references(() => people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedBy: uuid('updated_by').notNull().references(() => people.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('workshops_held_on_idx').on(t.heldOn),
    check('workshops_scope', sql`${t.businessUnitId} IS NOT NULL OR ${t.process} IS NOT NULL`),
    check('workshops_finished_whole', sql`(${t.step} = 'done') = (${t.finishedAt} IS NOT NULL)`),
  ],
);

// Who took part, and what they bring (a front-line agent, the team's supervisor, a customer).
export const workshopParticipants = pgTable(
  'workshop_participants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workshopId: uuid('workshop_id').notNull().references(() => workshops.id),
    personId: uuid('person_id').notNull().references(() => people.id),
    contribution: text('contribution').notNull().default(''),
    position: integer('position').notNull(),
  },
  (t) => [uniqueIndex('workshop_participants_person_idx').on(t.workshopId, t.personId)],
);

// A moment of truth (CX-1) and its analysis (CX-2), in the order the customer lives them.
export const workshopMoments = pgTable(
  'workshop_moments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workshopId: uuid('workshop_id').notNull().references(() => workshops.id),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    happensNow: text('happens_now').notNull().default(''),
    shouldHappen: text('should_happen').notNull().default(''),
    standardsNow: text('standards_now').notNull().default(''),
    standardsNeeded: text('standards_needed').notNull().default(''),
    /** Activities the customer would not pay for if they knew (seed 004). */
    nonValueAdded: text('non_value_added').notNull().default(''),
  },
  (t) => [index('workshop_moments_workshop_idx').on(t.workshopId, t.position)],
);

// An improvement opportunity harvested (CX-3), at a moment or for the whole journey. Once it has
// been turned into a request (CX-4) it is kept: `request_id` is the request it became.
export const workshopOpportunities = pgTable(
  'workshop_opportunities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workshopId: uuid('workshop_id').notNull().references(() => workshops.id),
    momentId: uuid('moment_id').references(() => workshopMoments.id, { onDelete: 'set null' }),
    position: integer('position').notNull(),
    kind: text('kind', { enum: opportunityKinds }).notNull(),
    description: text('description').notNull(),
    requestId: uuid('request_id'),
    requestedBy: uuid('requested_by').references(() => people.id),
    requestedAt: timestamp('requested_at', { withTimezone: true }),
  },
  (t) => [
    index('workshop_opportunities_workshop_idx').on(t.workshopId, t.position),
    check('workshop_opportunities_requested_whole', sql`(${t.requestId} IS NULL) = (${t.requestedAt} IS NULL)`),
  ],
);

// Anecdotes and real stories (CX-3), told at a moment or about the journey, reusable to tailor a
// course. `told_by` is how the teller wants to be quoted ("an agent of six years"), never required.
export const workshopStories = pgTable(
  'workshop_stories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workshopId: uuid('workshop_id').notNull().references(() => workshops.id),
    momentId: uuid('moment_id').references(() => workshopMoments.id, { onDelete: 'set null' }),
    position: integer('position').notNull(),
    story: text('story').notNull(),
    toldBy: text('told_by'),
  },
  (t) => [index('workshop_stories_workshop_idx').on(t.workshopId, t.position)],
);

// The organization's own words heard in the workshop (CX-3), kept in the glossary (FB-3).
export const workshopWords = pgTable(
  'workshop_words',
  {
    workshopId: uuid('workshop_id').notNull().references(() => workshops.id),
    termId: uuid('term_id').notNull().references(() => glossaryTerms.id),
    harvestedAt: timestamp('harvested_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.workshopId, t.termId] })],
);
