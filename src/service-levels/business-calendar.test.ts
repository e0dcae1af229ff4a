import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addBusinessTime,
  businessMillisecondsBetween,
  businessMinutesBetween,
  isWorkingTime,
  nextWorkingMoment,
} from './business-calendar';
import {
  businessCalendarSchema,
  defaultBusinessCalendar,
  noWorkingHoursMessage,
  weekdays,
  type BusinessCalendar,
  type Weekday,
} from './business-calendar-schema';

// ---- Calendars, written the way a person reads them ---------------------------------------------

type DaySpec = Weekday | 'mon-fri' | 'every day';
type HolidaySpec = { date: string; name: string; hours?: string };

function periods(spec: string) {
  return spec
    .split(' ')
    .filter(Boolean)
    .map((range) => {
      const [start = '', end = ''] = range.split('-');
      return { start, end };
    });
}

function calendar(timeZone: string, days: Partial<Record<DaySpec, string>>, holidays: HolidaySpec[] = []): BusinessCalendar {
  const week = Object.fromEntries(weekdays.map((day) => [day, [] as ReturnType<typeof periods>]));
  for (const [key, spec = ''] of Object.entries(days)) {
    const targets = key === 'every day' ? weekdays : key === 'mon-fri' ? weekdays.slice(0, 5) : [key];
    for (const day of targets) week[day] = periods(spec);
  }
  return businessCalendarSchema.parse({
    timeZone,
    week,
    holidays: holidays.map(({ date, name, hours }) => ({ date, name, ...(hours ? { workingPeriods: periods(hours) } : {}) })),
  });
}

const office = (timeZone: string, holidays: HolidaySpec[] = []) => calendar(timeZone, { 'mon-fri': '09:00-17:00' }, holidays);
const roundTheClock = (timeZone: string) => calendar(timeZone, { 'every day': '00:00-24:00' });
const nightShift = (timeZone: string) => calendar(timeZone, { 'every day': '00:00-06:00' });

const parisOffice = office('Europe/Paris');
const parisSplitDay = calendar('Europe/Paris', { 'mon-fri': '09:00-12:00 13:00-17:00' });
const parisWhitMonday = office('Europe/Paris', [{ date: '2025-06-09', name: 'Whit Monday' }]);
const parisBastilleDay = office('Europe/Paris', [{ date: '2025-07-14', name: 'Bastille Day' }]);
const parisYearEnd = office('Europe/Paris', [
  { date: '2025-12-24', name: 'Christmas Eve (half day)', hours: '09:00-12:00' },
  { date: '2025-12-25', name: 'Christmas Day' },
  { date: '2025-12-27', name: 'Year-end stock-take (working Saturday)', hours: '10:00-12:00' },
]);
const parisLeapDayOff = office('Europe/Paris', [{ date: '2028-02-29', name: 'Leap day off' }]);
const newYorkOffice = office('America/New_York');
const newYorkNewYear = office('America/New_York', [{ date: '2026-01-01', name: "New Year's Day" }]);

// ---- Local ISO, computed with Intl independently of the module under test ----------------------

const wallFormats = new Map<string, Intl.DateTimeFormat>();

function wallParts(date: Date, timeZone: string) {
  const format = wallFormats.get(timeZone) ?? new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    weekday: 'short',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  wallFormats.set(timeZone, format);
  const part: Record<string, string> = {};
  for (const { type, value } of format.formatToParts(date)) part[type] = value;
  const [year, month, day, hour, minute, second] = [part.year, part.month, part.day, part.hour, part.minute, part.second].map(Number) as number[];
  const wall = Date.UTC(year!, month! - 1, day!, hour!, minute!, second!);
  return {
    date: `${part.year}-${part.month}-${part.day}`,
    weekday: (part.weekday ?? '').toLowerCase() as Weekday,
    minuteOfDay: hour! * 60 + minute!,
    time: `${part.hour}:${part.minute}`,
    second: second!,
    offsetMinutes: (wall - Math.floor(date.getTime() / 1000) * 1000) / 60_000,
  };
}

/** "2025-06-10T16:55+02:00": the instant as the calendar's own wall clock shows it, seconds only when not zero. */
function localIso(date: Date, timeZone: string): string {
  const wall = wallParts(date, timeZone);
  const ms = date.getTime() - Math.floor(date.getTime() / 1000) * 1000;
  const seconds = wall.second || ms ? `:${String(wall.second).padStart(2, '0')}${ms ? `.${String(ms).padStart(3, '0')}` : ''}` : '';
  const sign = wall.offsetMinutes < 0 ? '-' : '+';
  const offset = Math.abs(wall.offsetMinutes);
  const hhmm = `${String(Math.floor(offset / 60)).padStart(2, '0')}:${String(offset % 60).padStart(2, '0')}`;
  return `${wall.date}T${wall.time}${seconds}${sign}${hhmm}`;
}

