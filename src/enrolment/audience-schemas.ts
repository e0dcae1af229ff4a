import { z } from 'zod';
import { fitRules, prerequisiteAnswers, priorExperienceLevels } from './audience-values';

// The pre-event audience analysis at the edge (CA-4): the questions an application asks, the
// supervisor's expectations, and what a page shows of them. Shared by the pages and the server.

const tooLong = (what: string, max: number) => `${what} is too long (${max.toLocaleString('en')} characters at most).`;

/** What the supervisor expects the person to do differently afterwards; empty is none. */
export const expectationsField = z
  .string()
  .trim()
  .max(1000, tooLong('The expectations', 1000))
  .optional()
  .describe('What the supervisor expects the person to do differently after the course (CA-4).');

/** The learner's answers, asked when they apply (and afterwards in My learning, if put down by someone else). */
export const audienceAnswersInput = z.object({
  role: z.string().trim().max(200, tooLong('The role', 200)).optional().describe('Their role or job, in their words; prefill it with the job title. Left out or empty: the job title.'),
  reason: z
    .string('Say why you want to attend.')
    .trim()
    .min(1, 'Say why you want to attend: what should you be able to do afterwards?')
    .max(1000, tooLong('The reason', 1000)),
  priorExperience: z.enum(priorExperienceLevels, 'Choose how much you have done this before: none, some or a lot.'),
  priorExperienceNote: z.string().trim().max(1000, tooLong('The note on your experience', 1000)).optional(),
  selfRatedLevel: z.int('Rate yourself from 1 (new to it) to 5 (could teach it).').min(1, 'Rate yourself from 1 to 5.').max(5, 'Rate yourself from 1 to 5.'),
  meetsPrerequisites: z
    .enum(prerequisiteAnswers, 'Choose yes, partly or no.')
    .optional()
    .describe('“I meet the prerequisites”: required when the course names prerequisites, ignored otherwise.'),
});
export type AudienceAnswersInput = z.infer<typeof audienceAnswersInput>;

/** A nomination's part of the analysis: the nominating supervisor's expectations (the learner answers later). */
export const nominationAudienceInput = z.object({ expectations: expectationsField });

export const redirectInput = z.object({
  toSessionId: z.uuid('Choose the session to move them to.'),
  message: z
    .string('Tell the learner why.')
    .trim()
    .min(1, 'Tell the learner why this offering suits them better; the message is mailed to them and their supervisor.')
    .max(2000, tooLong('The message', 2000)),
});
export type RedirectInput = z.infer<typeof redirectInput>;

const ref = z.object({ id: z.uuid(), name: z.string() });

export const fitFlagView = z.object({
  rule: z.enum(fitRules),
  label: z.string().describe('The rule’s name, for a badge or a summary.'),
  explanation: z.string().describe('Why it was raised, in a sentence.'),
  raisedAt: z.string(),
});

export const audienceView = z
  .object({
    answers: z
      .object({
        role: z.string().nullable(),
        reason: z.string().nullable(),
        priorExperience: z.enum(priorExperienceLevels),
        priorExperienceNote: z.string().nullable(),
        selfRatedLevel: z.number().int().min(1).max(5),
        meetsPrerequisites: z.enum(prerequisiteAnswers).nullable(),
        answeredBy: ref.nullable(),
        answeredAt: z.string(),
      })
      .nullable()
      .describe('Null until the learner answers (a nomination, or an application made before the questions).'),
    expectations: z.object({ text: z.string(), by: ref.nullable(), at: z.string() }).nullable().describe('The supervisor’s expectations, given on nomination or approval.'),
    flags: z
      .array(fitFlagView)
      .nullable()
      .describe('The fit check’s flags (never a refusal): for coordinators, the session’s instructor and the learner’s supervisors; null for the learner.'),
    checkedAt: z.string().describe('When the fit was last checked.'),
  })
  .meta({ id: 'EnrolmentAudience' });
export type AudienceView = z.infer<typeof audienceView>;
