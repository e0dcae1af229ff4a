import { z } from 'zod';
import { supportCaseStates, supportOptions } from '../support/support-values';

// The effectiveness view's query and answer (AF-7). Aggregates only: no respondent, learner or
// comment is ever part of it, so a unit's "anonymous to the instructor" choice (AF-4) holds here
// too. The same schemas drive the pages and the OpenAPI document.

const MAX_PERIOD_DAYS = 5 * 366;
const DAY = 86_400_000;

// A calendar day; year 0 and the like pass the ISO pattern but not PostgreSQL's date type.
const day = (message: string) => z.iso.date(message).refine((d) => d >= '1900-01-01', 'Give a day from 1900 on.');

/** A period on completion dates, both ends optional; days are the unit's (settings time zone). */
export const effectivenessQuery = z
  .object({
    from: day('Give the first day as YYYY-MM-DD.').optional().describe('First completion day counted (YYYY-MM-DD), in the unit’s time zone'),
    to: day('Give the last day as YYYY-MM-DD.').optional().describe('Last completion day counted, included'),
  })
  .superRefine((query, ctx) => {
    if (!query.from || !query.to) return;
    const days = (Date.parse(query.to) - Date.parse(query.from)) / DAY;
    if (days < 0) ctx.addIssue({ code: 'custom', path: ['to'], message: 'The period must end on or after its first day.' });
    else if (days > MAX_PERIOD_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: 'A period covers at most five years; choose a shorter one.' });
  });
export type EffectivenessQuery = z.infer<typeof effectivenessQuery>;

/** The list page's period: required there, since "courses with completions" needs one. */
export const effectivenessListQuery = z
  .object({ from: day('Give the first day as YYYY-MM-DD.'), to: day('Give the last day as YYYY-MM-DD.') })
  .superRefine((query, ctx) => {
    const days = (Date.parse(query.to) - Date.parse(query.from)) / DAY;
    if (days < 0) ctx.addIssue({ code: 'custom', path: ['to'], message: 'The period must end on or after its first day.' });
    else if (days > MAX_PERIOD_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: 'A period covers at most five years; choose a shorter one.' });
  });
export type EffectivenessListQuery = z.infer<typeof effectivenessListQuery>;

const count = z.number().int().min(0);
/** A whole percentage, null when there is nothing to divide by. */
const percent = z.number().int().min(0).max(100).nullable();

export const ratingCounts = z.object({
  met: count,
  partly: count,
  notMet: count,
  total: count,
  /** Shares of `total`, whole percentages (null when no one answered). */
  metPercent: percent,
  partlyPercent: percent,
  notMetPercent: percent,
});
export type RatingCounts = z.infer<typeof ratingCounts>;

export const objectiveFigures = z.object({
  id: z.uuid(),
  position: z.number().int(),
  text: z.string(),
  /** Taken out of the course since; shown because someone answered about it. */
  removed: z.boolean(),
  learner: ratingCounts,
  supervisor: ratingCounts,
});
export type ObjectiveFigures = z.infer<typeof objectiveFigures>;

export const npsFigures = z.object({
  promoters: count,
  passives: count,
  detractors: count,
  answers: count,
  /** % promoters − % detractors, rounded half away from zero; null with no answers. */
  nps: z.number().int().min(-100).max(100).nullable(),
});
export type NpsFigures = z.infer<typeof npsFigures>;

export const responseRate = z.object({ opened: count, answered: count, percent });
export type ResponseRate = z.infer<typeof responseRate>;

export const effectivenessFigures = z.object({
  completions: z.object({ completed: count, noShow: count }),
  objectives: z.array(objectiveFigures),
  nps: z.object({ learner: npsFigures, supervisor: npsFigures, combined: npsFigures }),
  responses: z.object({ learner: responseRate, supervisor: responseRate }),
  supportCases: z.object({
    opened: count,
    byState: z.record(z.enum(supportCaseStates), count),
    byDecision: z.record(z.enum(supportOptions), count),
    undecided: count,
    /** Cases the coordinator answered with "no further training", with a reason (AF-5). */
    noFurtherTraining: count,
    closedWithOutcome: count,
  }),
  retentionPlans: z.object({ started: count, active: count, closed: count }),
  certificates: z.object({ issued: count, revoked: count }),
});
export type EffectivenessFigures = z.infer<typeof effectivenessFigures>;

export const sessionFiguresRow = z.object({
  id: z.uuid(),
  startsAt: z.iso.datetime({ offset: true }),
  timeZone: z.string(),
  instructor: z.string().nullable(),
  completed: count,
  noShow: count,
  /** Follow-ups answered, learner and supervisor together. */
  responses: count,
  opened: count,
  nps: z.number().int().min(-100).max(100).nullable(),
});
export type SessionFiguresRow = z.infer<typeof sessionFiguresRow>;

const courseRef = z.object({ id: z.uuid(), code: z.string(), title: z.string(), format: z.string() });

export const courseEffectivenessView = effectivenessFigures.extend({
  course: courseRef,
  /** "course": every session and self-paced enrolment; "instructor": only the caller's own sessions. */
  scope: z.enum(['course', 'instructor']),
  from: z.iso.date().nullable(),
  to: z.iso.date().nullable(),
  timeZone: z.string(),
  /** In date order, never by a score. */
  sessions: z.array(sessionFiguresRow),
});
export type CourseEffectivenessView = z.infer<typeof courseEffectivenessView>;

export const sessionEffectivenessView = effectivenessFigures.extend({
  course: courseRef,
  session: sessionFiguresRow.pick({ id: true, startsAt: true, timeZone: true, instructor: true }),
});
export type SessionEffectivenessView = z.infer<typeof sessionEffectivenessView>;

export const effectivenessCourseList = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  /** Alphabetical by title: a list to open, not a ranking. */
  courses: z.array(courseRef),
});
export type EffectivenessCourseList = z.infer<typeof effectivenessCourseList>;
