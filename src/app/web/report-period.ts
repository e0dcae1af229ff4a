// A report's period as people choose it (the compliance report, the value dashboard): a preset
// (this month, last quarter, …) or two days of their own. Days are calendar days in the charter calendar's time zone, as the server reads them,
// so "this month" is the same month for a reader in Berlin and the unit in New York.

export const periodPresets = ['this-month', 'last-month', 'this-quarter', 'last-quarter', 'this-year'] as const;
export type PeriodPreset = (typeof periodPresets)[number];
export type PeriodKind = PeriodPreset | 'custom';

export const periodLabels: Record<PeriodKind, string> = {
  'this-month': 'This month',
  'last-month': 'Last month',
  'this-quarter': 'This quarter',
  'last-quarter': 'Last quarter',
  'this-year': 'This year',
  custom: 'Custom dates',
};

export type Period = { kind: PeriodKind; from: string; to: string };

const isPreset = (value: string | null): value is PeriodPreset => (periodPresets as readonly string[]).includes(value ?? '');

/** Today (YYYY-MM-DD) in `timeZone`; in UTC when the zone is unknown to the browser. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

const pad = (n: number) => String(n).padStart(2, '0');
const day = (year: number, month: number, date: number) => `${year}-${pad(month)}-${pad(date)}`;
/** First day of month `month` (1–12, may run past either end of the year) through the last day of `month + months - 1`. */
function months(year: number, month: number, count: number): { from: string; to: string } {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const last = new Date(Date.UTC(year, month - 1 + count, 0));
  return {
    from: day(first.getUTCFullYear(), first.getUTCMonth() + 1, 1),
    to: day(last.getUTCFullYear(), last.getUTCMonth() + 1, last.getUTCDate()),
  };
}

/** The whole month, quarter or year a preset names, around `today`. */
export function presetRange(preset: PeriodPreset, today: string): { from: string; to: string } {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const quarterStart = month - ((month - 1) % 3);
  switch (preset) {
    case 'this-month':
      return months(year, month, 1);
    case 'last-month':
      return months(year, month - 1, 1);
    case 'this-quarter':
      return months(year, quarterStart, 3);
    case 'last-quarter':
      return months(year, quarterStart - 3, 3);
    case 'this-year':
      return months(year, 1, 12);
  }
}

/**
 * The period the URL asks for: `period=<preset>`, or `from`/`to` (with `period=custom` or none).
 * Nothing at all means the page's default (this month). Custom days are returned as typed, for the form to check.
 */
export function periodFromUrl(params: URLSearchParams, today: string, fallback: PeriodPreset = 'this-month'): Period {
  const period = params.get('period');
  if (isPreset(period)) return { kind: period, ...presetRange(period, today) };
  if (period === 'custom' || params.has('from') || params.has('to')) return { kind: 'custom', from: params.get('from') ?? '', to: params.get('to') ?? '' };
  return { kind: fallback, ...presetRange(fallback, today) };
}

const longDate = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' });

/** "June 1 – 10, 2026": calendar days, so formatted without any time zone shift. */
export function formatPeriod(from: string, to: string): string {
  const start = new Date(`${from}T00:00:00Z`);
  const end = new Date(`${to}T00:00:00Z`);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return `${from} – ${to}`;
  return from === to ? longDate.format(start) : longDate.formatRange(start, end);
}

export type PeriodErrors = { from?: string; to?: string };

/**
 * The reader's own days checked before anything is asked of the server: each missing or unreal day
 * gets its message on its field. `isDay` is the server schema's own day check.
 */
export function periodDayErrors(period: Period, isDay: (value: string) => boolean): PeriodErrors {
  const errors: PeriodErrors = {};
  if (!period.from) errors.from = 'Choose the first day of the period.';
  else if (!isDay(period.from)) errors.from = 'Enter a real day, as YYYY-MM-DD.';
  if (!period.to) errors.to = 'Choose the last day of the period.';
  else if (!isDay(period.to)) errors.to = 'Enter a real day, as YYYY-MM-DD.';
  return errors;
}
