import { businessCalendarSchema, minutesOfDay, weekdays, type BusinessCalendar, type WorkingPeriod } from './business-calendar-schema';

// Business time on a calendar of local working periods (CH-3). An instant is working time when its
// local wall-clock time, on its local date, falls inside one of that date's working periods. On a
// daylight-saving day that makes a period crossing the skipped hour shorter and one crossing the
// repeated hour longer, which is what the people at the desk actually live through.
//
// Time is counted in whole milliseconds, day by day (never minute by minute), so a report over
// thousands of clocks costs a few operations per calendar day each clock spans.

const MINUTE = 60_000;
const DAY = 86_400_000;
const YEAR = 365.25 * DAY;
const MAX_IDLE = 3 * YEAR;
const MAX_SPAN = 50 * YEAR;

type Period = { start: number; end: number };
type CompiledCalendar = { timeZone: string; week: Period[][]; exceptions: Map<number, Period[]> };

/** The instant when `minutes` of working time have elapsed, counting from the first working moment at or after `start`. */
export function addBusinessTime(calendar: BusinessCalendar, start: Date, minutes: number): Date {
  if (!Number.isFinite(minutes) || minutes <= 0) {
    throw new RangeError(`Business time to add must be a positive number of minutes, not ${minutes}.`);
  }
  // Whole milliseconds, so that businessMinutesBetween(start, result) gives back exactly `minutes`
  // whenever `minutes` stands for a whole number of milliseconds (480, 7.3, 1/60, …).
  let remaining = Math.round(minutes * MINUTE);
  for (const [from, to] of workingSpans(compile(calendar), instant(start, 'start'), Infinity)) {
    if (to - from >= remaining) return new Date(from + remaining);
    remaining -= to - from;
  }
  throw new Error('unreachable: an unbounded scan ends by throwing');
}

/** Working time in [from, to), in minutes (fractional, exact to the millisecond); 0 when `to` is not after `from`. */
export function businessMinutesBetween(calendar: BusinessCalendar, from: Date, to: Date): number {
  return businessMillisecondsBetween(calendar, from, to) / MINUTE;
}

/** Working time in [from, to) in whole milliseconds: sums of these (a clock's running segments) stay exact. */
export function businessMillisecondsBetween(calendar: BusinessCalendar, from: Date, to: Date): number {
  const start = instant(from, 'from');
  const end = instant(to, 'to');
  if (end <= start) return 0;
  if (end - start > MAX_SPAN) {
    throw new RangeError(`Business time is counted over at most 50 years; ${from.toISOString()} to ${to.toISOString()} is longer.`);
  }
  let total = 0;
  for (const [spanStart, spanEnd] of workingSpans(compile(calendar), start, end)) total += spanEnd - spanStart;
  return total;
}

export function isWorkingTime(calendar: BusinessCalendar, at: Date): boolean {
  const moment = instant(at, 'at');
  return !workingSpans(compile(calendar), moment, moment + 1).next().done;
}

/** `at` itself when it is working time, otherwise the start of the next working period. */
export function nextWorkingMoment(calendar: BusinessCalendar, at: Date): Date {
  for (const [from] of workingSpans(compile(calendar), instant(at, 'at'), Infinity)) return new Date(from);
  throw new Error('unreachable: an unbounded scan ends by throwing');
}

// Working time as [start, end) UTC spans, in order, clipped to [from, until). It walks stretches of
// constant UTC offset; inside one, local time is UTC plus that offset, so each local day's periods
// map to UTC by one subtraction. Walking by offset rather than by local date keeps the spans in
// time order even where a transition makes local dates repeat or vanish.
function* workingSpans(calendar: CompiledCalendar, from: number, until: number): Generator<[number, number]> {
  let lastWork = from;
  for (let t = from; t < until; ) {
    const stretch = offsetStretch(calendar.timeZone, t);
    const stretchEnd = Math.min(stretch.end, until);
    const localFrom = t + stretch.offset;
    const localTo = stretchEnd + stretch.offset;
    for (let day = Math.floor(localFrom / DAY); day * DAY < localTo; day++) {
      for (const period of periodsOn(calendar, day)) {
        const spanStart = Math.max(day * DAY + period.start, localFrom) - stretch.offset;
        const spanEnd = Math.min(day * DAY + period.end, localTo) - stretch.offset;
        if (spanStart < spanEnd) {
          lastWork = spanEnd;
          yield [spanStart, spanEnd];
        }
      }
      if (until === Infinity) guardUnboundedScan(day * DAY - stretch.offset, from, lastWork);
    }
    t = stretchEnd;
  }
}

function guardUnboundedScan(now: number, from: number, lastWork: number): void {
  if (now - lastWork > MAX_IDLE) {
    throw new RangeError(
      `The business calendar has no working time in the 3 years after ${new Date(lastWork).toISOString()}; check its working hours and holidays.`,
    );
  }
  if (now - from > MAX_SPAN) {
    throw new RangeError(`Counting business time from ${new Date(from).toISOString()} reaches more than 50 years ahead; the target is too long.`);
  }
}

