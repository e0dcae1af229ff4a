import { sql, type SQL } from 'drizzle-orm';
import type { MeasureWindow, ValueMeasure } from '../platform/measures/value-measure';
import { andEnrolmentInUnit, joinEnrolmentContext } from '../enrolment/enrolment-in-unit';
import { dayOf, inWindow, monthOf, queryTallies, queryTotal, rowsOf } from '../platform/measures/month-tallies';
import { respondentRoles } from '../follow-up/follow-up-values';
import { dayTalliesCover, fromDayTallies, monthOfDay } from '../follow-up/follow-up-day-tallies';

// The after-the-event measures of the value dashboard (VA-1): objectives met as the learners and
// as their supervisors see them, and the recommendation score. They count follow-up answers by the
// day they were given, in the business unit of the learner the answer is about. Like the
// effectiveness pages (decision 020) they read across the follow-up tables and name no respondent:
// a record is an answer with its course, role and unit, never a person or a comment.

const roleGroups = async () => respondentRoles.map((role) => ({ key: role, label: role === 'learner' ? 'Learners' : 'Supervisors' }));

/** The answered follow-ups in the window, joined to their learner's unit when the reader filtered by one. */
function answered(window: MeasureWindow, extra: SQL = sql`TRUE`): SQL {
  const unit = andEnrolmentInUnit(sql`f.enrolment_id`, window.businessUnitId);
  return sql`f.answered_at IS NOT NULL AND ${inWindow(sql`f.answered_at`, window)} ${unit} AND ${extra}`;
}

const recordJoins = joinEnrolmentContext(sql`f.enrolment_id`);

/**
 * The tally queries of the three measures, each two ways that give the same rows: from the day
 * tallies the database keeps as follow-ups are answered (decision 030), or counted from the
 * follow-ups themselves (any window; and the reference the tallies are tested against). A month
 * appears only when something was counted in it, either way.
 */
export const tallyQueries = {
  objectivesMet(role: 'learner' | 'supervisor', window: MeasureWindow, fromDays: boolean): SQL {
    return fromDays
      ? sql`SELECT ${monthOfDay} AS month, sum(t.objectives_met)::int AS hit, sum(t.objectives_rated)::int AS of
          ${fromDayTallies(window, sql`t.respondent_role = ${role}`)} GROUP BY 1 HAVING sum(t.objectives_rated) > 0`
      : sql`SELECT ${monthOf(sql`f.answered_at`, window)} AS month, count(*) FILTER (WHERE a.rating = 'met')::int AS hit, count(*)::int AS of
          FROM follow_ups f JOIN follow_up_answers a ON a.follow_up_id = f.id
          WHERE ${answered(window, sql`f.respondent_role = ${role}`)} GROUP BY 1`;
  },
  recommendation(window: MeasureWindow, fromDays: boolean): SQL {
    return fromDays
      ? sql`SELECT ${monthOfDay} AS month, t.respondent_role AS grp,
            sum(t.promoters)::int AS promoters, sum(t.passives)::int AS passives, sum(t.detractors)::int AS detractors
          ${fromDayTallies(window)} GROUP BY 1, 2 HAVING sum(t.promoters + t.passives + t.detractors) > 0`
      : sql`SELECT ${monthOf(sql`f.answered_at`, window)} AS month, f.respondent_role AS grp,
            count(*) FILTER (WHERE f.recommend >= 9)::int AS promoters,
            count(*) FILTER (WHERE f.recommend BETWEEN 7 AND 8)::int AS passives,
            count(*) FILTER (WHERE f.recommend <= 6)::int AS detractors
          FROM follow_ups f WHERE ${answered(window)} GROUP BY 1, 2`;
  },
};

