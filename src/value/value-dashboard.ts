import type { DbOrTx } from '../platform/db/database';
import type { MeasureWindow, MonthTally, ValueMeasure } from '../platform/measures/value-measure';
import { listValueMeasures } from '../platform/measures/measure-registry';
import { groupCounts } from '../platform/measures/month-tallies';
import { figureOf, mergeTallies, sumTallies, TOO_FEW } from '../platform/measures/summarize-tally';
import { valueWindows } from './value-window';
import type { DashboardView, MeasureMeta, MeasureView, ValueQuery } from './value-schemas';

// The dashboard (VA-1): every registered measure for the period, its split where it has one, and
// its trend month by month — one figure rule (platform/measures) for all three, so the parts add
// up to the whole and a month never disagrees with the year.

/** The window a measure counts in: the reader's filters it can honour, and which it cannot. */
export function measureWindow(measure: ValueMeasure, window: MeasureWindow): { window: MeasureWindow; notSplitBy: MeasureMeta['notSplitBy'] } {
  const notSplitBy: MeasureMeta['notSplitBy'] = [];
  let own = window;
  if (window.businessUnitId && !measure.splits.businessUnit) {
    notSplitBy.push('businessUnit');
    own = { ...own, businessUnitId: null };
  }
  if (window.goalId && !measure.splits.goal) {
    notSplitBy.push('goal');
    own = { ...own, goalId: null };
  }
  return { window: own, notSplitBy };
}

export function measureMeta(measure: ValueMeasure, notSplitBy: MeasureMeta['notSplitBy']): MeasureMeta {
  const { key, title, group, kind, better, counted, definition, events } = measure;
  return { key, title, group, kind, better, counted, definition, events: [...events], notSplitBy };
}

/**
 * The period's tallies and the trend's, counting each record once. The trend window starts at or
 * before the period (the first of a month) and ends with it, so it is the period plus a head of
 * days before it; tallies are additive (decision 025), so the trend's months are the head's and
 * the period's merged. The 12-month default used to count its year twice.
 */
export async function periodAndTrendTallies(db: DbOrTx, measure: ValueMeasure, period: MeasureWindow, trend: MeasureWindow): Promise<{ period: MonthTally[]; trend: MonthTally[] }> {
  if (trend.start > period.start || trend.end.getTime() !== period.end.getTime()) throw new Error('The trend window must end with the period and start no later.');
  const periodTallies = await measure.tally(db, period);
  const head = trend.start < period.start ? await measure.tally(db, { ...trend, end: period.start }) : [];
  return { period: periodTallies, trend: mergeTallies([...head, ...periodTallies]) };
}

async function measureView(db: DbOrTx, measure: ValueMeasure, period: MeasureWindow, trend: MeasureWindow, months: string[]): Promise<MeasureView> {
  const own = measureWindow(measure, period);
  const tallies = await periodAndTrendTallies(db, measure, own.window, measureWindow(measure, trend).window);
  const periodCounts = sumTallies(tallies.period);
  const byMonth = new Map(tallies.trend.map((t) => [t.month, t.counts]));
  const groups = measure.breakdown ? await measure.breakdown.groups(db, own.window) : [];
  return {
    ...measureMeta(measure, own.notSplitBy),
    figure: figureOf(measure.kind, periodCounts),
    breakdown: measure.breakdown
      ? { title: measure.breakdown.title, groups: groups.map((g) => ({ ...g, figure: figureOf(measure.kind, groupCounts(periodCounts, g.key)) })) }
      : null,
    trend: months.map((month) => ({ month, ...figureOf(measure.kind, byMonth.get(month) ?? {}) })),
  };
}

export async function valueDashboard(db: DbOrTx, query: ValueQuery, now: Date): Promise<DashboardView> {
  const { period, trend, months, echo } = await valueWindows(db, query, now);
  const measures: MeasureView[] = [];
  // One after the other: the embedded engine has one connection, and a server's pool is shared.
  for (const measure of listValueMeasures()) measures.push(await measureView(db, measure, period, trend, months));
  return { ...echo, tooFewBelow: TOO_FEW, months, measures };
}
