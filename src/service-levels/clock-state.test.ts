import { describe, expect, it } from 'vitest';
import { clockState, type ClockTiming } from './clock-state';
import { defaultBusinessCalendar } from './business-calendar-schema';

// Mon–Fri 09:00–17:00 UTC: elapsed minutes are easy to read off the wall clock.
const calendar = defaultBusinessCalendar('UTC');
const rule = { targetBusinessMinutes: 240, atRiskShare: 0.75 };
const running: ClockTiming = {
  startedAt: new Date('2026-06-01T09:00:00Z'),
  pausedAt: null,
  pausedBusinessMs: 0,
  stoppedAt: null,
  elapsedBusinessMs: null,
  outcome: null,
  dueAt: new Date('2026-06-01T13:00:00Z'),
};
const at = (time: string) => new Date(`2026-06-01T${time}:00Z`);

describe('CH-3 live state of a clock in business time', () => {
  it('is on track, then at risk at the share, then breached after the due time', () => {
    expect(clockState(running, rule, calendar, at('11:00'))).toEqual({
      state: 'on_track', elapsedBusinessMinutes: 120, remainingBusinessMinutes: 120, dueAt: running.dueAt, shareUsed: 0.5,
    });
    expect(clockState(running, rule, calendar, at('12:00')).state).toBe('at_risk');
    expect(clockState(running, rule, calendar, at('13:00')).state).toBe('at_risk');
    expect(clockState(running, rule, calendar, at('13:01'))).toMatchObject({ state: 'breached', remainingBusinessMinutes: 0 });
  });

  it('leaves pauses out and hides the moving due time while paused', () => {
    const paused = { ...running, pausedAt: at('10:00'), pausedBusinessMs: 30 * 60_000 };
    expect(clockState(paused, rule, calendar, at('16:00'))).toMatchObject({ state: 'paused', elapsedBusinessMinutes: 30, dueAt: null });
  });

  it('does not count nights and weekends', () => {
    const friday = { ...running, startedAt: new Date('2026-06-05T16:00:00Z') };
    expect(clockState(friday, rule, calendar, new Date('2026-06-08T10:00:00Z')).elapsedBusinessMinutes).toBe(120);
  });

  it('reports a stopped clock by its outcome', () => {
    const stopped = { ...running, stoppedAt: at('14:00'), elapsedBusinessMs: 300 * 60_000, outcome: 'breached' as const };
    expect(clockState(stopped, rule, calendar, at('16:00'))).toMatchObject({ state: 'breached', elapsedBusinessMinutes: 300, shareUsed: 1.25 });
  });
});
