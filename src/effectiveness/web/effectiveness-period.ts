// The period filters of the effectiveness pages, kept in the URL (from, to as YYYY-MM-DD). An
// empty or half-typed day is no filter rather than an error; a period that ends before it starts is.

const day = /^\d{4}-\d{2}-\d{2}$/;

export type PeriodInput = { from: string; to: string };
export type PeriodErrors = { from?: string; to?: string };

export function checkPeriod(input: PeriodInput): { query: { from?: string; to?: string } | null; errors: PeriodErrors } {
  const errors: PeriodErrors = {};
  if (input.from && !day.test(input.from)) errors.from = 'Give the first day as a date.';
  if (input.to && !day.test(input.to)) errors.to = 'Give the last day as a date.';
  if (!errors.from && !errors.to && input.from && input.to && input.to < input.from) errors.to = 'The period must end on or after its first day.';
  if (errors.from || errors.to) return { query: null, errors };
  return { query: { ...(input.from ? { from: input.from } : {}), ...(input.to ? { to: input.to } : {}) }, errors };
}

/** Today's date where the browser is, and the same day a year before: the list page's default. */
export function lastTwelveMonths(now = new Date()): PeriodInput {
  const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const start = new Date(now);
  start.setFullYear(now.getFullYear() - 1);
  start.setDate(start.getDate() + 1);
  return { from: iso(start), to: iso(now) };
}

export function describePeriod(from: string | null | undefined, to: string | null | undefined): string {
  if (from && to) return `Completed ${from} to ${to}`;
  if (from) return `Completed on or after ${from}`;
  if (to) return `Completed up to ${to}`;
  return 'All completions';
}
