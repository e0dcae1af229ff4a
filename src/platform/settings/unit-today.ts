import type { DbOrTx } from '../db/database';
import { getUnitSettings } from './unit-settings';

/** A moment's calendar date in a time zone: 2026-03-09. */
export function localDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/**
 * "Today" where the training unit is, with its time zone: the days of e-learning completions and
 * retention check-ins are the unit's calendar days.
 */
export async function unitToday(tx: DbOrTx, now: Date): Promise<{ today: string; timeZone: string }> {
  const { timeZone } = await getUnitSettings(tx);
  return { today: localDate(now, timeZone), timeZone };
}
