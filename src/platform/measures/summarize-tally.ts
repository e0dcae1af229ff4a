import type { MeasureKind, MonthTally } from './value-measure';

// Turning tallies into a figure, the same way on the dashboard, in its trends and in its CSV.

/** Below this many answers, cases or items a figure is shown but flagged as too few to judge. */
export const TOO_FEW = 5;

export type Figure = {
  /** Null when there is nothing to compute from (no answers: no NPS, not an NPS of zero). */
  value: number | null;
  /** How many answers, clocks, cases or items stand behind the figure. */
  basis: number;
  tooFew: boolean;
};

const get = (counts: Record<string, number>, key: string): number => counts[key] ?? 0;

export function sumTallies(tallies: readonly MonthTally[]): Record<string, number> {
  const sum: Record<string, number> = {};
  for (const { counts } of tallies) addCounts(sum, counts);
  return sum;
}

/** One tally per month, in month order: tallies of the same month (from adjoining windows) summed. */
export function mergeTallies(tallies: readonly MonthTally[]): MonthTally[] {
  const byMonth = new Map<string, Record<string, number>>();
  for (const { month, counts } of tallies) {
    const sum = byMonth.get(month) ?? {};
    byMonth.set(month, sum);
    addCounts(sum, counts);
  }
  return [...byMonth.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([month, counts]) => ({ month, counts }));
}

function addCounts(sum: Record<string, number>, counts: Record<string, number>): void {
  for (const [key, value] of Object.entries(counts)) sum[key] = (sum[key] ?? 0) + value;
}

export function figureOf(kind: MeasureKind, counts: Record<string, number>): Figure {
  const judged = (value: number | null, basis: number): Figure => ({ value, basis, tooFew: basis < TOO_FEW });
  switch (kind) {
    case 'share': {
      const of = get(counts, 'of');
      return judged(of === 0 ? null : round((100 * get(counts, 'hit')) / of), of);
    }
    case 'nps': {
      const promoters = get(counts, 'promoters');
      const detractors = get(counts, 'detractors');
      const answers = promoters + get(counts, 'passives') + detractors;
      return judged(answers === 0 ? null : Math.round((100 * (promoters - detractors)) / answers), answers);
    }
    case 'mean-days': {
      const count = get(counts, 'count');
      return judged(count === 0 ? null : round(get(counts, 'days') / count), count);
    }
    case 'count': {
      const count = get(counts, 'count');
      return judged(count, count);
    }
  }
}

const round = (value: number): number => Math.round(value * 10) / 10;