// ---- Hand-computed due times -------------------------------------------------------------------

type DueRow = { name: string; calendar: BusinessCalendar; start: string; minutes: number; due: string; utcHours?: number };

const dueRows: DueRow[] = [
  // Office week, Europe/Paris, June 2025 (CEST, +02:00). 2025-06-02 is a Monday.
  { name: 'within one day', calendar: parisOffice, start: '2025-06-03T10:00+02:00', minutes: 90, due: '2025-06-03T11:30+02:00' },
  { name: 'ending exactly at closing stays that evening', calendar: parisOffice, start: '2025-06-03T09:00+02:00', minutes: 480, due: '2025-06-03T17:00+02:00' },
  { name: 'crossing the evening into the next morning', calendar: parisOffice, start: '2025-06-03T16:00+02:00', minutes: 120, due: '2025-06-04T10:00+02:00' },
  { name: 'Friday afternoon to Monday morning over the weekend', calendar: parisOffice, start: '2025-06-13T16:00+02:00', minutes: 120, due: '2025-06-16T10:00+02:00' },
  {
    name: 'Friday 16:55 + 8 h first response with a Monday holiday is due Tuesday 16:55',
    calendar: parisWhitMonday,
    start: '2025-06-06T16:55+02:00',
    minutes: 480,
    due: '2025-06-10T16:55+02:00',
  },
  { name: 'start on a Saturday counts from Monday opening', calendar: parisOffice, start: '2025-06-14T10:00+02:00', minutes: 30, due: '2025-06-16T09:30+02:00' },
  { name: 'start on a holiday counts from the next working day', calendar: parisBastilleDay, start: '2025-07-14T10:00+02:00', minutes: 60, due: '2025-07-15T10:00+02:00' },
  { name: 'start before opening', calendar: parisOffice, start: '2025-06-03T07:00+02:00', minutes: 30, due: '2025-06-03T09:30+02:00' },
  { name: 'start after closing', calendar: parisOffice, start: '2025-06-03T18:30+02:00', minutes: 30, due: '2025-06-04T09:30+02:00' },
  { name: 'a whole working week', calendar: parisOffice, start: '2025-06-02T09:00+02:00', minutes: 2400, due: '2025-06-06T17:00+02:00' },
  { name: 'milliseconds carry over the night', calendar: parisOffice, start: '2025-06-03T16:59:59.500+02:00', minutes: 1, due: '2025-06-04T09:00:59.500+02:00' },
  // Split day: 09:00–12:00 and 13:00–17:00.
  { name: 'split day: the lunch break does not count', calendar: parisSplitDay, start: '2025-06-02T11:30+02:00', minutes: 60, due: '2025-06-02T13:30+02:00' },
  { name: 'split day: a morning ends at noon, not after lunch', calendar: parisSplitDay, start: '2025-06-02T09:00+02:00', minutes: 180, due: '2025-06-02T12:00+02:00' },
  { name: 'split day: start during lunch', calendar: parisSplitDay, start: '2025-06-02T12:15+02:00', minutes: 15, due: '2025-06-02T13:15+02:00' },
  { name: 'split day: across the evening and the next lunch', calendar: parisSplitDay, start: '2025-06-02T16:30+02:00', minutes: 240, due: '2025-06-03T13:30+02:00' },
  // Year end: half-day Christmas Eve (Wednesday), Christmas closed, a working Saturday morning.
  { name: 'half-day holiday, then a closed holiday', calendar: parisYearEnd, start: '2025-12-24T11:00+01:00', minutes: 120, due: '2025-12-26T10:00+01:00' },
  { name: 'start after a half day has closed', calendar: parisYearEnd, start: '2025-12-24T14:00+01:00', minutes: 30, due: '2025-12-26T09:30+01:00' },
  { name: 'a dated entry can open a Saturday morning', calendar: parisYearEnd, start: '2025-12-26T16:30+01:00', minutes: 60, due: '2025-12-27T10:30+01:00' },
  // Office hours never touch the 02:00 change, yet the weekend in between loses or gains an hour.
  { name: 'Paris spring forward over the weekend (65 h elapse, not 66)', calendar: parisOffice, start: '2025-03-28T16:00+01:00', minutes: 120, due: '2025-03-31T10:00+02:00', utcHours: 65 },
  { name: 'Paris fall back over the weekend (67 h elapse)', calendar: parisOffice, start: '2025-10-24T16:00+02:00', minutes: 120, due: '2025-10-27T10:00+01:00', utcHours: 67 },
  { name: 'New York spring forward over the weekend', calendar: newYorkOffice, start: '2025-03-07T16:00-05:00', minutes: 120, due: '2025-03-10T10:00-04:00', utcHours: 65 },
  { name: 'New York fall back over the weekend', calendar: newYorkOffice, start: '2025-10-31T16:00-04:00', minutes: 120, due: '2025-11-03T10:00-05:00', utcHours: 67 },
  { name: 'Lord Howe: a 30-minute spring forward', calendar: office('Australia/Lord_Howe'), start: '2025-10-03T16:00+10:30', minutes: 120, due: '2025-10-06T10:00+11:00', utcHours: 65.5 },
  // A round-the-clock desk: business time is elapsed time, whatever the wall clock does.
  { name: '24 h desk, Paris spring forward: a day of work ends at 13:00', calendar: roundTheClock('Europe/Paris'), start: '2025-03-29T12:00+01:00', minutes: 1440, due: '2025-03-30T13:00+02:00', utcHours: 24 },
  { name: '24 h desk, Paris fall back: a day of work ends at 11:00', calendar: roundTheClock('Europe/Paris'), start: '2025-10-25T12:00+02:00', minutes: 1440, due: '2025-10-26T11:00+01:00', utcHours: 24 },
  { name: '24 h desk, New York spring forward', calendar: roundTheClock('America/New_York'), start: '2025-03-08T12:00-05:00', minutes: 1440, due: '2025-03-09T13:00-04:00' },
  { name: '24 h desk, New York fall back', calendar: roundTheClock('America/New_York'), start: '2025-11-01T12:00-04:00', minutes: 1440, due: '2025-11-02T11:00-05:00' },
  { name: '24 h desk: due in the first pass of the repeated hour', calendar: roundTheClock('America/New_York'), start: '2025-11-02T00:30-04:00', minutes: 60, due: '2025-11-02T01:30-04:00' },
  { name: '24 h desk: due in the second pass of the repeated hour', calendar: roundTheClock('America/New_York'), start: '2025-11-02T00:30-04:00', minutes: 120, due: '2025-11-02T01:30-05:00' },
  { name: '24 h desk, Santiago: the clocks go back at midnight', calendar: roundTheClock('America/Santiago'), start: '2025-04-05T12:00-03:00', minutes: 1440, due: '2025-04-06T11:00-04:00' },
  { name: '24 h desk across New Year (UTC turns the year at 13:00 in Auckland)', calendar: roundTheClock('Pacific/Auckland'), start: '2025-12-31T23:00+13:00', minutes: 1440, due: '2026-01-01T23:00+13:00' },
  // Working hours that contain the change: 00:00–06:00 is 5 h on spring-forward day, 7 h on fall-back day.
  { name: 'night shift, Paris spring forward: 5 h that night', calendar: nightShift('Europe/Paris'), start: '2025-03-30T00:00+01:00', minutes: 360, due: '2025-03-31T01:00+02:00' },
  { name: 'night shift, Paris fall back: 7 h that night', calendar: nightShift('Europe/Paris'), start: '2025-10-26T00:00+02:00', minutes: 420, due: '2025-10-26T06:00+01:00' },
  { name: 'night shift, New York spring forward', calendar: nightShift('America/New_York'), start: '2025-03-09T00:00-05:00', minutes: 360, due: '2025-03-10T01:00-04:00' },
  { name: 'night shift, New York fall back', calendar: nightShift('America/New_York'), start: '2025-11-02T00:00-04:00', minutes: 420, due: '2025-11-02T06:00-05:00' },
  { name: 'night shift: two minutes across the skipped hour', calendar: nightShift('Europe/Paris'), start: '2025-03-30T01:59+01:00', minutes: 2, due: '2025-03-30T03:01+02:00' },
  { name: 'night shift, Lord Howe: 02:00–02:30 never happens', calendar: nightShift('Australia/Lord_Howe'), start: '2025-10-05T00:00+10:30', minutes: 360, due: '2025-10-06T00:30+11:00' },
  { name: 'night shift, Lord Howe: 01:30–02:00 happens twice', calendar: nightShift('Australia/Lord_Howe'), start: '2025-04-06T00:00+11:00', minutes: 390, due: '2025-04-06T06:00+10:30' },
  { name: 'Samoa skipped Friday 2011-12-30 altogether', calendar: office('Pacific/Apia'), start: '2011-12-29T16:00-10:00', minutes: 120, due: '2012-01-02T10:00+14:00' },
  // Calendar edges.
  { name: 'year boundary with a New Year holiday', calendar: newYorkNewYear, start: '2025-12-31T16:00-05:00', minutes: 180, due: '2026-01-02T11:00-05:00' },
  { name: 'across the leap day 2028-02-29', calendar: parisOffice, start: '2028-02-28T16:00+01:00', minutes: 960, due: '2028-03-01T16:00+01:00' },
  { name: 'a holiday on the leap day', calendar: parisLeapDayOff, start: '2028-02-28T16:00+01:00', minutes: 120, due: '2028-03-01T10:00+01:00' },
];

