import { sql, type SQL } from 'drizzle-orm';
import type { MeasureWindow, ValueMeasure } from '../platform/measures/value-measure';
import { dayOf, inWindow, monthOf, queryTallies, queryTotal, rowsOf } from '../platform/measures/month-tallies';

// Front-line ideas on the value dashboard (VA-1, FB-2): how many of the suggestions submitted in the
// period their manager took to leadership, and how many of those leaders adopted or piloted. Months
// are cohorts by the day a suggestion was submitted; the business unit is the submitter's. A record
// is the suggestion's number, title and step — never who sent it: ideas are counted, not people.

const escalatedStatuses = sql`('escalated', 'adopted', 'piloted', 'declined')`;

function submitted(window: MeasureWindow, extra: SQL = sql`TRUE`): SQL {
  const unit = window.businessUnitId ? sql`AND EXISTS (SELECT 1 FROM people p WHERE p.id = g.submitter_id AND p.business_unit_id = ${window.businessUnitId})` : sql``;
  return sql`${inWindow(sql`g.submitted_at`, window)} ${unit} AND ${extra}`;
}

const statusLabels: Record<string, string> = {
  submitted: 'With the manager',
  escalated: 'With leadership',
  answered: 'Answered by the manager',
  adopted: 'Adopted',
  piloted: 'Piloted',
  declined: 'Declined by leadership',
};

function records(extra: SQL): ValueMeasure['records'] {
  return {
    columns: [
      { key: 'submitted', label: 'Submitted' },
      { key: 'reference', label: 'Suggestion' },
      { key: 'title', label: 'Idea' },
      { key: 'businessUnit', label: 'Business unit' },
      { key: 'step', label: 'Where it stands' },
    ],
    async list(db, window, page) {
      const from = sql`FROM suggestions g JOIN people p ON p.id = g.submitter_id LEFT JOIN business_units u ON u.id = p.business_unit_id WHERE ${submitted(window, extra)}`;
      const [total, result] = await Promise.all([
        queryTotal(db, sql`SELECT count(*)::int AS total ${from}`),
        db.execute(sql`SELECT g.id, g.number, ${dayOf(sql`g.submitted_at`, window)} AS submitted, g.title, u.name AS unit, g.status
          ${from} ORDER BY g.submitted_at, g.id LIMIT ${page.limit} OFFSET ${page.offset}`),
      ]);
      return {
        total,
        rows: rowsOf(result).map((r) => ({
          cells: {
            submitted: String(r.submitted),
            reference: `S-${String(r.number).padStart(5, '0')}`,
            title: String(r.title),
            businessUnit: r.unit == null ? 'No business unit' : String(r.unit),
            step: statusLabels[String(r.status)] ?? String(r.status),
          },
          href: `/suggestions/${String(r.id)}`,
        })),
      };
    },
  };
}

export const suggestionMeasures: readonly ValueMeasure[] = [
  {
    key: 'suggestions-escalated',
    title: 'Suggestions taken to leadership',
    group: 'voice',
    kind: 'share',
    better: 'higher',
    counted: 'suggestions submitted',
    definition:
      'Of the service suggestions front-line staff submitted in the period, the share their manager supported and escalated to leadership (whatever leaders then decided). The others are still with the manager or were answered with a reason why not.',
    events: ['suggestion submitted, escalated, answered (FB-2)'],
    splits: { businessUnit: true, goal: false },
    tally: (db, window) =>
      queryTallies(
        db,
        sql`SELECT ${monthOf(sql`g.submitted_at`, window)} AS month, count(*) FILTER (WHERE g.status IN ${escalatedStatuses})::int AS hit, count(*)::int AS of
            FROM suggestions g WHERE ${submitted(window)} GROUP BY 1`,
      ),
    records: records(sql`TRUE`),
  },
  {
    key: 'suggestions-adopted',
    title: 'Escalated suggestions adopted',
    group: 'voice',
    kind: 'share',
    better: 'higher',
    counted: 'suggestions escalated',
    definition:
      'Of the suggestions submitted in the period that reached leadership, the share leaders adopted or piloted. Declined ones were declined with a written reason; those still with leadership count as not adopted yet.',
    events: ['suggestion escalated, adopted, piloted, declined (FB-2)'],
    splits: { businessUnit: true, goal: false },
    tally: (db, window) =>
      queryTallies(
        db,
        sql`SELECT ${monthOf(sql`g.submitted_at`, window)} AS month, count(*) FILTER (WHERE g.status IN ('adopted', 'piloted'))::int AS hit, count(*)::int AS of
            FROM suggestions g WHERE ${submitted(window, sql`g.status IN ${escalatedStatuses}`)} GROUP BY 1`,
      ),
    records: records(sql`g.status IN ${escalatedStatuses}`),
  },
];
