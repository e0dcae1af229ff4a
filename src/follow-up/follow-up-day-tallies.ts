import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import type { MeasureWindow } from '../platform/measures/value-measure';
import { rowsOf } from '../platform/measures/month-tallies';

// Reading the day tallies of answered follow-ups (follow_up_day_tallies, decision 030) for a value
// measure's window. They hold days of the unit's time zone, so they answer a window of whole days
// in the zone they were counted in — every window the dashboard asks for; any other window is
// counted from the follow-ups themselves.

/** Whether the day tallies can count `window` exactly. */
export async function dayTalliesCover(db: DbOrTx, window: MeasureWindow): Promise<boolean> {
  const zone = window.timeZone;
  const [row] = rowsOf(
    await db.execute(sql`SELECT follow_up_tallies_zone() = ${zone}
      AND (${window.start}::timestamptz AT TIME ZONE ${zone})::time = '00:00' AND (${window.end}::timestamptz AT TIME ZONE ${zone})::time = '00:00' AS covered`),
  );
  return row?.covered === true;
}

/** `FROM … WHERE …` over the day tallies of the window: the business unit's rows, or the whole organization's. */
export function fromDayTallies(window: MeasureWindow, extra: SQL = sql`TRUE`): SQL {
  const day = (instant: Date) => sql`(${instant}::timestamptz AT TIME ZONE ${window.timeZone})::date`;
  const scope = window.businessUnitId ? sql`t.business_unit_id = ${window.businessUnitId}` : sql`t.business_unit_id IS NULL`;
  return sql`FROM follow_up_day_tallies t WHERE ${scope} AND t.day >= ${day(window.start)} AND t.day < ${day(window.end)} AND ${extra}`;
}

/** The calendar month (YYYY-MM) of a tally's day. */
export const monthOfDay = sql`to_char(t.day, 'YYYY-MM')`;
