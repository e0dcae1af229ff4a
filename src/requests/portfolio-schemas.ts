import { z } from 'zod';
import { calendarDate } from '../platform/http/common-schemas';

// RQ-7: strategic goals, prime customer segments, effort on requests and the portfolio view.
// Shared by the pages' forms and the server's checks; no database imports.

const text = (max: number, empty: string) => z.string().trim().min(1, empty).max(max, `At most ${max.toLocaleString('en')} characters.`);
const optionalText = (max: number) => z.string().trim().max(max, `At most ${max.toLocaleString('en')} characters.`);

export const goalInput = z.object({
  title: text(200, 'Name the goal, e.g. “Resolve customer problems on the first contact”.'),
  description: optionalText(2000).default(''),
});
export type GoalInput = z.infer<typeof goalInput>;

/** Rename, reword, retire or bring back a goal: the whole goal, as the form holds it. */
export const goalUpdateInput = goalInput.extend({ active: z.boolean('Say whether the goal is current.') });
export type GoalUpdateInput = z.infer<typeof goalUpdateInput>;

export const goalView = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string(),
  active: z.boolean(),
  /** Requests that serve it: a goal they reference is retired, never deleted. */
  requests: z.number().int(),
});
export type GoalView = z.infer<typeof goalView>;
export const goalListView = z.object({ items: z.array(goalView), canKeep: z.boolean() });
export type GoalListView = z.infer<typeof goalListView>;

export const segmentInput = z.object({ note: optionalText(1000).default('') });
export const segmentParams = z.object({ businessUnitId: z.uuid('Choose a business unit from the list.') });
export const segmentView = z.object({ businessUnit: z.object({ id: z.uuid(), name: z.string() }), prime: z.boolean(), note: z.string(), markedAt: z.string().nullable() });
export type SegmentView = z.infer<typeof segmentView>;
export const segmentListView = z.object({ items: z.array(segmentView), canKeep: z.boolean() });
export type SegmentListView = z.infer<typeof segmentListView>;

/** Hours in quarters, up to a day: effort is a record of time spent, not a timesheet. */
export const effortInput = z.object({
  hours: z.number('Enter the hours as a number, e.g. 1.5.').min(0.25, 'At least a quarter of an hour.').max(24, 'At most 24 hours on one day.').multipleOf(0.25, 'Round to a quarter of an hour.'),
  workedOn: calendarDate('day worked'),
  note: optionalText(1000).default(''),
});
export type EffortInput = z.infer<typeof effortInput>;
export const effortView = z.object({
  totalHours: z.number(),
  entries: z.array(z.object({ id: z.uuid(), person: z.object({ id: z.uuid(), name: z.string() }), hours: z.number(), workedOn: z.string(), note: z.string() })),
});
export type EffortView = z.infer<typeof effortView>;

const DAY = 86_400_000;
export const portfolioQuery = z
  .object({
    from: calendarDate('first day'),
    to: calendarDate('last day'),
  })
  .superRefine((q, ctx) => {
    const days = (Date.parse(q.to) - Date.parse(q.from)) / DAY;
    if (days < 0) ctx.addIssue({ code: 'custom', path: ['to'], message: 'The period must end on or after its first day.' });
    else if (days > 3 * 366) ctx.addIssue({ code: 'custom', path: ['to'], message: 'The portfolio covers at most three years; choose a shorter period.' });
  });
export type PortfolioQuery = z.infer<typeof portfolioQuery>;

const portfolioRow = z.object({
  id: z.uuid().nullable(),
  name: z.string(),
  /** Requests submitted in the period. */
  requests: z.number().int(),
  /** Of those, decided (a recommendation accepted), and of the decided, solved without training. */
  decided: z.number().int(),
  nonTraining: z.number().int(),
  /** Hours recorded in the period on requests of this goal or unit, whenever submitted. */
  hours: z.number(),
});
export type PortfolioRow = z.infer<typeof portfolioRow>;

export const portfolioView = z.object({
  from: z.string(),
  to: z.string(),
  byGoal: z.array(portfolioRow.extend({ active: z.boolean() })),
  byUnit: z.array(portfolioRow.extend({ prime: z.boolean() })),
  totals: portfolioRow.omit({ id: true, name: true }).extend({ nonTrainingShare: z.number().nullable() }),
});
export type PortfolioView = z.infer<typeof portfolioView>;