type BetweenRow = { name: string; calendar: BusinessCalendar; from: string; to: string; minutes: number };

const betweenRows: BetweenRow[] = [
  { name: 'Friday 16:55 to Tuesday 16:55 over a Monday holiday is 8 h', calendar: parisWhitMonday, from: '2025-06-06T16:55+02:00', to: '2025-06-10T16:55+02:00', minutes: 480 },
  { name: 'a whole week of office hours', calendar: parisOffice, from: '2025-06-02T00:00+02:00', to: '2025-06-09T00:00+02:00', minutes: 2400 },
  { name: 'a weekend has none', calendar: parisOffice, from: '2025-06-14T00:00+02:00', to: '2025-06-16T00:00+02:00', minutes: 0 },
  { name: 'an end before the start gives 0', calendar: parisOffice, from: '2025-06-03T12:00+02:00', to: '2025-06-03T10:00+02:00', minutes: 0 },
  { name: 'an empty range gives 0', calendar: parisOffice, from: '2025-06-03T12:00+02:00', to: '2025-06-03T12:00+02:00', minutes: 0 },
  { name: 'fractions of a minute are kept', calendar: parisOffice, from: '2025-06-03T16:59:30+02:00', to: '2025-06-04T09:00:15+02:00', minutes: 0.75 },
  { name: 'split day: a Monday is 7 h', calendar: parisSplitDay, from: '2025-06-02T00:00+02:00', to: '2025-06-03T00:00+02:00', minutes: 420 },
  { name: 'year-end week: 8 + 8 + 3 + 0 + 8 h and a 2 h Saturday', calendar: parisYearEnd, from: '2025-12-22T00:00+01:00', to: '2025-12-29T00:00+01:00', minutes: 1740 },
  { name: 'office hours over the spring-forward weekend', calendar: parisOffice, from: '2025-03-28T16:00+01:00', to: '2025-03-31T10:00+02:00', minutes: 120 },
  { name: '24 h desk, Paris spring-forward day is 23 h', calendar: roundTheClock('Europe/Paris'), from: '2025-03-30T00:00+01:00', to: '2025-03-31T00:00+02:00', minutes: 1380 },
  { name: '24 h desk, Paris fall-back day is 25 h', calendar: roundTheClock('Europe/Paris'), from: '2025-10-26T00:00+02:00', to: '2025-10-27T00:00+01:00', minutes: 1500 },
  { name: '24 h desk, New York spring-forward day is 23 h', calendar: roundTheClock('America/New_York'), from: '2025-03-09T00:00-05:00', to: '2025-03-10T00:00-04:00', minutes: 1380 },
  { name: '24 h desk, New York fall-back day is 25 h', calendar: roundTheClock('America/New_York'), from: '2025-11-02T00:00-04:00', to: '2025-11-03T00:00-05:00', minutes: 1500 },
  { name: '24 h desk, Lord Howe spring-forward day is 23 h 30', calendar: roundTheClock('Australia/Lord_Howe'), from: '2025-10-05T00:00+10:30', to: '2025-10-06T00:00+11:00', minutes: 1410 },
  { name: '24 h desk, Lord Howe fall-back day is 24 h 30', calendar: roundTheClock('Australia/Lord_Howe'), from: '2025-04-06T00:00+11:00', to: '2025-04-07T00:00+10:30', minutes: 1470 },
  { name: '24 h desk, Santiago: Saturday 2025-04-05 is 25 h', calendar: roundTheClock('America/Santiago'), from: '2025-04-05T00:00-03:00', to: '2025-04-06T00:00-04:00', minutes: 1500 },
  { name: '24 h desk, Santiago: the weekend of 2025-09-07 misses its Sunday midnight hour', calendar: roundTheClock('America/Santiago'), from: '2025-09-06T00:00-04:00', to: '2025-09-08T00:00-03:00', minutes: 2820 },
  { name: '24 h desk, Samoa: 2011-12-29 then 2011-12-31', calendar: roundTheClock('Pacific/Apia'), from: '2011-12-29T00:00-10:00', to: '2011-12-31T00:00+14:00', minutes: 1440 },
  { name: '01:30–02:30, Paris spring forward: only 01:30–02:00 exists', calendar: calendar('Europe/Paris', { 'every day': '01:30-02:30' }), from: '2025-03-30T00:00+01:00', to: '2025-03-31T00:00+02:00', minutes: 30 },
  { name: '01:30–02:30, Paris fall back: 02:00–02:30 twice', calendar: calendar('Europe/Paris', { 'every day': '01:30-02:30' }), from: '2025-10-26T00:00+02:00', to: '2025-10-27T00:00+01:00', minutes: 90 },
  { name: '02:30–04:00, Paris spring forward: starts at 03:00', calendar: calendar('Europe/Paris', { 'every day': '02:30-04:00' }), from: '2025-03-30T00:00+01:00', to: '2025-03-31T00:00+02:00', minutes: 60 },
  { name: '02:30–04:00, Paris fall back: 02:30–03:00 twice', calendar: calendar('Europe/Paris', { 'every day': '02:30-04:00' }), from: '2025-10-26T00:00+02:00', to: '2025-10-27T00:00+01:00', minutes: 120 },
  { name: '01:30–02:30, New York spring forward', calendar: calendar('America/New_York', { 'every day': '01:30-02:30' }), from: '2025-03-09T00:00-05:00', to: '2025-03-10T00:00-04:00', minutes: 30 },
  { name: '01:30–02:30, New York fall back: 01:30–02:00 twice', calendar: calendar('America/New_York', { 'every day': '01:30-02:30' }), from: '2025-11-02T00:00-04:00', to: '2025-11-03T00:00-05:00', minutes: 90 },
  { name: '01:30–02:30, Lord Howe spring forward: 02:00–02:30 never happens', calendar: calendar('Australia/Lord_Howe', { 'every day': '01:30-02:30' }), from: '2025-10-05T00:00+10:30', to: '2025-10-06T00:00+11:00', minutes: 30 },
  { name: '01:30–02:30, Lord Howe fall back: 01:30–02:00 twice', calendar: calendar('Australia/Lord_Howe', { 'every day': '01:30-02:30' }), from: '2025-04-06T00:00+11:00', to: '2025-04-07T00:00+10:30', minutes: 90 },
  { name: 'Saturday 22:00–24:00, Santiago: 23:00–24:00 twice', calendar: calendar('America/Santiago', { sat: '22:00-24:00' }), from: '2025-04-05T00:00-03:00', to: '2025-04-07T00:00-04:00', minutes: 180 },
  { name: '24 h desk over New Year in Auckland', calendar: roundTheClock('Pacific/Auckland'), from: '2026-01-01T00:00+13:00', to: '2026-01-02T00:00+13:00', minutes: 1440 },
  { name: 'Monday to Wednesday across the leap day', calendar: parisOffice, from: '2028-02-28T00:00+01:00', to: '2028-03-02T00:00+01:00', minutes: 1440 },
  { name: 'the same days with the leap day off', calendar: parisLeapDayOff, from: '2028-02-28T00:00+01:00', to: '2028-03-02T00:00+01:00', minutes: 960 },
];

