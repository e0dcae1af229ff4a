import { z } from 'zod';
import { subjectClockView } from '../service-levels/subject-clock-view';
import { problemKinds, problemStates } from './development-values';

// Problem reports and questions about a course after its release (DV-4): the form on the course
// page, the unit's queue and the answer share these.

export const reportProblemInput = z.object({
  kind: z.enum(problemKinds, 'Choose what kind of problem it is, or that it is a question.'),
  description: z.string().trim().min(10, 'Describe the problem in a sentence or two: where in the course, and what is wrong.').max(5000, 'The description is too long (5,000 characters at most).'),
});
export type ReportProblemInput = z.input<typeof reportProblemInput>;

export const triageProblemInput = z.object({ ownerId: z.uuid('Choose who answers it.') });
export const answerProblemInput = z.object({ answer: z.string().trim().min(1, 'Write the answer to the reporter.').max(5000, 'The answer is too long (5,000 characters at most).') });
export type AnswerProblemInput = z.input<typeof answerProblemInput>;
export const fixProblemInput = z.object({
  revision: z.number('Give the course revision that fixes it.').int('The revision is a whole number.').min(1, 'The revision is a whole number from 1.').max(2_147_483_647, 'No course has that many revisions.'),
  note: z.string().trim().max(2000, 'The note is too long (2,000 characters at most).').default(''),
});
export type FixProblemInput = z.input<typeof fixProblemInput>;

export const problemListQuery = z.object({ state: z.enum(['open', 'all'], 'Choose open or all.').default('open') });

const personRef = z.object({ id: z.uuid(), name: z.string() });

export const problemReportView = z
  .object({
    id: z.uuid(),
    course: z.object({ id: z.uuid(), code: z.string(), title: z.string() }),
    reporter: personRef,
    kind: z.enum(problemKinds),
    description: z.string(),
    state: z.enum(problemStates),
    owner: personRef.nullable(),
    answer: z.string().nullable(),
    answeredBy: personRef.nullable(),
    answeredAt: z.string().nullable(),
    fixedRevision: z.number().int().nullable(),
    fixNote: z.string().nullable(),
    fixedAt: z.string().nullable(),
    createdAt: z.string(),
    /** The reader may triage, answer and fix it. */
    canHandle: z.boolean(),
    /** The charter's "courseware problem report answered" clock (DV-4). */
    clocks: z.array(subjectClockView),
  })
  .meta({ id: 'ProblemReport' });
export type ProblemReportView = z.infer<typeof problemReportView>;

export const problemListView = z.object({ items: z.array(problemReportView) });

/** Recurring problems on one course: how many of each kind, and how many are still open (DV-4). */
export const courseProblemSummary = z
  .object({
    courseId: z.uuid(),
    byKind: z.array(z.object({ kind: z.enum(problemKinds), total: z.number().int(), open: z.number().int() })),
    items: z.array(problemReportView),
  })
  .meta({ id: 'CourseProblemSummary' });
export type CourseProblemSummary = z.infer<typeof courseProblemSummary>;
