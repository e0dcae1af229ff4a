import { count, gte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import { unitToday } from '../platform/settings/unit-today';
import type { FeedbackTrendView } from './feedback-schemas';
import { feedback } from './schema';

/** The `months` calendar months ending with the current one, oldest first: ['2026-01', …]. */
export function monthsEnding(today: string, months: number): string[] {
  const [year, month] = today.split('-').map(Number) as [number, number];
  return Array.from({ length: months }, (_, i) => {
    const back = months - 1 - i;
    const total = year * 12 + (month - 1) - back;
    return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
  });
}

/**
 * What people tell the unit about, month by month (FB-1): counts by month (in the unit's time
 * zone), category and kind. Never by person, never who sent what.
 */
export async function feedbackTrend(db: DbOrTx, now: Date, months: number): Promise<FeedbackTrendView> {
  const { today, timeZone } = await unitToday(db, now);
  const range = monthsEnding(today, months);
  // A day before the first month's start in any zone: the month filter below is exact.
  const from = new Date(`${range[0]}-01T00:00:00Z`);
  from.setUTCDate(from.getUTCDate() - 1);
  const month = sql<string>`to_char(${feedback.receivedAt} AT TIME ZONE ${timeZone}, 'YYYY-MM')`;
  const rows = await db
    .select({ month, category: feedback.category, kind: feedback.kind, count: count() })
    .from(feedback)
    .where(gte(feedback.receivedAt, from))
    // By position: the month expression carries the time zone as a parameter, so repeating it would not match.
    .groupBy(sql`1`, feedback.category, feedback.kind);
  const inRange = new Set(range);
  return {
    months: range,
    rows: rows
      .filter((r) => inRange.has(r.month))
      .map((r) => ({ month: r.month, category: r.category, kind: r.kind, count: Number(r.count) }))
      .sort((a, b) => a.month.localeCompare(b.month) || a.category.localeCompare(b.category) || a.kind.localeCompare(b.kind)),
  };
}
