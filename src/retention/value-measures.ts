import { sql, type SQL } from 'drizzle-orm';
import type { MeasureWindow, ValueMeasure } from '../platform/measures/value-measure';
import { andEnrolmentInUnit, joinEnrolmentContext } from '../enrolment/enrolment-in-unit';
import { dayOf, inWindow, monthOf, queryTallies, queryTotal, rowsOf } from '../platform/measures/month-tallies';

// Retention plans on the value dashboard (VA-1): of the plans started in the period, how many the
// supervisor has since closed with the objectives applied on the job. Months are cohorts by the day
// a plan started, so a recent month rises as its plans close. A record names the course and the
// learner's unit, never the learner.

function started(window: MeasureWindow): SQL {
  const unit = andEnrolmentInUnit(sql`r.enrolment_id`, window.businessUnitId);
  return sql`${inWindow(sql`r.created_at`, window)} ${unit}`;
}

export const retentionMeasures: readonly ValueMeasure[] = [
  {
    key: 'retention-plans-closed',
    title: 'Retention plans closed',
    group: 'support',
    kind: 'share',
    better: 'higher',
    counted: 'plans started',
    definition:
      'Of the retention plans started in the period, the share closed since — a supervisor (or a coordinator where there is none) confirmed the objectives applied on the job. Months count plans by the day they started.',
    events: ['retention plan started, closed (AF-6)'],
    splits: { businessUnit: true, goal: false },
    tally: (db, window) =>
      queryTallies(
        db,
        sql`SELECT ${monthOf(sql`r.created_at`, window)} AS month, count(*) FILTER (WHERE r.state = 'closed')::int AS hit, count(*)::int AS of
            FROM retention_plans r WHERE ${started(window)} GROUP BY 1`,
      ),
    records: {
      columns: [
        { key: 'started', label: 'Started' },
        { key: 'course', label: 'Course' },
        { key: 'businessUnit', label: 'Business unit' },
        { key: 'state', label: 'State' },
        { key: 'closed', label: 'Closed' },
      ],
      async list(db, window, page) {
        const from = sql`FROM retention_plans r ${joinEnrolmentContext(sql`r.enrolment_id`)} WHERE ${started(window)}`;
        const [total, result] = await Promise.all([
          queryTotal(db, sql`SELECT count(*)::int AS total ${from}`),
          db.execute(sql`SELECT r.id, ${dayOf(sql`r.created_at`, window)} AS started, c.title AS course, u.name AS unit, r.state, ${dayOf(sql`r.closed_at`, window)} AS closed
            ${from} ORDER BY r.created_at, r.id LIMIT ${page.limit} OFFSET ${page.offset}`),
        ]);
        return {
          total,
          rows: rowsOf(result).map((r) => ({
            cells: {
              started: String(r.started),
              course: String(r.course),
              businessUnit: r.unit == null ? 'No business unit' : String(r.unit),
              state: r.state === 'closed' ? 'Closed' : 'Active',
              closed: r.closed == null ? null : String(r.closed),
            },
            href: `/retention-plans/${String(r.id)}`,
          })),
        };
      },
    },
  },
];
