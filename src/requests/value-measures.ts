import { sql, type SQL } from 'drizzle-orm';
import type { MeasureWindow, ValueMeasure } from '../platform/measures/value-measure';
import { dayOf, inWindow, monthOf, queryTallies, queryTotal, rowsOf } from '../platform/measures/month-tallies';

// Requests on the value dashboard (VA-1, RQ-5, RQ-7): of the requests whose recommendation the
// requester accepted in the period, how many were solved without training, and how long it took
// from submission to that decision. Months count requests by the day the decision was accepted;
// the business unit and strategic goal are the request's own.

/** The accepted recommendation of request `r` includes a course, new or existing (the portfolio counts with it too). */
export const withTraining = sql`EXISTS (SELECT 1 FROM request_recommendations rr WHERE rr.request_id = r.id AND rr.response = 'accepted' AND rr.includes_training)`;

function decided(window: MeasureWindow): SQL {
  return sql`r.accepted_at IS NOT NULL AND ${inWindow(sql`r.accepted_at`, window)}
    ${window.businessUnitId ? sql`AND r.business_unit_id = ${window.businessUnitId}` : sql``}
    ${window.goalId ? sql`AND r.goal_id = ${window.goalId}` : sql``}`;
}

const days = sql`extract(epoch from (r.accepted_at - r.submitted_at)) / 86400.0`;

const records: ValueMeasure['records'] = {
  columns: [
    { key: 'accepted', label: 'Decision accepted' },
    { key: 'reference', label: 'Request' },
    { key: 'title', label: 'Request' },
    { key: 'businessUnit', label: 'Business unit' },
    { key: 'goal', label: 'Strategic goal' },
    { key: 'solution', label: 'Solution' },
    { key: 'days', label: 'Days from submission' },
  ],
  async list(db, window, page) {
    const from = sql`FROM training_requests r LEFT JOIN business_units u ON u.id = r.business_unit_id LEFT JOIN strategic_goals g ON g.id = r.goal_id WHERE ${decided(window)}`;
    const [total, result] = await Promise.all([
      queryTotal(db, sql`SELECT count(*)::int AS total ${from}`),
      db.execute(sql`SELECT r.id, r.number, ${dayOf(sql`r.accepted_at`, window)} AS accepted, r.title, u.name AS unit, g.title AS goal, ${withTraining} AS training, ${days} AS days
        ${from} ORDER BY r.accepted_at, r.id LIMIT ${page.limit} OFFSET ${page.offset}`),
    ]);
    return {
      total,
      rows: rowsOf(result).map((r) => ({
        cells: {
          accepted: String(r.accepted),
          reference: `R-${String(r.number).padStart(6, '0')}`,
          title: String(r.title),
          businessUnit: r.unit == null ? 'No business unit' : String(r.unit),
          goal: r.goal == null ? 'No goal named' : String(r.goal),
          solution: r.training === true ? 'Includes training' : 'Without training',
          days: Math.round(Number(r.days) * 10) / 10,
        },
        href: `/requests/${String(r.id)}`,
      })),
    };
  },
};

export const requestMeasures: readonly ValueMeasure[] = [
  {
    key: 'requests-without-training',
    title: 'Requests solved without training',
    group: 'requests',
    kind: 'share',
    better: 'neither',
    counted: 'decisions accepted',
    definition:
      'Of the requests whose recommendation the requester accepted in the period, the share whose accepted interventions include no course (new or existing): a procedure change, a job aid, role clarification, coaching, a management action, or no intervention. Not a target to push up or down — a sign that the unit diagnoses before it prescribes.',
    events: ['training request submitted (RQ-1)', 'recommendation issued and accepted (RQ-5)'],
    splits: { businessUnit: true, goal: true },
    tally: (db, window) =>
      queryTallies(db, sql`SELECT ${monthOf(sql`r.accepted_at`, window)} AS month, count(*) FILTER (WHERE NOT ${withTraining})::int AS hit, count(*)::int AS of FROM training_requests r WHERE ${decided(window)} GROUP BY 1`),
    records,
  },
  {
    key: 'request-to-decision',
    title: 'Days from request to decision',
    group: 'requests',
    kind: 'mean-days',
    better: 'lower',
    counted: 'decisions accepted',
    definition:
      'For the requests whose recommendation was accepted in the period, the average number of calendar days from the request’s submission to the requester’s acceptance — triage, diagnosis, the two voices and any discussion included.',
    events: ['training request submitted (RQ-1)', 'recommendation accepted (RQ-5)'],
    splits: { businessUnit: true, goal: true },
    tally: (db, window) => queryTallies(db, sql`SELECT ${monthOf(sql`r.accepted_at`, window)} AS month, sum(${days})::float8 AS days, count(*)::int AS count FROM training_requests r WHERE ${decided(window)} GROUP BY 1`),
    records,
  },
];
