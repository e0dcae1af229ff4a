import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import type { MeasureWindow, ValueMeasure } from '../platform/measures/value-measure';
import { dayOf, inWindow, monthOf, queryTallies, queryTotal, rowsOf } from '../platform/measures/month-tallies';
import { findVersionInForce } from '../charter/find-version-in-force';
import { listServiceLevels } from './list-service-levels';
import { findSubjectReferences, subjectHref } from './subject-references';

// The charter's promises on the value dashboard (VA-1): of the clocks started in the period that
// have a verdict, the share that met its target — per service level, and for feedback on its own
// ("feedback handled on time"). A clock still running past its target is already breached; one
// running within it has no verdict yet and is not counted. Each clock is judged by the target of the
// charter version it started under (CH-4). The business unit is the one the clock's subject named.

const breachedNow = (window: MeasureWindow) => sql`(c.outcome = 'breached' OR (c.stopped_at IS NULL AND c.paused_at IS NULL AND c.due_at <= ${window.now}))`;

function judged(window: MeasureWindow, subjectType: string | null): SQL {
  return sql`${inWindow(sql`c.started_at`, window)}
    AND (c.outcome IS NOT NULL OR ${breachedNow(window)})
    ${window.businessUnitId ? sql`AND c.business_unit_id = ${window.businessUnitId}` : sql``}
    ${subjectType ? sql`AND c.subject_type = ${subjectType}` : sql``}`;
}

/** The service levels by key: those in force in charter order, then any retired ones clocks still name. */
async function levelGroups(db: DbOrTx, window: MeasureWindow, subjectType: string | null) {
  const inForce = await findVersionInForce(db, window.now);
  const current = inForce ? (await listServiceLevels(db, inForce.id)).filter((l) => !subjectType || l.subjectType === subjectType) : [];
  const others = rowsOf(
    await db.execute(sql`SELECT key, max(name) AS name FROM service_levels ${subjectType ? sql`WHERE subject_type = ${subjectType}` : sql``} GROUP BY key ORDER BY key`),
  );
  const groups = current.map((l) => ({ key: l.key, label: l.name }));
  for (const row of others) if (!groups.some((g) => g.key === row.key)) groups.push({ key: String(row.key), label: `${String(row.name)} (no longer in the charter)` });
  return groups;
}

function complianceMeasure(options: { key: string; title: string; group: ValueMeasure['group']; subjectType: string | null; definition: string; events: string[] }): ValueMeasure {
  const { subjectType } = options;
  return {
    key: options.key,
    title: options.title,
    group: options.group,
    kind: 'share',
    better: 'higher',
    counted: 'clocks with a verdict',
    definition: options.definition,
    events: options.events,
    splits: { businessUnit: true, goal: false },
    breakdown: { title: 'By service level', groups: (db, window) => levelGroups(db, window, subjectType) },
    tally: (db, window) =>
      queryTallies(
        db,
        sql`SELECT ${monthOf(sql`c.started_at`, window)} AS month, c.service_level_key AS grp,
              count(*) FILTER (WHERE c.outcome = 'met')::int AS hit, count(*)::int AS of
            FROM clocks c WHERE ${judged(window, subjectType)} GROUP BY 1, 2`,
      ),
    records: {
      columns: [
        { key: 'started', label: 'Started' },
        { key: 'serviceLevel', label: 'Service level' },
        { key: 'subject', label: 'About' },
        { key: 'businessUnit', label: 'Business unit' },
        { key: 'due', label: 'Due' },
        { key: 'stopped', label: 'Stopped' },
        { key: 'verdict', label: 'Verdict' },
      ],
      async list(db, window, page) {
        const from = sql`FROM clocks c JOIN service_levels l ON l.id = c.service_level_id LEFT JOIN business_units u ON u.id = c.business_unit_id
          WHERE ${judged(window, subjectType)}`;
        const [total, result] = await Promise.all([
          queryTotal(db, sql`SELECT count(*)::int AS total ${from}`),
          db.execute(sql`SELECT c.subject_type, c.subject_id, ${dayOf(sql`c.started_at`, window)} AS started, l.name AS level, u.name AS unit,
              ${dayOf(sql`c.due_at`, window)} AS due, ${dayOf(sql`c.stopped_at`, window)} AS stopped, c.outcome = 'met' AS met
            ${from} ORDER BY c.started_at, c.id LIMIT ${page.limit} OFFSET ${page.offset}`),
        ]);
        const rows = rowsOf(result);
        const subjects = rows.map((r) => ({ subjectType: String(r.subject_type), subjectId: String(r.subject_id) }));
        const references = await findSubjectReferences(db, subjects);
        return {
          total,
          rows: rows.map((r) => {
            const type = String(r.subject_type);
            const id = String(r.subject_id);
            return {
              cells: {
                started: String(r.started),
                serviceLevel: String(r.level),
                subject: references.get(`${type}:${id}`) ?? type,
                businessUnit: r.unit == null ? 'No business unit' : String(r.unit),
                due: String(r.due),
                stopped: r.stopped == null ? 'Still running' : String(r.stopped),
                verdict: r.met === true ? 'Met' : 'Breached',
              },
              href: subjectHref(type, id),
            };
          }),
        };
      },
    },
  };
}

export const serviceLevelMeasures: readonly ValueMeasure[] = [
  complianceMeasure({
    key: 'service-level-compliance',
    title: 'Service levels met',
    group: 'service',
    subjectType: null,
    definition:
      'Of the service-level clocks that started in the period and have a verdict, the share that stopped within their target. A clock still running past its target counts as breached; one still running within it is not counted yet. Each is judged by the target of the charter version it started under.',
    events: ['every clock event of the charter’s service levels (question asked and answered, request submitted and triaged, certificate sent, …)'],
  }),
  complianceMeasure({
    key: 'feedback-on-time',
    title: 'Feedback handled on time',
    group: 'voice',
    subjectType: 'feedback',
    definition:
      'Of the feedback and complaint clocks (acknowledged, resolved) that started in the period and have a verdict, the share that met the charter’s target. A clock still running past its target counts as breached.',
    events: ['feedback.received', 'feedback.acknowledged', 'feedback.resolved'],
  }),
];
