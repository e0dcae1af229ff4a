import { minutesOfDay, weekdays, type BusinessCalendar, type WorkingPeriod } from '../../service-levels/business-calendar-schema';

// Service-level targets are stored in business minutes; people think in working hours and
// working days. A working day is the calendar's usual daily hours (08:30–17:00 is 510 minutes),
// so "3 working days" means the same thing on the page as it does to the clock.

/** Length of one working period in minutes (0 for a malformed one). */
export function periodMinutes(period: WorkingPeriod): number {
  const start = minutesOfDay(period.start);
  const end = minutesOfDay(period.end);
  return start === undefined || end === undefined ? 0 : Math.max(0, end - start);
}

export function dayMinutes(periods: readonly WorkingPeriod[]): number {
  return periods.reduce((sum, period) => sum + periodMinutes(period), 0);
}

/**
 * The calendar's usual working day: the most common length among days with working hours (the
 * longer one on a tie, so a short Friday does not shrink every day); 0 when nothing is open.
 */
export function workingDayMinutes(calendar: Pick<BusinessCalendar, 'week'>): number {
  const counts = new Map<number, number>();
  for (const day of weekdays) {
    const length = dayMinutes(calendar.week[day] ?? []);
    if (length > 0) counts.set(length, (counts.get(length) ?? 0) + 1);
  }
  let best = 0;
  let bestCount = 0;
  for (const [length, n] of counts) {
    if (n > bestCount || (n === bestCount && length > best)) {
      best = length;
      bestCount = n;
    }
  }
  return best;
}

const unit = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "8 hours", "45 minutes", "8 hours 30 minutes" — a plain length of time. */
export function formatDuration(minutes: number): string {
  const whole = Math.max(0, Math.round(minutes));
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  if (hours === 0) return unit(rest, 'minute');
  return rest === 0 ? unit(hours, 'hour') : `${unit(hours, 'hour')} ${unit(rest, 'minute')}`;
}

function workingHours(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return unit(rest, 'working minute');
  if (rest === 0) return unit(hours, 'working hour');
  return `${unit(hours, 'working hour')} ${unit(rest, 'minute')}`;
}

/**
 * A target in business minutes as people say it: whole working days when it is one or more
 * days ("3 working days", "1 working day and 2 hours"), otherwise working hours ("8 working hours").
 */
export function formatBusinessMinutes(minutes: number, workingDay: number): string {
  const whole = Math.max(0, Math.round(minutes));
  if (workingDay <= 0 || whole < workingDay) return workingHours(whole);
  const days = Math.floor(whole / workingDay);
  const rest = whole % workingDay;
  const dayText = unit(days, 'working day');
  return rest === 0 ? dayText : `${dayText} and ${formatDuration(rest)}`;
}
