import { addBusinessTime, businessMillisecondsBetween } from './business-calendar';
import type { BusinessCalendar } from './business-calendar-schema';
import { elapsedBusinessMs, outcomeOf, type ClockRule, type ClockTiming } from './clock-state';
import type { ClockOutcome } from './schema';

const MINUTE = 60_000;

// How a clock's stored times change on each event. Due and at-risk instants are stored so the
// warning job finds what is due with an index scan instead of recomputing every running clock.

export function startTimes(calendar: BusinessCalendar, at: Date, rule: ClockRule): { dueAt: Date; atRiskAt: Date } {
  return {
    dueAt: addBusinessTime(calendar, at, rule.targetBusinessMinutes),
    atRiskAt: addBusinessTime(calendar, at, rule.targetBusinessMinutes * rule.atRiskShare),
  };
}

export type ResumedTimes = { pausedAt: null; pausedBusinessMs: number; dueAt: Date; atRiskAt: Date };

/**
 * The pause's business time is set aside and the remaining target is counted again from the
 * resume. A threshold already crossed before the pause keeps the instant it was crossed.
 */
export function resumeTimes(clock: ClockTiming & { pausedAt: Date; atRiskAt: Date }, rule: ClockRule, calendar: BusinessCalendar, at: Date): ResumedTimes {
  const resumedAt = at < clock.pausedAt ? clock.pausedAt : at;
  const pausedBusinessMs = clock.pausedBusinessMs + businessMillisecondsBetween(calendar, clock.pausedAt, resumedAt);
  const elapsed = elapsedBusinessMs({ ...clock, pausedAt: resumedAt, pausedBusinessMs }, calendar, resumedAt);
  const untilDue = rule.targetBusinessMinutes * MINUTE - elapsed;
  const untilRisk = rule.targetBusinessMinutes * rule.atRiskShare * MINUTE - elapsed;
  return {
    pausedAt: null,
    pausedBusinessMs,
    dueAt: untilDue > 0 ? addBusinessTime(calendar, resumedAt, untilDue / MINUTE) : clock.dueAt,
    atRiskAt: untilRisk > 0 ? addBusinessTime(calendar, resumedAt, untilRisk / MINUTE) : clock.atRiskAt,
  };
}

export type StoppedTimes = { stoppedAt: Date; pausedAt: null; pausedBusinessMs: number; elapsedBusinessMs: number; outcome: ClockOutcome };

/** A stop while paused ends the pause first: the waiting time is not held against the unit. */
export function stopTimes(clock: ClockTiming, rule: ClockRule, calendar: BusinessCalendar, at: Date): StoppedTimes {
  // An event logged out of order cannot stop a clock before its last pause began.
  const stoppedAt = clock.pausedAt && at < clock.pausedAt ? clock.pausedAt : at;
  const pausedBusinessMs = clock.pausedAt
    ? clock.pausedBusinessMs + businessMillisecondsBetween(calendar, clock.pausedAt, stoppedAt)
    : clock.pausedBusinessMs;
  const elapsed = elapsedBusinessMs({ ...clock, pausedAt: null, pausedBusinessMs, stoppedAt, elapsedBusinessMs: null }, calendar, stoppedAt);
  return { stoppedAt, pausedAt: null, pausedBusinessMs, elapsedBusinessMs: elapsed, outcome: outcomeOf(elapsed, rule) };
}