describe('CH-3 business calendar: due times, hand-computed', () => {
  it.each(dueRows)('$name', ({ calendar: cal, start, minutes, due, utcHours }) => {
    // The row's own times must be what the zone's wall clock shows, or the row is misspelled.
    expect(localIso(new Date(start), cal.timeZone)).toBe(start);
    const result = addBusinessTime(cal, new Date(start), minutes);
    expect(localIso(result, cal.timeZone)).toBe(due);
    expect(businessMinutesBetween(cal, new Date(start), result)).toBe(minutes);
    if (utcHours !== undefined) expect((result.getTime() - new Date(start).getTime()) / 3_600_000).toBe(utcHours);
  });
});

describe('CH-3 business calendar: business minutes between two instants, hand-computed', () => {
  it.each(betweenRows)('$name', ({ calendar: cal, from, to, minutes }) => {
    expect(localIso(new Date(from), cal.timeZone)).toBe(from);
    expect(localIso(new Date(to), cal.timeZone)).toBe(to);
    expect(businessMinutesBetween(cal, new Date(from), new Date(to))).toBe(minutes);
  });
});

describe('CH-3 business calendar: working moments', () => {
  it('tells working time from closed time, with opening included and closing excluded', () => {
    expect(isWorkingTime(parisOffice, new Date('2025-06-03T09:00+02:00'))).toBe(true);
    expect(isWorkingTime(parisOffice, new Date('2025-06-03T16:59:59.999+02:00'))).toBe(true);
    expect(isWorkingTime(parisOffice, new Date('2025-06-03T17:00+02:00'))).toBe(false);
    expect(isWorkingTime(parisWhitMonday, new Date('2025-06-09T10:00+02:00'))).toBe(false);
    expect(isWorkingTime(parisSplitDay, new Date('2025-06-02T12:30+02:00'))).toBe(false);
  });

  it('finds the next working moment, or the moment itself when it is working', () => {
    const next = (cal: BusinessCalendar, at: string) => localIso(nextWorkingMoment(cal, new Date(at)), cal.timeZone);
    expect(next(parisOffice, '2025-06-03T10:00+02:00')).toBe('2025-06-03T10:00+02:00');
    expect(next(parisWhitMonday, '2025-06-06T17:00+02:00')).toBe('2025-06-10T09:00+02:00');
    expect(next(parisSplitDay, '2025-06-02T12:00+02:00')).toBe('2025-06-02T13:00+02:00');
    expect(next(calendar('Europe/Paris', { 'every day': '02:30-04:00' }), '2025-03-30T01:00+01:00')).toBe('2025-03-30T03:00+02:00');
  });

  it('refuses a duration that is not a positive number of minutes, and an invalid date', () => {
    const start = new Date('2025-06-03T10:00+02:00');
    for (const minutes of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => addBusinessTime(parisOffice, start, minutes)).toThrow(/must be a positive number of minutes/);
    }
    expect(() => addBusinessTime(parisOffice, new Date('nonsense'), 5)).toThrow('The start of a business-time calculation is not a valid date.');
    expect(() => businessMinutesBetween(parisOffice, start, new Date('nonsense'))).toThrow(/not a valid date/);
  });

  it('stops with a clear error instead of scanning for ever', () => {
    const mondays: HolidaySpec[] = [];
    for (let day = new Date('2025-06-02T00:00Z'); day.getUTCFullYear() < 2029; day = new Date(day.getTime() + 7 * 86_400_000)) {
      mondays.push({ date: day.toISOString().slice(0, 10), name: 'Closed Monday' });
    }
    const closedForYears = calendar('Europe/Paris', { mon: '09:00-17:00' }, mondays);
    const start = new Date('2025-06-01T00:00Z');
    expect(() => nextWorkingMoment(closedForYears, start)).toThrow(/no working time in the 3 years after 2025-06-01.*check its working hours and holidays/);
    expect(() => addBusinessTime(closedForYears, start, 60)).toThrow(/no working time in the 3 years/);
    expect(businessMinutesBetween(closedForYears, start, new Date('2028-06-01T00:00Z'))).toBe(0);
    expect(() => addBusinessTime(parisOffice, start, 1e9)).toThrow(/more than 50 years ahead; the target is too long/);
    expect(() => businessMinutesBetween(parisOffice, start, new Date('2099-01-01T00:00Z'))).toThrow(/at most 50 years/);
  });

  it('is fast enough for a compliance report: 10,000 month-long clocks in well under a few seconds', () => {
    const began = performance.now();
    for (let i = 0; i < 10_000; i++) {
      const from = new Date(Date.UTC(2025, 0, 1) + i * 3_600_000);
      businessMinutesBetween(parisYearEnd, from, new Date(from.getTime() + 30 * 86_400_000));
    }
    expect(performance.now() - began).toBeLessThan(3000);
  });
});

