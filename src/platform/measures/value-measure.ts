import type { DbOrTx } from '../db/database';

// The contract between the value dashboard (VA-1..3) and the capabilities whose records it counts.
// Each capability owns the SQL over its own tables and says, in words, how its measure is computed
// and from which events (VA-2); the dashboard only adds tallies up, judges them and draws them.
//
// A measure reports additive tallies per month, never a finished figure: the figure of a period is
// the figure of its summed tallies, and a trend is the same figure month by month, so one query
// answers both and a month can never disagree with its year.

/** What the reader chose: a period of whole days in the unit's time zone, a business unit, a goal. */
export type MeasureWindow = {
  /** First instant of the period (a local midnight). */
  start: Date;
  /** First instant after the period. */
  end: Date;
  /** The unit's IANA time zone: months are its calendar months. */
  timeZone: string;
  businessUnitId: string | null;
  goalId: string | null;
  /** The moment of the reading: a clock still running past its target is already breached. */
  now: Date;
};

/** Additive counts for one calendar month (YYYY-MM in the unit's zone). */
export type MonthTally = { month: string; counts: Record<string, number> };

/**
 * How tallies become a figure:
 * - share: `hit` of `of`, a percentage;
 * - nps: `promoters`, `passives`, `detractors` → promoters minus detractors, as a share of answers;
 * - mean-days: `days` summed over `count` items → average days;
 * - count: `count` things.
 */
export type MeasureKind = 'share' | 'nps' | 'mean-days' | 'count';

export type MeasureColumn = { key: string; label: string };
export type MeasureCell = string | number | null;
/** One record behind a figure, with where to open it in Stride (null where there is no page). */
export type MeasureRecord = { cells: Record<string, MeasureCell>; href: string | null };

export type ValueMeasure = {
  key: string;
  title: string;
  /** The dashboard's section: the same group, the same heading. */
  group: 'service' | 'learning' | 'support' | 'requests' | 'voice';
  kind: MeasureKind;
  /** Higher is better (an NPS), lower is better (a cycle time), or neither (a count of cases). */
  better: 'higher' | 'lower' | 'neither';
  /** What the basis of the figure counts, plural: "answers", "objective ratings", "clocks with a verdict". */
  counted: string;
  /** How it is computed, in a sentence or two a unit lead can check by hand (VA-2). */
  definition: string;
  /** The events (clock events, state changes) the records come from. */
  events: readonly string[];
  /** Which filters the measure honours; the others are shown as not applying, never silently ignored. */
  splits: { businessUnit: boolean; goal: boolean };
  /**
   * The figure split into named groups (per service level, per role, per decision): each group's
   * tallies sit beside the totals as `name@group`, and `groups` names them in display order.
   */
  breakdown?: { title: string; groups(db: DbOrTx, window: MeasureWindow): Promise<{ key: string; label: string }[]> };
  tally(db: DbOrTx, window: MeasureWindow): Promise<MonthTally[]>;
  records: {
    columns: readonly MeasureColumn[];
    list(db: DbOrTx, window: MeasureWindow, page: { limit: number; offset: number }): Promise<{ total: number; rows: MeasureRecord[] }>;
  };
};
