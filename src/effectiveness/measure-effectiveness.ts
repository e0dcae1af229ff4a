import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import { supportCaseStates, supportOptions, type SupportCaseState, type SupportOption } from '../support/support-values';
import type { EffectivenessFigures, ObjectiveFigures, SessionFiguresRow } from './effectiveness-schemas';
import { scopedEnrolments, type EffectivenessScope } from './effectiveness-scope';
import { npsOf, ratingCountsOf, responseRateOf } from './nps';

// The counting behind the effectiveness view (AF-7): three aggregate queries over the scoped
// enrolments (figures, objectives, sessions), each one pass with FILTER, so a course with
// thousands of enrolments costs the same few round trips as one with ten. This is a read model
// across the after-the-event tables (follow-up, support, retention, certificates): it only reads,
// and only counts — no respondent, learner or comment leaves these queries.

type Row = Record<string, unknown>;
const rowsOf = (result: unknown): Row[] => (result as { rows: Row[] }).rows;
const n = (value: unknown): number => Number(value ?? 0);

const caseStateColumns = supportCaseStates.map((state) => sql`count(*) FILTER (WHERE state = ${state})::int AS ${sql.identifier(`state_${state}`)}`);
const caseDecisionColumns = supportOptions.map((option) => sql`count(*) FILTER (WHERE decision = ${option})::int AS ${sql.identifier(`decision_${option}`)}`);

const followUpColumns = (['learner', 'supervisor'] as const).flatMap((role) => [
  sql`count(*) FILTER (WHERE respondent_role = ${role})::int AS ${sql.identifier(`${role}_opened`)}`,
  sql`count(*) FILTER (WHERE respondent_role = ${role} AND answered_at IS NOT NULL)::int AS ${sql.identifier(`${role}_answered`)}`,
  sql`count(*) FILTER (WHERE respondent_role = ${role} AND recommend >= 9)::int AS ${sql.identifier(`${role}_promoters`)}`,
  sql`count(*) FILTER (WHERE respondent_role = ${role} AND recommend BETWEEN 7 AND 8)::int AS ${sql.identifier(`${role}_passives`)}`,
  sql`count(*) FILTER (WHERE respondent_role = ${role} AND recommend <= 6)::int AS ${sql.identifier(`${role}_detractors`)}`,
]);

async function countFigures(db: DbOrTx, scope: EffectivenessScope): Promise<Omit<EffectivenessFigures, 'objectives'>> {
  const [row = {}] = rowsOf(
    await db.execute(sql`
      WITH scoped AS (${scopedEnrolments(scope)}),
      enr AS (SELECT count(*) FILTER (WHERE state = 'completed')::int AS completed, count(*) FILTER (WHERE state = 'no_show')::int AS no_show FROM scoped),
      cert AS (SELECT count(*)::int AS issued, count(*) FILTER (WHERE revoked_at IS NOT NULL)::int AS revoked FROM certificates WHERE enrolment_id IN (SELECT id FROM scoped)),
      plans AS (SELECT count(*)::int AS started, count(*) FILTER (WHERE state = 'active')::int AS active, count(*) FILTER (WHERE state = 'closed')::int AS closed FROM retention_plans WHERE enrolment_id IN (SELECT id FROM scoped)),
      cases AS (
        SELECT count(*)::int AS opened, ${sql.join([...caseStateColumns, ...caseDecisionColumns], sql`, `)},
          count(*) FILTER (WHERE decision IS NULL)::int AS undecided,
          count(*) FILTER (WHERE state = 'closed' AND outcome IS NOT NULL)::int AS closed_with_outcome
        FROM support_cases WHERE enrolment_id IN (SELECT id FROM scoped)
      ),
      fu AS (SELECT ${sql.join(followUpColumns, sql`, `)} FROM follow_ups WHERE enrolment_id IN (SELECT id FROM scoped))
      SELECT * FROM enr, cert, plans, cases, fu
    `),
  );
  const nps = (role: 'learner' | 'supervisor') => ({ promoters: n(row[`${role}_promoters`]), passives: n(row[`${role}_passives`]), detractors: n(row[`${role}_detractors`]) });
  const learner = nps('learner');
  const supervisor = nps('supervisor');
  return {
    completions: { completed: n(row.completed), noShow: n(row.no_show) },
    nps: {
      learner: npsOf(learner),
      supervisor: npsOf(supervisor),
      combined: npsOf({ promoters: learner.promoters + supervisor.promoters, passives: learner.passives + supervisor.passives, detractors: learner.detractors + supervisor.detractors }),
    },
    responses: {
      learner: responseRateOf(n(row.learner_opened), n(row.learner_answered)),
      supervisor: responseRateOf(n(row.supervisor_opened), n(row.supervisor_answered)),
    },
    supportCases: {
      opened: n(row.opened),
      byState: Object.fromEntries(supportCaseStates.map((s) => [s, n(row[`state_${s}`])])) as Record<SupportCaseState, number>,
      byDecision: Object.fromEntries(supportOptions.map((o) => [o, n(row[`decision_${o}`])])) as Record<SupportOption, number>,
      undecided: n(row.undecided),
      noFurtherTraining: n(row.decision_no_further_training),
      closedWithOutcome: n(row.closed_with_outcome),
    },
    retentionPlans: { started: n(row.started), active: n(row.active), closed: n(row.closed) },
    certificates: { issued: n(row.issued), revoked: n(row.revoked) },
  };
}

