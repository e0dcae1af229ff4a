import { z } from 'zod';
import { calendarDate } from '../platform/http/common-schemas';
import { glossaryTermView } from '../glossary/glossary-schemas';
import { requestUrgencies } from '../requests/request-values';
import { opportunityKinds, workshopSteps } from './workshop-values';

// The shapes of a customer experience workshop (CX-1..4), shared by the routes and the workshop
// pages' forms. No database imports.

const text = (max: number, empty: string) => z.string(empty).trim().min(1, empty).max(max, `At most ${max.toLocaleString('en')} characters.`);
const optionalText = (max: number) => z.string().trim().max(max, `At most ${max.toLocaleString('en')} characters.`).default('');

export const workshopRevision = z.number('Send the revision you edited.').int('The revision is a whole number.').min(1, 'The revision is a whole number from 1.').max(2_147_483_647, 'No workshop has that many revisions.');

/** Whose customers: a business unit, a process, or both; never neither. */
const scope = z.object({
  title: text(200, 'Give the workshop a title.'),
  businessUnitId: z.uuid('Choose a business unit.').nullable(),
  process: z.string().trim().max(200, 'At most 200 characters.').nullable(),
  purpose: optionalText(2000),
  heldOn: calendarDate('workshop day'),
  facilitatorId: z.uuid('Choose who facilitates.'),
});
const scopeCheck = <T extends { businessUnitId: string | null; process: string | null }>(v: T, ctx: z.RefinementCtx) => {
  if (!v.businessUnitId && !v.process) ctx.addIssue({ code: 'custom', path: ['businessUnitId'], message: 'Choose the business unit, or name the process the workshop maps.' });
};

export const createWorkshopInput = scope.superRefine(scopeCheck);
export type CreateWorkshopInput = z.infer<typeof createWorkshopInput>;

export const participantInput = z.object({
  personId: z.uuid('Choose a person.'),
  contribution: optionalText(200),
});
export const momentInput = z.object({
  id: z.uuid('A moment’s id is the one the workshop gave it.').optional(),
  name: text(200, 'Name the moment of truth, as the customer would.'),
  happensNow: optionalText(4000),
  shouldHappen: optionalText(4000),
  standardsNow: optionalText(2000),
  standardsNeeded: optionalText(2000),
  nonValueAdded: optionalText(2000),
});
export type MomentInput = z.infer<typeof momentInput>;

/** Opportunities and stories point at a moment by its place in `moments` (new moments have no id yet). */
const momentIndex = z.number('Choose the moment, or none.').int('Choose the moment, or none.').min(0, 'Choose the moment, or none.').max(199, 'Choose the moment, or none.').nullable();

export const opportunityInput = z.object({
  id: z.uuid('An opportunity’s id is the one the workshop gave it.').optional(),
  moment: momentIndex,
  kind: z.enum(opportunityKinds, 'Say what the opportunity would change: training is one answer among many.'),
  description: text(2000, 'Describe the opportunity.'),
});
export type OpportunityInput = z.infer<typeof opportunityInput>;

export const storyInput = z.object({
  id: z.uuid('A story’s id is the one the workshop gave it.').optional(),
  moment: momentIndex,
  story: text(4000, 'Write the story as it was told.'),
  toldBy: z.string().trim().max(200, 'At most 200 characters.').nullable().optional(),
});
export type StoryInput = z.infer<typeof storyInput>;

export const saveWorkshopInput = scope
  .extend({
    revision: workshopRevision,
    participants: z.array(participantInput).max(100, 'A workshop has at most 100 participants.'),
    moments: z.array(momentInput).max(200, 'A journey has at most 200 moments of truth.'),
    opportunities: z.array(opportunityInput).max(500, 'At most 500 opportunities.'),
    stories: z.array(storyInput).max(500, 'At most 500 stories.'),
  })
  .superRefine(scopeCheck);
export type SaveWorkshopInput = z.infer<typeof saveWorkshopInput>;

export const moveWorkshopInput = z.object({
  revision: workshopRevision,
  step: z.enum(workshopSteps, 'Choose a step of the workshop.'),
});
export type MoveWorkshopInput = z.infer<typeof moveWorkshopInput>;

export const workshopListQuery = z.object({
  step: z.enum(workshopSteps, 'Choose a step of the workshop.').optional(),
});

const personRef = z.object({ id: z.uuid(), name: z.string() });

export const workshopSummary = z.object({
  id: z.uuid(),
  title: z.string(),
  businessUnit: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  process: z.string().nullable(),
  heldOn: z.string(),
  step: z.enum(workshopSteps),
  facilitator: personRef,
  moments: z.number().int(),
  opportunities: z.number().int(),
});
export type WorkshopSummary = z.infer<typeof workshopSummary>;

/** What is still missing before the workshop can move past a step (workshop-steps.ts). */
export const stepGap = z.object({ field: z.string(), message: z.string() });
export type StepGap = z.infer<typeof stepGap>;

export const workshopView = z
  .object({
    id: z.uuid(),
    revision: z.number().int(),
    title: z.string(),
    businessUnit: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    process: z.string().nullable(),
    purpose: z.string(),
    heldOn: z.string(),
    facilitator: personRef,
    step: z.enum(workshopSteps),
    finishedAt: z.string().nullable(),
    updatedBy: personRef,
    updatedAt: z.string(),
    participants: z.array(z.object({ person: personRef, jobTitle: z.string(), contribution: z.string() })),
    moments: z.array(z.object({ id: z.uuid(), name: z.string(), happensNow: z.string(), shouldHappen: z.string(), standardsNow: z.string(), standardsNeeded: z.string(), nonValueAdded: z.string() })),
    opportunities: z.array(
      z.object({
        id: z.uuid(),
        momentId: z.uuid().nullable(),
        kind: z.enum(opportunityKinds),
        description: z.string(),
        requestId: z.uuid().nullable(),
        requestedAt: z.string().nullable(),
      }),
    ),
    stories: z.array(z.object({ id: z.uuid(), momentId: z.uuid().nullable(), story: z.string(), toldBy: z.string().nullable() })),
    words: z.array(glossaryTermView),
    /** What each step still lacks before the workshop can move past it. */
    gaps: z.record(z.enum(workshopSteps), z.array(stepGap)),
    /** The reader runs workshops (consultants, the unit lead, admins); participants and other staff read. */
    canRun: z.boolean(),
    /** The reader may change the content: a runner, while the workshop is not done. */
    canEdit: z.boolean(),
  })
  .meta({ id: 'Workshop' });
export type WorkshopView = z.infer<typeof workshopView>;

/** CX-4: who in the business unit owns the request an opportunity becomes, and whom it affects. */
export const requestFromOpportunityInput = z.object({
  requesterId: z.uuid('Choose who in the business unit owns the request.'),
  audience: z.string('Say who is affected: the team, role or group.').trim().min(1, 'Say who is affected: the team, role or group.').max(2000, 'At most 2,000 characters.'),
  audienceSize: z.number('Enter how many people are affected.').int('Enter a whole number of people.').min(1, 'At least one person is affected.').max(1_000_000, 'At most 1,000,000 people.'),
  urgency: z.enum(requestUrgencies, 'Choose how urgent it is.').optional(),
});
export type RequestFromOpportunityInput = z.infer<typeof requestFromOpportunityInput>;
