import { sql, type SQL } from 'drizzle-orm';
import type { MeasureWindow, ValueMeasure } from '../platform/measures/value-measure';
import { andEnrolmentInUnit, joinEnrolmentContext } from '../enrolment/enrolment-in-unit';
import { dayOf, inWindow, monthOf, queryTallies, queryTotal, rowsOf } from '../platform/measures/month-tallies';
import { supportOptions } from './support-values';
import { supportOptionText } from './support-options';

// Support after the event on the value dashboard (VA-1): the cases opened in the period and what
// the coordinators decided — "no further training" counted as the legitimate answer it is. A
// record is a case with its course and the learner's unit, never the learner's name or the notes.

function opened(window: MeasureWindow): SQL {
  const unit = andEnrolmentInUnit(sql`k.enrolment_id`, window.businessUnitId);
  return sql`${inWindow(sql`k.opened_at`, window)} ${unit}`;
}

export const supportMeasures: readonly ValueMeasure[] = [
  {
    key: 'support-cases',
    title: 'Support cases after the event',
    group: 'support',
    kind: 'count',
    better: 'neither',
    counted: 'cases',
    definition:
      'Support cases opened in the period — each one an objective a learner or supervisor reported not met (or a coordinator opened by hand) — split by what the coordinator decided. "Undecided" cases are still waiting for a decision; "no further training" is a decision, given with a written reason.',
    events: ['objective reported not met in a follow-up (AF-4)', 'support case opened, decided, closed (AF-5)'],
    splits: { businessUnit: true, goal: false },
    breakdown: {
      title: 'By decision',
      groups: async () => [...supportOptions.map((o) => ({ key: o, label: supportOptionText[o].label })), { key: 'undecided', label: 'Undecided' }],
    },
    tally: (db, window) =>
      queryTallies(
        db,
        sql`SELECT ${monthOf(sql`k.opened_at`, window)} AS month, COALESCE(k.decision, 'undecided') AS grp,
              count(*)::int AS count, count(*) FILTER (WHERE k.state = 'closed')::int AS closed
            FROM support_cases k WHERE ${opened(window)} GROUP BY 1, 2`,
      ),
    records: {
      columns: [
        { key: 'opened', label: 'Opened' },
        { key: 'course', label: 'Course' },
        { key: 'businessUnit', label: 'Business unit' },
        { key: 'state', label: 'State' },
        { key: 'decision', label: 'Decision' },
        { key: 'closed', label: 'Closed' },
      ],
      async list(db, window, page) {
        const from = sql`FROM support_cases k ${joinEnrolmentContext(sql`k.enrolment_id`)} WHERE ${opened(window)}`;
        const [total, result] = await Promise.all([
          queryTotal(db, sql`SELECT count(*)::int AS total ${from}`),
          db.execute(sql`SELECT k.id, ${dayOf(sql`k.opened_at`, window)} AS opened, c.title AS course, u.name AS unit, k.state, k.decision, ${dayOf(sql`k.closed_at`, window)} AS closed
            ${from} ORDER BY k.opened_at, k.id LIMIT ${page.limit} OFFSET ${page.offset}`),
        ]);
        return {
          total,
          rows: rowsOf(result).map((r) => ({
            cells: {
              opened: String(r.opened),
              course: String(r.course),
              businessUnit: r.unit == null ? 'No business unit' : String(r.unit),
              state: r.state === 'in_progress' ? 'In progress' : r.state === 'closed' ? 'Closed' : 'Open',
              decision: r.decision == null ? 'Undecided' : (supportOptionText[r.decision as keyof typeof supportOptionText]?.label ?? String(r.decision)),
              closed: r.closed == null ? null : String(r.closed),
            },
            href: `/support/${String(r.id)}`,
          })),
        };
      },
    },
  },
];
