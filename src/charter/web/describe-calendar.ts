import type { BusinessCalendar, Weekday, WorkingPeriod } from '../../service-levels/business-calendar-schema';

// The business calendar in words, the same on the page and in the charter's PDF.

export const dayNames: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

export const periodsText = (periods: readonly WorkingPeriod[]) => periods.map((p) => `${p.start}–${p.end}`).join(', ');

/** "Eastern Time (America/New_York)"; the IANA name alone when the runtime has no generic name. */
export function timeZoneInWords(timeZone: string): string {
  try {
    const name = new Intl.DateTimeFormat('en', { timeZone, timeZoneName: 'longGeneric' }).formatToParts(new Date()).find((part) => part.type === 'timeZoneName')?.value;
    return name && name !== timeZone ? `${name} (${timeZone})` : timeZone;
  } catch {
    return timeZone;
  }
}

// A holiday is a calendar date, not an instant: format it at UTC so no time zone moves it a day.
const holidayDate = new Intl.DateTimeFormat('en', { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' });
export function formatHolidayDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return date;
  return holidayDate.format(new Date(Date.UTC(y, m - 1, d)));
}

/** The holidays in date order, grouped by year ("2026" → its holidays). */
export function holidaysByYear(holidays: BusinessCalendar['holidays']): Map<string, BusinessCalendar['holidays']> {
  const byYear = new Map<string, BusinessCalendar['holidays']>();
  for (const holiday of [...holidays].sort((a, b) => a.date.localeCompare(b.date))) {
    const year = holiday.date.slice(0, 4);
    byYear.set(year, [...(byYear.get(year) ?? []), holiday]);
  }
  return byYear;
}
