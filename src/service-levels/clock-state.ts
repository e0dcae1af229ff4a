import { businessMillisecondsBetween } from './business-calendar';
import type { BusinessCalendar } from './business-calendar-schema';
import type { ClockOutcome } from './schema';

const MINUTE = 60_000;

export type ClockStateName = 'on_track' | 'at_risk' | 'breached' | 'met' | 'paused';

/** The parts of a clock row its state depends on. */
export type ClockTiming = {
  startedAt: Date;
  pausedAt: Date | null;
  /** Business time spent in pauses that have ended. */
  pausedBusinessMs: number;
  stoppedAt: Date | null;
  elapsedBusinessMs: number | null;
  outcome: ClockOutcome | null;
  dueAt: Date;
};

export type ClockRule = { targetBusinessMinutes: number; atRiskShare: number };

export type ClockState = {
  state: ClockStateName;
  elapsedBusinessMinutes: number;
  remainingBusinessMinutes: number;
  /** Null while paused and not yet breached: the due time moves when the clock resumes. */
  dueAt: Date | null;
  shareUsed: number;
};

/** Running business time: from the start to the stop, the current pause or `now`, less ended pauses. */
export function elapsedBusinessMs(clock: ClockTiming, calendar: BusinessCalendar, now: Date): number {
  if (clock.stoppedAt && clock.elapsedBusinessMs !== null) return clock.elapsedBusinessMs;
  const end = clock.stoppedAt ?? clock.pausedAt ?? now;
  return Math.max(0, businessMillisecondsBetween(calendar, clock.startedAt, end) - clock.pausedBusinessMs);
}

/** Met when the stop came within the target; a stop exactly at the due time is still met. */
export function outcomeOf(elapsedMs: number, rule: ClockRule): ClockOutcome {
  return elapsedMs <= rule.targetBusinessMinutes * MINUTE ? 'met' : 'breached';
}

/**
 * Live state of a clock (CH-3), in business time on the calendar of the charter version the clock
 * started under, with pauses left out. A breach outranks a pause: waiting on the customer after
 * the promise was already broken does not hide the breach.
 */
export function clockState(clock: ClockTiming, rule: ClockRule, calendar: BusinessCalendar, now: Date): ClockState {
  const targetMs = rule.targetBusinessMinutes * MINUTE;
  const elapsedMs = elapsedBusinessMs(clock, calendar, now);
  let state: ClockStateName;
  if (clock.stoppedAt) state = clock.outcome ?? outcomeOf(elapsedMs, rule);
  else if (elapsedMs > targetMs) state = 'breached';
  else if (clock.pausedAt) state = 'paused';
  else if (elapsedMs >= rule.atRiskShare * targetMs) state = 'at_risk';
  else state = 'on_track';
  return {
    state,
    elapsedBusinessMinutes: elapsedMs / MINUTE,
    remainingBusinessMinutes: Math.max(0, targetMs - elapsedMs) / MINUTE,
    dueAt: state === 'paused' ? null : clock.dueAt,
    shareUsed: elapsedMs / targetMs,
  };
}
