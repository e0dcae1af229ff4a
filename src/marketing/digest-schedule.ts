import type { DigestFrequency } from './marketing-values';

// When a digest is due and what it covers (CA-6, decision 015). Days are UTC calendar days: the job
// runs once a day, and comparing days rather than instants keeps a run at 07:00:02 from missing a
// person handled at 07:00:05 a week before.

const DAY = 86_400_000;

/** The hour (UTC) of the daily run: before the working day in Europe, overnight for the Americas. */
export const DIGEST_HOUR_UTC = 7;

/**
 * The day someone due on `dueOn` actually gets their digest: that day's run, unless it has already
 * happened (then the next morning's).
 */
export function digestDay(dueOn: string, now: Date): string {
  const today = utcDay(now);
  const nextRun = now.getUTCHours() < DIGEST_HOUR_UTC ? today : addDays(today, 1);
  return dueOn > nextRun ? dueOn : nextRun;
}

/** The UTC calendar day of an instant: 2026-11-23. */
export const utcDay = (at: Date): string => at.toISOString().slice(0, 10);

export function addDays(day: string, days: number): string {
  return utcDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY));
}

/** ISO 8601 week of a UTC day: 2026-W48 (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const weekday = date.getUTCDay() || 7;
  const thursday = new Date(date.getTime() + (4 - weekday) * DAY);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/**
 * The period a digest sent now belongs to: the ISO week for a weekly digest, the calendar month for
 * a monthly one. Two weekly digests are at least 7 days apart, so never in the same ISO week: the
 * period names one digest, and with the person it is the message's idempotency key.
 */
export function periodOf(frequency: DigestFrequency, now: Date): string {
  const day = utcDay(now);
  return frequency === 'weekly' ? isoWeek(day) : day.slice(0, 7);
}

/** The first day a person handled on `handledOn` is due again: 7 days on, or the 1st of the next month. */
export function nextDueOn(frequency: DigestFrequency, handledOn: string): string {
  if (frequency === 'weekly') return addDays(handledOn, 7);
  const [year, month] = handledOn.split('-').map(Number) as [number, number];
  return utcDay(new Date(Date.UTC(year, month, 1)));
}

/**
 * When the next digest is due after someone switches it on or changes its frequency: at the next
 * daily run for a first digest, otherwise a whole period after the last one (never in the past).
 */
export function dueAfterChange(frequency: DigestFrequency, lastDigestAt: Date | null, today: string): string {
  if (!lastDigestAt) return today;
  const due = nextDueOn(frequency, utcDay(lastDigestAt));
  return due > today ? due : today;
}

/** The same instant one period earlier: 7 days, or one calendar month. */
function periodBefore(frequency: DigestFrequency, at: Date): Date {
  if (frequency === 'weekly') return new Date(at.getTime() - 7 * DAY);
  const back = new Date(at);
  back.setUTCMonth(back.getUTCMonth() - 1);
  return back;
}

export type DigestWindow = {
  /** "New": courses published after this instant (the last run's). */
  newSince: Date;
  /** "Upcoming": sessions starting from now until (not including) this instant. */
  upcomingUntil: Date;
};

/**
 * What one digest covers.
 *
 * New: courses published since the last digest; a first digest looks back one period, and none
 * looks back more than two (someone who restarts after a year is not sent a year of news).
 *
 * Upcoming: sessions starting before the end of the period after this one — 14 days for a weekly
 * digest, the end of next month for a monthly one. A session listed only in the digest just
 * before it starts would usually have closed its enrolment by then; two periods ahead gives every
 * session at least one digest while enrolment is open.
 */
export function digestWindow(frequency: DigestFrequency, lastDigestAt: Date | null, now: Date): DigestWindow {
  const onePeriod = periodBefore(frequency, now);
  const twoPeriods = periodBefore(frequency, onePeriod);
  const since = lastDigestAt ?? onePeriod;
  const newSince = since.getTime() < twoPeriods.getTime() ? twoPeriods : since;
  const upcomingUntil =
    frequency === 'weekly' ? new Date(now.getTime() + 14 * DAY) : new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 2, 1));
  return { newSince, upcomingUntil };
}

/** The widest window any subscriber can have at `now`: what the job loads from the catalog once per run. */
export function widestWindow(now: Date): DigestWindow {
  const weekly = digestWindow('weekly', new Date(0), now);
  const monthly = digestWindow('monthly', new Date(0), now);
  return {
    newSince: weekly.newSince < monthly.newSince ? weekly.newSince : monthly.newSince,
    upcomingUntil: weekly.upcomingUntil > monthly.upcomingUntil ? weekly.upcomingUntil : monthly.upcomingUntil,
  };
}
