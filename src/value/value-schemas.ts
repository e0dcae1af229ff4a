import { z } from 'zod';

// The value dashboard's edges (VA-1..3), shared by its pages and its routes.

const DAY = 86_400_000;
/** Three years: enough for a trend a board discusses, small enough to answer at once. */
export const MAX_PERIOD_DAYS = 3 * 366;

const filterFields = {
  from: z.iso.date('Give the first day as a date (YYYY-MM-DD).').describe('First day of the period, in the unit’s time zone'),
  to: z.iso.date('Give the last day as a date (YYYY-MM-DD).').describe('Last day of the period, included'),
  businessUnitId: z.uuid('Choose a business unit from the list.').optional(),
  goalId: z.uuid('Choose a strategic goal from the list.').optional(),
};

function checkPeriod(query: { from: string; to: string }, ctx: z.RefinementCtx): void {
  const days = (Date.parse(query.to) - Date.parse(query.from)) / DAY;
  if (days < 0) ctx.addIssue({ code: 'custom', path: ['to'], message: 'The period must end on or after its first day.' });
  else if (days > MAX_PERIOD_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: 'The dashboard covers at most three years; choose a shorter period.' });
  if (query.from < '1900-01-01') ctx.addIssue({ code: 'custom', path: ['from'], message: 'Give a day in 1900 or later.' });
}

export const valueQuery = z.object(filterFields).superRefine(checkPeriod);
export type ValueQuery = z.infer<typeof valueQuery>;

export const RECORDS_PAGE_SIZE = 50;
export const recordsQuery = z.object({ ...filterFields, page: z.coerce.number().int().min(1).max(100_000).default(1) }).superRefine(checkPeriod);
export type RecordsQuery = z.infer<typeof recordsQuery>;

export const measureKeyParam = z.object({ key: z.string().regex(/^[a-z0-9-]{1,80}$/, 'Not a measure.') });

export const figure = z.object({
  value: z.number().nullable(),
  basis: z.number().int(),
  tooFew: z.boolean(),
});
export type FigureView = z.infer<typeof figure>;

const splitName = z.enum(['businessUnit', 'goal']);

export const measureMeta = z.object({
  key: z.string(),
  title: z.string(),
  group: z.enum(['service', 'learning', 'support', 'requests', 'voice']),
  kind: z.enum(['share', 'nps', 'mean-days', 'count']),
  better: z.enum(['higher', 'lower', 'neither']),
  counted: z.string(),
  definition: z.string(),
  events: z.array(z.string()),
  /** Filters the reader chose that this measure cannot honour: its figure is the whole organization's. */
  notSplitBy: z.array(splitName),
});
export type MeasureMeta = z.infer<typeof measureMeta>;

export const measureView = measureMeta.extend({
  figure,
  breakdown: z.object({ title: z.string(), groups: z.array(z.object({ key: z.string(), label: z.string(), figure })) }).nullable(),
  trend: z.array(figure.extend({ month: z.string() })),
});
export type MeasureView = z.infer<typeof measureView>;

const filterEcho = {
  from: z.string(),
  to: z.string(),
  timeZone: z.string(),
  businessUnit: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  goalId: z.uuid().nullable(),
};

export const dashboardView = z.object({
  ...filterEcho,
  /** Figures resting on fewer answers, clocks or cases than this are flagged as too few to judge. */
  tooFewBelow: z.number().int(),
  months: z.array(z.string()),
  measures: z.array(measureView),
});
export type DashboardView = z.infer<typeof dashboardView>;

export const recordsView = z.object({
  ...filterEcho,
  measure: measureMeta,
  figure,
  columns: z.array(z.object({ key: z.string(), label: z.string() })),
  rows: z.array(z.object({ cells: z.record(z.string(), z.union([z.string(), z.number(), z.null()])), href: z.string().nullable() })),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type RecordsView = z.infer<typeof recordsView>;
