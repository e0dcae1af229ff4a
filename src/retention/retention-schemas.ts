import { z } from 'zod';
import { calendarDate } from '../platform/http/common-schemas';
import { retentionActionKinds, retentionActionOwners, retentionPlanStates } from './retention-values';

// The shapes of retention plans (AF-6), shared by the routes and the plan editor in the browser.

export const planRevision = z.number('Send the revision you edited.').int('The revision is a whole number.').min(1, 'The revision is a whole number from 1.').max(2_147_483_647, 'No plan has that many revisions.');

export const actionInput = z.object({
  id: z.uuid('An action’s id is the one the plan gave it.').optional(),
  objectiveId: z.uuid('Choose one of the course objectives, or none.').nullable(),
  kind: z.enum(retentionActionKinds, 'Choose what kind of action this is.'),
  description: z.string('Say what will be done.').trim().min(1, 'Say what will be done.').max(1000, 'Keep an action under 1,000 characters.'),
  owner: z.enum(retentionActionOwners, 'Say who does it: the learner or the supervisor.'),
  dueOn: calendarDate('due date').nullable().optional(),
  done: z.boolean('Say whether it is done.'),
});
export type ActionInput = z.infer<typeof actionInput>;

export const checkInInput = z.object({
  id: z.uuid('A check-in’s id is the one the plan gave it.').optional(),
  dueOn: calendarDate('check-in date'),
  held: z.boolean('Say whether the check-in was held.').optional(),
  note: z.string().trim().max(2000, 'Keep a note under 2,000 characters.').nullable().optional(),
});
export type CheckInInput = z.infer<typeof checkInInput>;

export const updatePlanInput = z.object({
  revision: planRevision,
  actions: z.array(actionInput).max(200, 'A plan holds at most 200 actions.'),
  checkIns: z.array(checkInInput).max(50, 'A plan holds at most 50 check-ins.'),
});
export type UpdatePlanInput = z.infer<typeof updatePlanInput>;

export const closePlanInput = z.object({
  revision: planRevision,
  note: z.string().trim().max(2000, 'Keep the note under 2,000 characters.').nullable().optional(),
});
export type ClosePlanInput = z.infer<typeof closePlanInput>;

const personRef = z.object({ id: z.uuid(), name: z.string() });

export const actionView = z.object({
  id: z.uuid(),
  objectiveId: z.uuid().nullable(),
  kind: z.enum(retentionActionKinds),
  description: z.string(),
  owner: z.enum(retentionActionOwners),
  dueOn: z.string().nullable(),
  done: z.boolean(),
});
export type ActionView = z.infer<typeof actionView>;

export const checkInView = z.object({ id: z.uuid(), dueOn: z.string(), held: z.boolean(), note: z.string().nullable(), reminded: z.boolean() });
export type CheckInView = z.infer<typeof checkInView>;

export const planView = z.object({
  id: z.uuid(),
  enrolmentId: z.uuid(),
  state: z.enum(retentionPlanStates),
  revision: z.number().int(),
  learner: personRef,
  supervisor: personRef.nullable(),
  course: z.object({ id: z.uuid(), code: z.string(), title: z.string() }),
  completedAt: z.string().nullable(),
  /** Each live objective with its actions; actions for the plan as a whole come in `otherActions`. */
  objectives: z.array(z.object({ id: z.uuid(), text: z.string(), actions: z.array(actionView) })),
  otherActions: z.array(actionView),
  checkIns: z.array(checkInView),
  createdAt: z.string(),
  updatedAt: z.string(),
  updatedBy: personRef,
  closedAt: z.string().nullable(),
  closedBy: personRef.nullable(),
  closingNote: z.string().nullable(),
  /** What the caller may do with it: the editor and the confirm button follow these. */
  mayEdit: z.boolean(),
  mayClose: z.boolean(),
  /** "today" in the unit's time zone: check-ins added before it are refused. */
  today: z.string(),
});
export type PlanView = z.infer<typeof planView>;

export const planScopes = ['mine', 'team', 'all'] as const;
export const planListQuery = z.object({ scope: z.enum(planScopes, 'Choose mine, team or all.').default('mine') });

export const planSummary = z.object({
  id: z.uuid(),
  state: z.enum(retentionPlanStates),
  learner: personRef,
  course: z.object({ id: z.uuid(), code: z.string(), title: z.string() }),
  actionsDone: z.number().int(),
  actionsTotal: z.number().int(),
  nextCheckIn: z.string().nullable(),
  updatedAt: z.string(),
});
export type PlanSummary = z.infer<typeof planSummary>;

export const startableView = z.object({
  enrolmentId: z.uuid(),
  learner: personRef,
  course: z.object({ id: z.uuid(), code: z.string(), title: z.string() }),
  completedAt: z.string().nullable(),
});
export type StartableView = z.infer<typeof startableView>;
