import { formatBusinessMinutes } from '../../charter/web/format-business-time';
import type { ComplianceFigures } from './compliance-api';

// Words and numbers as the report shows them. Business time is said in working days and hours
// of the charter calendar's working day, as the charter says its targets.

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** "2 of 3 met": of the clocks that stopped, how many within their target. */
export function metOfStopped(figures: Pick<ComplianceFigures, 'met' | 'breached'>): string {
  return `${figures.met} of ${figures.met + figures.breached} met`;
}

/** A median, a percentile or a lateness in words; a dash when there is nothing to measure. */
export function businessTime(minutes: number | null, workingDay: number): string {
  return minutes === null ? '—' : formatBusinessMinutes(minutes, workingDay);
}

/** "Target: 8 working hours", or each target the period's clocks were judged by, oldest first. */
export function targetsInWords(targets: readonly number[], workingDay: number): string | null {
  const words = targets.map((t) => formatBusinessMinutes(t, workingDay));
  if (words.length === 0) return null;
  if (words.length === 1) return `Target: ${words[0]}`;
  return `Targets: ${words.join(', then ')} (the charter changed during the period)`;
}

/** Instants as "Jun 1, 2026, 9:00 AM" in the report's time zone, so the page agrees with its period. */
export function instantFormat(timeZone: string): (iso: string) => string {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone });
  } catch {
    format = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });
  }
  return (iso) => {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : format.format(date);
  };
}