// ---- Properties over random starts and durations, in several zones ------------------------------

const propertyCalendars: BusinessCalendar[] = [
  parisYearEnd,
  parisWhitMonday,
  calendar('America/New_York', { 'mon-fri': '08:00-12:00 13:00-18:00', sun: '00:30-03:30' }, [{ date: '2025-11-27', name: 'Thanksgiving' }]),
  calendar('Australia/Lord_Howe', { 'every day': '00:00-06:00 22:00-24:00' }),
  calendar('America/Santiago', { 'every day': '00:00-24:00' }, [{ date: '2025-04-05', name: 'Half Saturday', hours: '10:00-24:00' }]),
  calendar('Asia/Kolkata', { 'mon-fri': '10:00-18:30', sat: '10:00-13:00' }),
];

// Offset changes in 2025, in UTC: Paris, New York, Lord Howe and Santiago, each way.
const transitions = [
  '2025-03-30T01:00Z', '2025-10-26T01:00Z', '2025-03-09T07:00Z', '2025-11-02T06:00Z',
  '2025-04-05T15:00Z', '2025-10-04T15:30Z', '2025-04-06T03:00Z', '2025-09-07T04:00Z',
].map((iso) => new Date(iso).getTime());

const anyCalendar = fc.constantFrom(...propertyCalendars);
const nearATransition = fc
  .tuple(fc.constantFrom(...transitions), fc.integer({ min: -3 * 86_400_000, max: 3 * 86_400_000 }))
  .map(([at, shift]) => new Date(at + shift));
