import { sql, type SQL } from 'drizzle-orm';
import type { MeasureWindow, ValueMeasure } from '../platform/measures/value-measure';
import { dayOf, inWindow, monthOf, queryTallies, queryTotal, rowsOf } from '../platform/measures/month-tallies';

// Development on the value dashboard (VA-1): from the decision to develop (the project starts when
// the requester accepts a new course) to its release, for the projects delivered in the period.
// A project knows its request only by id, so the business unit and goal are not split here.

const delivered = (window: MeasureWindow): SQL => sql`p.state = 'delivered' AND p.ended_at IS NOT NULL AND ${inWindow(sql`p.ended_at`, window)}`;
const days = sql`extract(epoch from (p.ended_at - p.started_at)) / 86400.0`;

export const developmentMeasures: readonly ValueMeasure[] = [
  {
    key: 'decision-to-release',
    title: 'Days from decision to release',
    group: 'requests',
    kind: 'mean-days',
    better: 'lower',
    counted: 'projects delivered',
    definition: 'For the development projects delivered in the period, the average number of calendar days from the start of the project (the accepted decision to develop) to its delivery.',
    events: ['project.started', 'project.delivered'],
    splits: { businessUnit: false, goal: false },
    tally: (db, window) => queryTallies(db, sql`SELECT ${monthOf(sql`p.ended_at`, window)} AS month, sum(${days})::float8 AS days, count(*)::int AS count FROM development_projects p WHERE ${delivered(window)} GROUP BY 1`),
    records: {
      columns: [
        { key: 'delivered', label: 'Delivered' },
        { key: 'title', label: 'Project' },
        { key: 'size', label: 'Size' },
        { key: 'started', label: 'Started' },
        { key: 'days', label: 'Days' },
      ],
      async list(db, window, page) {
        const from = sql`FROM development_projects p WHERE ${delivered(window)}`;
        const [total, result] = await Promise.all([
          queryTotal(db, sql`SELECT count(*)::int AS total ${from}`),
          db.execute(sql`SELECT p.id, p.title, p.size, ${dayOf(sql`p.started_at`, window)} AS started, ${dayOf(sql`p.ended_at`, window)} AS delivered, ${days} AS days
            ${from} ORDER BY p.ended_at, p.id LIMIT ${page.limit} OFFSET ${page.offset}`),
        ]);
        return {
          total,
          rows: rowsOf(result).map((r) => ({
            cells: { delivered: String(r.delivered), title: String(r.title), size: String(r.size), started: String(r.started), days: Math.round(Number(r.days) * 10) / 10 },
            href: null,
          })),
        };
      },
    },
  },
];