/** Every current objective of the course in order, then removed ones someone answered about. */
async function countObjectives(db: DbOrTx, scope: EffectivenessScope): Promise<ObjectiveFigures[]> {
  const rows = rowsOf(
    await db.execute(sql`
      WITH scoped AS (${scopedEnrolments(scope)}),
      answers AS (
        SELECT a.objective_id, f.respondent_role,
          count(*) FILTER (WHERE a.rating = 'met')::int AS met,
          count(*) FILTER (WHERE a.rating = 'partly')::int AS partly,
          count(*) FILTER (WHERE a.rating = 'not_met')::int AS not_met
        FROM follow_up_answers a JOIN follow_ups f ON f.id = a.follow_up_id
        WHERE f.answered_at IS NOT NULL AND f.enrolment_id IN (SELECT id FROM scoped)
        GROUP BY a.objective_id, f.respondent_role
      )
      SELECT o.id, o.position, o.text, o.removed_at IS NOT NULL AS removed,
        l.met AS l_met, l.partly AS l_partly, l.not_met AS l_not_met,
        v.met AS s_met, v.partly AS s_partly, v.not_met AS s_not_met
      FROM course_objectives o
      LEFT JOIN answers l ON l.objective_id = o.id AND l.respondent_role = 'learner'
      LEFT JOIN answers v ON v.objective_id = o.id AND v.respondent_role = 'supervisor'
      WHERE o.course_id = ${scope.courseId} AND (o.removed_at IS NULL OR l.objective_id IS NOT NULL OR v.objective_id IS NOT NULL)
      ORDER BY o.removed_at IS NOT NULL, o.position, o.id
    `),
  );
  return rows.map((r) => ({
    id: String(r.id),
    position: n(r.position),
    text: String(r.text),
    removed: Boolean(r.removed),
    learner: ratingCountsOf(n(r.l_met), n(r.l_partly), n(r.l_not_met)),
    supervisor: ratingCountsOf(n(r.s_met), n(r.s_partly), n(r.s_not_met)),
  }));
}

/** The figures of one scope: a course (or the instructor's part of it) or a session. */
export async function measureEffectiveness(db: DbOrTx, scope: EffectivenessScope): Promise<EffectivenessFigures> {
  const [figures, objectives] = await Promise.all([countFigures(db, scope), countObjectives(db, scope)]);
  return { ...figures, objectives };
}

/** One row per session with finished enrolments in scope, in date order — never sorted by a score. */
export async function measureSessions(db: DbOrTx, scope: EffectivenessScope): Promise<SessionFiguresRow[]> {
  const rows = rowsOf(
    await db.execute(sql`
      WITH scoped AS (${scopedEnrolments(scope)}),
      en AS (
        SELECT session_id, count(*) FILTER (WHERE state = 'completed')::int AS completed, count(*) FILTER (WHERE state = 'no_show')::int AS no_show
        FROM scoped WHERE session_id IS NOT NULL GROUP BY session_id
      ),
      fu AS (
        SELECT sc.session_id, count(*)::int AS opened, count(*) FILTER (WHERE f.answered_at IS NOT NULL)::int AS answered,
          count(*) FILTER (WHERE f.recommend >= 9)::int AS promoters,
          count(*) FILTER (WHERE f.recommend BETWEEN 7 AND 8)::int AS passives,
          count(*) FILTER (WHERE f.recommend <= 6)::int AS detractors
        FROM follow_ups f JOIN scoped sc ON sc.id = f.enrolment_id
        WHERE sc.session_id IS NOT NULL GROUP BY sc.session_id
      )
      SELECT s.id, s.starts_at, s.time_zone, COALESCE(p.name, s.instructor_name) AS instructor, en.completed, en.no_show,
        fu.opened, fu.answered, fu.promoters, fu.passives, fu.detractors
      FROM en JOIN course_sessions s ON s.id = en.session_id
      LEFT JOIN people p ON p.id = s.instructor_id
      LEFT JOIN fu ON fu.session_id = en.session_id
      ORDER BY s.starts_at, s.id
    `),
  );
  return rows.map((r) => ({
    id: String(r.id),
    startsAt: new Date(r.starts_at as string | Date).toISOString(),
    timeZone: String(r.time_zone),
    instructor: r.instructor == null ? null : String(r.instructor),
    completed: n(r.completed),
    noShow: n(r.no_show),
    responses: n(r.answered),
    opened: n(r.opened),
    nps: npsOf({ promoters: n(r.promoters), passives: n(r.passives), detractors: n(r.detractors) }).nps,
  }));
}
