import type { DbOrTx } from '../platform/db/database';
import type { MeasureWindow } from '../platform/measures/value-measure';
import { getUnitSettings } from '../platform/settings/unit-settings';
import { localMidnight } from '../platform/settings/local-midnight';
import { AppError } from '../platform/http/app-error';
import { findBusinessUnit } from '../people/find-business-unit';
import type { ValueQuery } from './value-schemas';

// What the reader asked for, as the windows measures count in: the period itself, and the trend
// around it — the twelve months up to the period's last day (or the whole period when it is
// longer), so a quarter is always seen against the year that led to it.

export type ValueWindows = {
  period: MeasureWindow;
  trend: MeasureWindow;
  /** The trend's calendar months in order, YYYY-MM, each present even when nothing happened in it. */
  months: string[];
  echo: { from: string; to: string; timeZone: string; businessUnit: { id: string; name: string } | null; goalId: string | null };
};

export async function valueWindows(db: DbOrTx, query: ValueQuery, now: Date): Promise<ValueWindows> {
  const { timeZone } = await getUnitSettings(db);
  const unit = query.businessUnitId ? await findBusinessUnit(db, query.businessUnitId) : undefined;
  if (query.businessUnitId && !unit) throw AppError.invalid([{ field: 'querystring.businessUnitId', message: 'There is no such business unit.' }]);

  const filters = { timeZone, businessUnitId: query.businessUnitId ?? null, goalId: query.goalId ?? null, now };
  const end = localMidnight(query.to, timeZone, 1);
  const lastMonth = query.to.slice(0, 7);
  const firstMonth = [query.from.slice(0, 7), addMonths(lastMonth, -11)].sort()[0] ?? lastMonth;
  return {
    period: { ...filters, start: localMidnight(query.from, timeZone, 0), end },
    trend: { ...filters, start: localMidnight(`${firstMonth}-01`, timeZone, 0), end },
    months: monthsBetween(firstMonth, lastMonth),
    echo: { from: query.from, to: query.to, timeZone, businessUnit: unit ? { id: unit.id, name: unit.name } : null, goalId: query.goalId ?? null },
  };
}

/** YYYY-MM plus (or minus) whole months. */
export function addMonths(month: string, add: number): string {
  const [year = 1970, mon = 1] = month.split('-').map(Number);
  const index = year * 12 + (mon - 1) + add;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  for (let m = first; m <= last; m = addMonths(m, 1)) months.push(m);
  return months;
}
