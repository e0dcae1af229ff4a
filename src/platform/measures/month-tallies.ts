import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { DbOrTx } from '../db/database';
import type { MeasureWindow, MonthTally } from './value-measure';
import { mergeTallies } from './summarize-tally';

// The SQL every measure shares: which instants fall in the window, which calendar month (in the
// unit's zone) an instant belongs to, and how grouped count rows become tallies.

/** `column` within the window: from its first instant, before the first instant after it. */
export const inWindow = (column: SQLWrapper, window: MeasureWindow): SQL => sql`${column} >= ${window.start} AND ${column} < ${window.end}`;

/** The unit's calendar month of an instant, as YYYY-MM. */
export const monthOf = (column: SQLWrapper, window: MeasureWindow): SQL => sql`to_char(${column} AT TIME ZONE ${window.timeZone}, 'YYYY-MM')`;

/** The unit's calendar day of an instant, as YYYY-MM-DD (for record lists). */
export const dayOf = (column: SQLWrapper, window: MeasureWindow): SQL => sql`to_char(${column} AT TIME ZONE ${window.timeZone}, 'YYYY-MM-DD')`;

type Row = Record<string, unknown>;
export const rowsOf = (result: unknown): Row[] => (result as { rows: Row[] }).rows;

/**
 * Runs a query whose rows are `month`, optionally `grp` (the breakdown group), and numeric counts,
 * and returns one tally per month: each count summed into the total and, for a group, also kept
 * as `count@group`.
 */
export async function queryTallies(db: DbOrTx, query: SQL): Promise<MonthTally[]> {
  return mergeTallies(
    rowsOf(await db.execute(query)).map((row) => {
      const group = row.grp == null ? null : String(row.grp);
      const counts: Record<string, number> = {};
      for (const [key, value] of Object.entries(row)) {
        if (key === 'month' || key === 'grp') continue;
        const n = Number(value ?? 0);
        counts[key] = n;
        if (group !== null) counts[`${key}@${group}`] = n;
      }
      return { month: String(row.month), counts };
    }),
  );
}

/** The counts of one breakdown group, under their plain names. */
export function groupCounts(counts: Record<string, number>, group: string): Record<string, number> {
  const suffix = `@${group}`;
  return Object.fromEntries(Object.entries(counts).filter(([key]) => key.endsWith(suffix)).map(([key, value]) => [key.slice(0, -suffix.length), value]));
}

/** A count of rows for a records list, from a query selecting `count(*)::int AS total`. */
export async function queryTotal(db: DbOrTx, query: SQL): Promise<number> {
  return Number(rowsOf(await db.execute(query))[0]?.total ?? 0);
}