const anyStart = fc.oneof(fc.date({ min: new Date('2024-01-01T00:00Z'), max: new Date('2030-12-31T00:00Z'), noInvalidDate: true }), nearATransition);
const anyMinutes = fc.integer({ min: 1, max: 20_000 });

describe('CH-3 business calendar: properties', () => {
  it('addBusinessTime and businessMinutesBetween are inverse, and the due time is the first such instant', () => {
    fc.assert(
      fc.property(anyCalendar, anyStart, anyMinutes, (cal, start, minutes) => {
        const due = addBusinessTime(cal, start, minutes);
        expect(businessMinutesBetween(cal, start, due)).toBe(minutes);
        expect(businessMillisecondsBetween(cal, start, new Date(due.getTime() - 1))).toBe(minutes * 60_000 - 1);
      }),
      { numRuns: 300 },
    );
  });

  it('more business time is due later, and a later start is never due earlier', () => {
    fc.assert(
      fc.property(anyCalendar, anyStart, anyMinutes, anyMinutes, fc.integer({ min: 0, max: 5 * 86_400_000 }), (cal, start, a, b, delay) => {
        const [shorter, longer] = a < b ? [a, b] : [b, a];
        const sooner = addBusinessTime(cal, start, shorter).getTime();
        if (shorter !== longer) expect(addBusinessTime(cal, start, longer).getTime()).toBeGreaterThan(sooner);
        expect(addBusinessTime(cal, new Date(start.getTime() + delay), shorter).getTime()).toBeGreaterThanOrEqual(sooner);
      }),
    );
  });

  it('business time adds up, so a clock can sum its running segments', () => {
    fc.assert(
      fc.property(anyCalendar, anyStart, anyMinutes, anyMinutes, (cal, start, first, second) => {
        const midway = addBusinessTime(cal, start, first);
        expect(addBusinessTime(cal, midway, second).getTime()).toBe(addBusinessTime(cal, start, first + second).getTime());
      }),
    );
    fc.assert(
      fc.property(anyCalendar, anyStart, fc.integer({ min: 0, max: 20 * 86_400_000 }), fc.integer({ min: 0, max: 20 * 86_400_000 }), (cal, a, x, y) => {
        const b = new Date(a.getTime() + x);
        const c = new Date(b.getTime() + y);
        expect(businessMillisecondsBetween(cal, a, b) + businessMillisecondsBetween(cal, b, c)).toBe(businessMillisecondsBetween(cal, a, c));
      }),
    );
  });

  it('isWorkingTime and nextWorkingMoment agree with the count', () => {
    fc.assert(
      fc.property(anyCalendar, anyStart, (cal, at) => {
        expect(isWorkingTime(cal, at)).toBe(businessMillisecondsBetween(cal, at, new Date(at.getTime() + 1)) === 1);
        const next = nextWorkingMoment(cal, at);
        expect(next.getTime()).toBeGreaterThanOrEqual(at.getTime());
        expect(isWorkingTime(cal, next)).toBe(true);
        expect(businessMillisecondsBetween(cal, at, next)).toBe(0);
      }),
    );
  });

  it('matches a minute-by-minute count read off the wall clock', () => {
    // Slow but independent: asks Intl for the local date and time of every minute.
    const workingMinute = (cal: BusinessCalendar, at: Date) => {
      const wall = wallParts(at, cal.timeZone);
      const holiday = cal.holidays.find((h) => h.date === wall.date);
      const open = holiday ? (holiday.workingPeriods ?? []) : cal.week[wall.weekday];
      const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
      return open.some((p) => minutes(p.start) <= wall.minuteOfDay && wall.minuteOfDay < minutes(p.end));
    };
    fc.assert(
      fc.property(anyCalendar, nearATransition, fc.integer({ min: 1, max: 2 * 24 * 60 }), (cal, near, length) => {
        const from = Math.floor(near.getTime() / 60_000) * 60_000;
        let expected = 0;
        for (let i = 0; i < length; i++) if (workingMinute(cal, new Date(from + i * 60_000))) expected++;
        expect(businessMinutesBetween(cal, new Date(from), new Date(from + length * 60_000))).toBe(expected);
      }),
      { numRuns: 60 },
    );
  });
});

