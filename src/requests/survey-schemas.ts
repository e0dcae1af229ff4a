import { z } from 'zod';
import { causeKinds } from './request-values';

// RQ-4, the two voices: a short questionnaire to a sample of the affected audience, answered in
// Stride through a mailed link, read beside the stakeholder's wants; the consultant reconciles them.

const optionalText = (max: number) => z.string().trim().max(max, `At most ${max.toLocaleString('en')} characters.`);
const text = (max: number, empty: string) => z.string().trim().min(1, empty).max(max, `At most ${max.toLocaleString('en')} characters.`);

/** A link stays open three weeks: long enough for shifts and leave, short enough to inform the diagnosis. */
export const SURVEY_OPEN_DAYS = 21;
export const MAX_SAMPLE = 60;
const DAY = 86_400_000;
/** The day an invitation's link stops answering. */
export const surveyClosesAt = (sentAt: Date) => new Date(sentAt.getTime() + SURVEY_OPEN_DAYS * DAY);

export const surveyInput = z.object({
  personIds: z
    .array(z.uuid('Choose people from the list.'))
    .min(1, 'Choose at least one person of the affected audience to ask.')
    .max(MAX_SAMPLE, `A sample of at most ${MAX_SAMPLE} people: the questionnaire is short and so is the sample.`)
    .refine((ids) => new Set(ids).size === ids.length, 'Each person once.'),
  /** A line from the consultant above the questions, e.g. why they are asked. */
  note: optionalText(1000).default(''),
});
export type SurveyInput = z.infer<typeof surveyInput>;

/** The confidence scale the questionnaire asks about (1: not at all, 5: fully). */
export const confidenceLabels = ['Not at all', 'A little', 'Somewhat', 'Mostly', 'Fully'] as const;

export const surveyAnswerInput = z.object({
  obstacles: text(2000, 'Say what gets in the way of doing this part of your work well.'),
  wouldHelp: text(2000, 'Say what would help you most.'),
  confidence: z.number('Choose how confident you feel today, from 1 to 5.').int('Choose 1 to 5.').min(1, 'Choose 1 to 5.').max(5, 'Choose 1 to 5.'),
  cause: z.enum(causeKinds, 'Choose the reason closest to your experience, or none.').nullable().default(null),
});
export type SurveyAnswerInput = z.infer<typeof surveyAnswerInput>;

export const surveyTokenParam = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'This questionnaire link is incomplete; open it again from the mail, whole.'),
});

/** What the person asked sees behind the link: the request's title, who asks, whether it is still open. */
export const surveyFormView = z.object({
  requestTitle: z.string(),
  personName: z.string(),
  askedBy: z.string(),
  state: z.enum(['open', 'answered', 'closed']),
  closesAt: z.string(),
  answeredAt: z.string().nullable(),
});
export type SurveyFormView = z.infer<typeof surveyFormView>;
export const surveyAnsweredView = z.object({ answeredAt: z.string() });

export const reconciliationInput = z.object({
  revision: z.number().int().min(1),
  stakeholderWants: optionalText(4000).default(''),
  reconciliation: text(8000, 'Write how the stakeholder’s wants and the learners’ realities fit together, and what follows for the diagnosis.'),
});
export type ReconciliationInput = z.infer<typeof reconciliationInput>;

/**
 * The two voices on the request page. `learners` is for the unit only (answers without names, and
 * who was asked): the requester is often the learners' manager, so they read the consultant's
 * reconciliation, not their people's words.
 */
export const twoVoicesView = z.object({
  stakeholderWants: z.string().nullable(),
  reconciliation: z.string().nullable(),
  learners: z
    .object({
      invites: z.array(z.object({ person: z.object({ id: z.uuid(), name: z.string() }), sentAt: z.string(), answeredAt: z.string().nullable(), closesAt: z.string() })),
      invited: z.number().int(),
      answered: z.number().int(),
      confidence: z.object({ mean: z.number().nullable(), counts: z.array(z.number().int()).length(5) }),
      causes: z.array(z.object({ cause: z.enum(causeKinds), count: z.number().int() })),
      obstacles: z.array(z.string()),
      wouldHelp: z.array(z.string()),
    })
    .nullable(),
  canSurvey: z.boolean(),
});
export type TwoVoicesView = z.infer<typeof twoVoicesView>;
