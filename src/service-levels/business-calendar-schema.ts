import { z } from 'zod';
import { isTimeZone } from '../platform/http/common-schemas';

// A business calendar as data: stored as JSON, edited by the unit lead in a form, and read by the
// service-level clocks (CH-3). Times are local wall-clock times in the calendar's own time zone.

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];

const startTime = /^([01]\d|2[0-3]):[0-5]\d$/;
const endTime = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

/** Minutes since local midnight of an "HH:MM" time, or undefined when it is not one. */
export function minutesOfDay(time: string): number | undefined {
  if (!endTime.test(time)) return undefined;
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

const workingPeriod = z
  .object({
    start: z.string().regex(startTime, 'Use a time such as 09:00 (00:00 to 23:59).'),
    end: z.string().regex(endTime, 'Use a time such as 17:00 (00:01 to 24:00).'),
  })
  .superRefine((period, ctx) => {
    // zod 4 runs refinements even when a field failed its format; judge only well-formed times.
    const start = startTime.test(period.start) ? minutesOfDay(period.start) : undefined;
    const end = minutesOfDay(period.end);
    if (start === undefined || end === undefined || start < end) return;
    ctx.addIssue({
      code: 'custom',
      path: ['end'],
      message: 'The period must end after it starts; split a night shift at midnight (22:00–24:00, then 00:00–06:00).',
    });
  });
export type WorkingPeriod = z.infer<typeof workingPeriod>;

const periodsOfADay = z
  .array(workingPeriod, { error: 'List the working periods of this day (an empty list means closed).' })
  .max(12, 'A day has at most 12 working periods.')
  .superRefine((periods, ctx) => {
    for (let i = 1; i < periods.length; i++) {
      const previous = periods[i - 1];
      const current = periods[i];
      if (!previous || !current) continue;
      const previousStart = minutesOfDay(previous.start);
      const previousEnd = minutesOfDay(previous.end);
      const currentStart = minutesOfDay(current.start);
      if (previousStart === undefined || previousEnd === undefined || currentStart === undefined) continue;
      if (currentStart < previousStart) {
        ctx.addIssue({ code: 'custom', path: [i, 'start'], message: 'List the periods of a day in time order.' });
      } else if (currentStart < previousEnd) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'start'],
          message: `This period overlaps the one before it, which ends at ${previous.end}.`,
        });
      }
    }
  });

export const noWorkingHoursMessage = 'The calendar has no working hours; add at least one working period.';

const week = z
  .object({
    mon: periodsOfADay,
    tue: periodsOfADay,
    wed: periodsOfADay,
    thu: periodsOfADay,
    fri: periodsOfADay,
    sat: periodsOfADay,
    sun: periodsOfADay,
  })
  .refine((days) => weekdays.some((day) => (days[day]?.length ?? 0) > 0), noWorkingHoursMessage);

/** True for a real calendar date written YYYY-MM-DD (2025-02-30 is not one). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

// `workingPeriods` replaces the weekday's hours on that date: absent or empty closes the day, a
// morning makes a half day, and periods on a weekend date make it a working day.
const holiday = z.object({
  date: z.string().refine(isCalendarDate, 'Use a real date written YYYY-MM-DD, such as 2025-12-25.'),
  name: z.string().trim().min(1, 'Name the holiday.').max(100, 'Keep the name under 100 characters.'),
  workingPeriods: periodsOfADay.optional(),
});
export type Holiday = z.infer<typeof holiday>;

export const businessCalendarSchema = z
  .object({
    timeZone: z
      .string({ error: 'Time zone is required.' })
      .trim()
      .min(1, 'Time zone is required.')
      // A blank field already has its message; one problem, one message.
      .refine((zone) => zone === '' || isTimeZone(zone), 'Unknown time zone; use an IANA name such as Europe/Paris.'),
    week,
    holidays: z
      .array(holiday)
      .max(2000, 'A calendar lists at most 2000 holidays.')
      .superRefine((holidays, ctx) => {
        const seen = new Map<string, string>();
        holidays.forEach((entry, i) => {
          const earlier = seen.get(entry.date);
          if (earlier !== undefined) {
            ctx.addIssue({
              code: 'custom',
              path: [i, 'date'],
              message: `Another holiday (${earlier}) is already on ${entry.date}; keep one entry per date.`,
            });
          } else {
            seen.set(entry.date, entry.name);
          }
        });
      }),
  })
  .meta({ id: 'BusinessCalendar' });
export type BusinessCalendar = z.infer<typeof businessCalendarSchema>;

/** The usual office week, Monday to Friday 09:00–17:00, no holidays, in the given time zone. */
export function defaultBusinessCalendar(timeZone: string): BusinessCalendar {
  const officeHours = [{ start: '09:00', end: '17:00' }];
  return businessCalendarSchema.parse({
    timeZone,
    week: { mon: officeHours, tue: officeHours, wed: officeHours, thu: officeHours, fri: officeHours, sat: [], sun: [] },
    holidays: [],
  });
}
