import type { DbOrTx } from '../platform/db/database';
import type { ValueMeasure } from '../platform/measures/value-measure';
import { findValueMeasure } from '../platform/measures/measure-registry';
import { figureOf, sumTallies } from '../platform/measures/summarize-tally';
import { AppError } from '../platform/http/app-error';
import { valueWindows } from './value-window';
import { measureMeta, measureWindow } from './value-dashboard';
import { RECORDS_PAGE_SIZE, type RecordsQuery, type RecordsView, type ValueQuery } from './value-schemas';

// The records behind a figure (VA-2): the same window the figure counted, listed in the order they
// happened, a page at a time — with the figure itself, so the reader sees what the list adds up to.

/** At most this many rows in one CSV export; a longer list is exported a shorter period at a time. */
export const EXPORT_LIMIT = 100_000;

export function requireMeasure(key: string): ValueMeasure {
  const measure = findValueMeasure(key);
  if (!measure) throw AppError.notFound('That measure');
  return measure;
}

export async function measureRecords(db: DbOrTx, key: string, query: RecordsQuery, now: Date): Promise<RecordsView> {
  const measure = requireMeasure(key);
  const { period, echo } = await valueWindows(db, query, now);
  const { window, notSplitBy } = measureWindow(measure, period);
  const [tallies, list] = await Promise.all([
    measure.tally(db, window),
    measure.records.list(db, window, { limit: RECORDS_PAGE_SIZE, offset: (query.page - 1) * RECORDS_PAGE_SIZE }),
  ]);
  return {
    ...echo,
    measure: measureMeta(measure, notSplitBy),
    figure: figureOf(measure.kind, sumTallies(tallies)),
    columns: [...measure.records.columns],
    rows: list.rows,
    total: list.total,
    page: query.page,
    pageSize: RECORDS_PAGE_SIZE,
  };
}

/** Every record behind the figure (up to EXPORT_LIMIT), for the CSV export. */
export async function allMeasureRecords(db: DbOrTx, key: string, query: ValueQuery, now: Date) {
  const measure = requireMeasure(key);
  const { period, echo } = await valueWindows(db, query, now);
  const { window } = measureWindow(measure, period);
  const rows: Awaited<ReturnType<ValueMeasure['records']['list']>>['rows'] = [];
  const batch = 5_000;
  for (let offset = 0; offset < EXPORT_LIMIT; offset += batch) {
    const page = await measure.records.list(db, window, { limit: Math.min(batch, EXPORT_LIMIT - offset), offset });
    rows.push(...page.rows);
    if (rows.length >= page.total || page.rows.length === 0) break;
  }
  return { measure, echo, columns: measure.records.columns, rows };
}