function objectivesMet(role: 'learner' | 'supervisor'): ValueMeasure {
  const who = role === 'learner' ? 'learners' : 'supervisors';
  const mine = sql`f.respondent_role = ${role}`;
  return {
    key: `objectives-met-${role}`,
    title: `Objectives met, as ${who} see them`,
    group: 'learning',
    kind: 'share',
    better: 'higher',
    counted: 'objective ratings',
    definition: `Of the objectives ${who} rated in follow-ups answered in the period, the share rated "met" (the rest were "partly" or "not met"). Each objective of each answered form counts once; the business unit is the learner's.`,
    events: ['follow-up answered (AF-4)'],
    splits: { businessUnit: true, goal: false },
    tally: async (db, window) => queryTallies(db, tallyQueries.objectivesMet(role, window, await dayTalliesCover(db, window))),
    records: {
      columns: [
        { key: 'answered', label: 'Answered' },
        { key: 'course', label: 'Course' },
        { key: 'session', label: 'Session' },
        { key: 'businessUnit', label: 'Business unit' },
        { key: 'objective', label: 'Objective' },
        { key: 'rating', label: 'Rating' },
      ],
      async list(db, window, page) {
        const from = sql`FROM follow_ups f JOIN follow_up_answers a ON a.follow_up_id = f.id
          JOIN course_objectives o ON o.id = a.objective_id ${recordJoins}
          WHERE ${answered(window, mine)}`;
        const [total, result] = await Promise.all([
          queryTotal(db, sql`SELECT count(*)::int AS total ${from}`),
          db.execute(sql`SELECT ${dayOf(sql`f.answered_at`, window)} AS answered, c.id AS course_id, c.title AS course, ${dayOf(sql`s.starts_at`, window)} AS session,
              u.name AS unit, o.text AS objective, a.rating
            ${from} ORDER BY f.answered_at, f.id, o.position LIMIT ${page.limit} OFFSET ${page.offset}`),
        ]);
        return {
          total,
          rows: rowsOf(result).map((r) => ({
            cells: { answered: str(r.answered), course: str(r.course), session: str(r.session) ?? 'Self-paced', businessUnit: str(r.unit) ?? 'No business unit', objective: str(r.objective), rating: ratingLabel(str(r.rating)) },
            href: `/courses/${String(r.course_id)}/effectiveness`,
          })),
        };
      },
    },
  };
}

const recommendation: ValueMeasure = {
  key: 'nps',
  title: 'Net promoter score',
  group: 'learning',
  kind: 'nps',
  better: 'higher',
  counted: 'answers',
  definition:
    'From the follow-up question "How likely are you to recommend this course to a colleague?" (0–10) answered in the period: promoters (9–10) minus detractors (0–6), as a share of all answers, from −100 to 100. Passives (7–8) count only in the total. Learners and supervisors both answer; the business unit is the learner\'s.',
  events: ['follow-up answered (AF-4)'],
  splits: { businessUnit: true, goal: false },
  breakdown: { title: 'By who answered', groups: roleGroups },
  tally: async (db, window) => queryTallies(db, tallyQueries.recommendation(window, await dayTalliesCover(db, window))),
  records: {
    columns: [
      { key: 'answered', label: 'Answered' },
      { key: 'course', label: 'Course' },
      { key: 'session', label: 'Session' },
      { key: 'businessUnit', label: 'Business unit' },
      { key: 'role', label: 'Answered by' },
      { key: 'score', label: 'Score (0–10)' },
      { key: 'category', label: 'Category' },
    ],
    async list(db, window, page) {
      const from = sql`FROM follow_ups f ${recordJoins} WHERE ${answered(window)}`;
      const [total, result] = await Promise.all([
        queryTotal(db, sql`SELECT count(*)::int AS total ${from}`),
        db.execute(sql`SELECT ${dayOf(sql`f.answered_at`, window)} AS answered, c.id AS course_id, c.title AS course, ${dayOf(sql`s.starts_at`, window)} AS session,
            u.name AS unit, f.respondent_role AS role, f.recommend
          ${from} ORDER BY f.answered_at, f.id LIMIT ${page.limit} OFFSET ${page.offset}`),
      ]);
      return {
        total,
        rows: rowsOf(result).map((r) => {
          const score = Number(r.recommend);
          return {
            cells: {
              answered: str(r.answered),
              course: str(r.course),
              session: str(r.session) ?? 'Self-paced',
              businessUnit: str(r.unit) ?? 'No business unit',
              role: r.role === 'learner' ? 'Learner' : 'Supervisor',
              score,
              category: score >= 9 ? 'Promoter' : score >= 7 ? 'Passive' : 'Detractor',
            },
            href: `/courses/${String(r.course_id)}/effectiveness`,
          };
        }),
      };
    },
  },
};

const str = (value: unknown): string | null => (value == null ? null : String(value));
const ratingLabel = (rating: string | null) => (rating === 'met' ? 'Met' : rating === 'partly' ? 'Partly' : rating === 'not_met' ? 'Not met' : rating);

export const effectivenessMeasures: readonly ValueMeasure[] = [objectivesMet('learner'), objectivesMet('supervisor'), recommendation];