function periodsOn(calendar: CompiledCalendar, day: number): Period[] {
  // Day 0, 1970-01-01, was a Thursday: index 3 in a week that starts on Monday.
  return calendar.exceptions.get(day) ?? calendar.week[(((day + 3) % 7) + 7) % 7] ?? [];
}

function instant(value: Date, name: string): number {
  const ms = value.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`The ${name} of a business-time calculation is not a valid date.`);
  return ms;
}

// Calendars are values: compiled once per object, so callers must not mutate one after using it.
// Parsing again here means a calendar built in code gets the same refusals as one from a form.
const compiled = new WeakMap<BusinessCalendar, CompiledCalendar>();

function compile(calendar: BusinessCalendar): CompiledCalendar {
  const cached = compiled.get(calendar);
  if (cached) return cached;
  const valid = businessCalendarSchema.parse(calendar);
  const result: CompiledCalendar = {
    timeZone: valid.timeZone,
    week: weekdays.map((day) => valid.week[day].map(toPeriod)),
    exceptions: new Map(valid.holidays.map((h) => [dayNumber(h.date), (h.workingPeriods ?? []).map(toPeriod)])),
  };
  compiled.set(calendar, result);
  return result;
}

function toPeriod(period: WorkingPeriod): Period {
  return { start: (minutesOfDay(period.start) ?? 0) * MINUTE, end: (minutesOfDay(period.end) ?? 0) * MINUTE };
}

function dayNumber(date: string): number {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  return Math.round(utc(year, month - 1, day) / DAY);
}

function utc(year: number, monthIndex: number, day: number, hour = 0, minute = 0, second = 0): number {
  // Date.UTC reads years 0–99 as 1900–1999; setUTCFullYear does not.
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  date.setUTCHours(hour, minute, second, 0);
  return date.getTime();
}

// ---- UTC offsets from Intl (Node 20 has no Temporal) ----------------------------------------------
// Each zone's offset changes are found once per UTC year, by sampling every six hours and bisecting
// to the second, then cached: afterwards an offset costs an array scan, not an Intl call. Six hours
// is safe: sampled hourly over 1970–2040 (tzdata 2025c), no zone changes its offset twice within a week.

const SAMPLE = 6 * 3_600_000;
type ZoneYear = { startOffset: number; changes: { at: number; offset: number }[] };
const zoneYears = new Map<string, Map<number, ZoneYear>>();
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The UTC offset at `at` and the instant it next changes (or the next UTC new year, whichever is first). */
function offsetStretch(timeZone: string, at: number): { offset: number; end: number } {
  const year = new Date(at).getUTCFullYear();
  const table = zoneYear(timeZone, year);
  let offset = table.startOffset;
  for (const change of table.changes) {
    if (change.at > at) return { offset, end: change.at };
    offset = change.offset;
  }
  return { offset, end: utc(year + 1, 0, 1) };
}

function zoneYear(timeZone: string, year: number): ZoneYear {
  let years = zoneYears.get(timeZone);
  if (!years) zoneYears.set(timeZone, (years = new Map()));
  const cached = years.get(year);
  if (cached) return cached;
  const from = utc(year, 0, 1);
  const to = utc(year + 1, 0, 1);
  const startOffset = intlOffset(timeZone, from);
  const changes: ZoneYear['changes'] = [];
  let previous = startOffset;
  for (let low = from; low < to; low += SAMPLE) {
    const high = Math.min(low + SAMPLE, to);
    const offset = intlOffset(timeZone, high);
    if (offset !== previous) {
      changes.push({ at: firstSecondAfterChange(timeZone, low, high, previous), offset });
      previous = offset;
    }
  }
  const table = { startOffset, changes };
  years.set(year, table);
  return table;
}

function firstSecondAfterChange(timeZone: string, low: number, high: number, offsetBefore: number): number {
  let lowSecond = low / 1000;
  let highSecond = high / 1000;
  while (highSecond - lowSecond > 1) {
    const middle = Math.floor((lowSecond + highSecond) / 2);
    if (intlOffset(timeZone, middle * 1000) === offsetBefore) lowSecond = middle;
    else highSecond = middle;
  }
  return highSecond * 1000;
}

function intlOffset(timeZone: string, at: number): number {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  const part: Record<string, string> = {};
  for (const { type, value } of format.formatToParts(at)) part[type] = value;
  const year = part.era === 'BC' || part.era === 'B' ? 1 - Number(part.year) : Number(part.year);
  const local = utc(year, Number(part.month) - 1, Number(part.day), Number(part.hour), Number(part.minute), Number(part.second));
  return local - Math.floor(at / 1000) * 1000;
}
