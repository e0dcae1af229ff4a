import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from '../../service-levels/business-calendar-schema';
import { formatBusinessMinutes, formatDuration, workingDayMinutes } from './format-business-time';

const hours = (start: string, end: string) => [{ start, end }];
const week = (weekday: BusinessCalendar['week']['mon'], overrides: Partial<BusinessCalendar['week']> = {}): Pick<BusinessCalendar, 'week'> => ({
  week: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday, sat: [], sun: [], ...overrides },
});

describe('workingDayMinutes', () => {
  it('is the daily hours of an office week (08:30–17:00 is 510 minutes)', () => {
    expect(workingDayMinutes(week(hours('08:30', '17:00')))).toBe(510);
  });

  it('adds the periods of a split day', () => {
    expect(workingDayMinutes(week([{ start: '09:00', end: '12:00' }, { start: '13:00', end: '17:00' }]))).toBe(420);
  });

  it('takes the most common day, so a short Friday does not change it', () => {
    expect(workingDayMinutes(week(hours('09:00', '17:00'), { fri: hours('09:00', '13:00') }))).toBe(480);
  });

  it('takes the longer day on a tie', () => {
    expect(workingDayMinutes(week([], { mon: hours('09:00', '13:00'), tue: hours('09:00', '17:00') }))).toBe(480);
  });

  it('is 0 for a calendar with no working hours', () => {
    expect(workingDayMinutes(week([]))).toBe(0);
  });
});

describe('formatBusinessMinutes', () => {
  const day = 510;
  it.each([
    [480, '8 working hours'],
    [240, '4 working hours'],
    [60, '1 working hour'],
    [45, '45 working minutes'],
    [1, '1 working minute'],
    [90, '1 working hour 30 minutes'],
    [510, '1 working day'],
    [1530, '3 working days'],
    [5100, '10 working days'],
    [30600, '60 working days'],
    [510 + 120, '1 working day and 2 hours'],
    [2 * 510 + 30, '2 working days and 30 minutes'],
  ])('%i minutes with a 510-minute day is "%s"', (minutes, expected) => {
    expect(formatBusinessMinutes(minutes, day)).toBe(expected);
  });

  it('an 8-hour target on an 8-hour day is one working day', () => {
    expect(formatBusinessMinutes(480, 480)).toBe('1 working day');
  });

  it('falls back to hours when the calendar has no working day', () => {
    expect(formatBusinessMinutes(1530, 0)).toBe('25 working hours 30 minutes');
  });
});

describe('formatDuration', () => {
  it.each([
    [510, '8 hours 30 minutes'],
    [480, '8 hours'],
    [60, '1 hour'],
    [45, '45 minutes'],
  ])('%i minutes is "%s"', (minutes, expected) => {
    expect(formatDuration(minutes)).toBe(expected);
  });
});