// ---- The calendar as data: refusals, field by field ---------------------------------------------

const valid = {
  timeZone: 'Europe/Paris',
  week: { mon: [{ start: '09:00', end: '17:00' }], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
  holidays: [] as unknown[],
};

type Refusal = { name: string; input: unknown; path: (string | number)[]; message: string | RegExp };

const withMonday = (monday: unknown) => ({ ...valid, week: { ...valid.week, mon: monday } });

const refusals: Refusal[] = [
  { name: 'an unknown time zone', input: { ...valid, timeZone: 'Mars/Olympus_Mons' }, path: ['timeZone'], message: 'Unknown time zone; use an IANA name such as Europe/Paris.' },
  { name: 'a blank time zone', input: { ...valid, timeZone: '  ' }, path: ['timeZone'], message: 'Time zone is required.' },
  { name: 'no working hours at all', input: withMonday([]), path: ['week'], message: noWorkingHoursMessage },
  {
    name: 'no working hours, even with a working holiday',
    input: { ...withMonday([]), holidays: [{ date: '2025-12-27', name: 'Stock-take', workingPeriods: [{ start: '10:00', end: '12:00' }] }] },
    path: ['week'],
    message: noWorkingHoursMessage,
  },
  { name: 'a day left out', input: { ...valid, week: { ...valid.week, sun: undefined } }, path: ['week', 'sun'], message: 'List the working periods of this day (an empty list means closed).' },
  { name: 'a start without a leading zero', input: withMonday([{ start: '9:00', end: '17:00' }]), path: ['week', 'mon', 0, 'start'], message: 'Use a time such as 09:00 (00:00 to 23:59).' },
  { name: 'a start at 24:00', input: withMonday([{ start: '24:00', end: '24:00' }]), path: ['week', 'mon', 0, 'start'], message: 'Use a time such as 09:00 (00:00 to 23:59).' },
  { name: 'an end past midnight', input: withMonday([{ start: '09:00', end: '24:30' }]), path: ['week', 'mon', 0, 'end'], message: 'Use a time such as 17:00 (00:01 to 24:00).' },
  { name: 'minutes out of range', input: withMonday([{ start: '09:60', end: '17:00' }]), path: ['week', 'mon', 0, 'start'], message: 'Use a time such as 09:00 (00:00 to 23:59).' },
  { name: 'an end before the start', input: withMonday([{ start: '22:00', end: '06:00' }]), path: ['week', 'mon', 0, 'end'], message: /^The period must end after it starts; split a night shift at midnight/ },
  { name: 'an empty period', input: withMonday([{ start: '09:00', end: '09:00' }]), path: ['week', 'mon', 0, 'end'], message: /^The period must end after it starts/ },
  {
    name: 'overlapping periods',
    input: withMonday([{ start: '09:00', end: '12:00' }, { start: '11:00', end: '17:00' }]),
    path: ['week', 'mon', 1, 'start'],
    message: 'This period overlaps the one before it, which ends at 12:00.',
  },
  {
    name: 'periods out of order',
    input: withMonday([{ start: '13:00', end: '17:00' }, { start: '09:00', end: '12:00' }]),
    path: ['week', 'mon', 1, 'start'],
    message: 'List the periods of a day in time order.',
  },
  {
    name: 'too many periods in a day',
    input: withMonday(Array.from({ length: 13 }, (_, i) => ({ start: `${String(i).padStart(2, '0')}:00`, end: `${String(i).padStart(2, '0')}:30` }))),
    path: ['week', 'mon'],
    message: 'A day has at most 12 working periods.',
  },
  { name: 'a date that does not exist', input: { ...valid, holidays: [{ date: '2025-02-29', name: 'Nope' }] }, path: ['holidays', 0, 'date'], message: 'Use a real date written YYYY-MM-DD, such as 2025-12-25.' },
  { name: 'a date in another format', input: { ...valid, holidays: [{ date: '25/12/2025', name: 'Christmas' }] }, path: ['holidays', 0, 'date'], message: 'Use a real date written YYYY-MM-DD, such as 2025-12-25.' },
  { name: 'a holiday without a name', input: { ...valid, holidays: [{ date: '2025-12-25', name: '   ' }] }, path: ['holidays', 0, 'name'], message: 'Name the holiday.' },
  {
    name: 'the same date twice',
    input: { ...valid, holidays: [{ date: '2025-12-25', name: 'Christmas' }, { date: '2025-12-25', name: 'Noël' }] },
    path: ['holidays', 1, 'date'],
    message: 'Another holiday (Christmas) is already on 2025-12-25; keep one entry per date.',
  },
  {
    name: 'overlapping periods on a half day',
    input: { ...valid, holidays: [{ date: '2025-12-24', name: 'Christmas Eve', workingPeriods: [{ start: '09:00', end: '12:00' }, { start: '10:00', end: '11:00' }] }] },
    path: ['holidays', 0, 'workingPeriods', 1, 'start'],
    message: 'This period overlaps the one before it, which ends at 12:00.',
  },
];

describe('CH-3 business calendar schema', () => {
  it.each(refusals)('refuses $name, on its field, with a message a person can act on', ({ input, path, message }) => {
    const result = businessCalendarSchema.safeParse(input);
    expect(result.success).toBe(false);
    const issues = result.error?.issues ?? [];
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toEqual(path);
    expect(issues[0]?.message).toMatch(message);
  });

  it('accepts back-to-back periods, a day that ends at 24:00, and a half-day holiday', () => {
    const result = businessCalendarSchema.safeParse({
      ...withMonday([{ start: '00:00', end: '12:00' }, { start: '12:00', end: '24:00' }]),
      holidays: [{ date: '2024-02-29', name: 'Leap day', workingPeriods: [{ start: '09:00', end: '12:00' }] }],
    });
    expect(result.success).toBe(true);
  });

  it('defaults to Monday to Friday, 09:00–17:00, in the given time zone', () => {
    const cal = defaultBusinessCalendar('America/New_York');
    expect(cal.timeZone).toBe('America/New_York');
    expect(cal.week.mon).toEqual([{ start: '09:00', end: '17:00' }]);
    expect(cal.week.fri).toEqual([{ start: '09:00', end: '17:00' }]);
    expect(cal.week.sat).toEqual([]);
    expect(cal.week.sun).toEqual([]);
    expect(cal.holidays).toEqual([]);
    expect(businessMinutesBetween(cal, new Date('2025-06-02T00:00-04:00'), new Date('2025-06-09T00:00-04:00'))).toBe(2400);
    expect(() => defaultBusinessCalendar('Nowhere/Town')).toThrow(/Unknown time zone/);
  });
});
