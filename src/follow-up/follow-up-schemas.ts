import { z } from 'zod';
import { objectiveRatings, respondentRoles } from './follow-up-values';

// The follow-up form's edges (AF-4): the same schemas check the answers in the browser and on the
// server, and describe them in the OpenAPI document.

export const COMMENT_MAX = 4000;
export const EXAMPLE_MAX = 2000;

export const followUpTokenParam = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'This follow-up link is incomplete; open it again from the mail, whole.'),
});

export const followUpState = z.enum(['open', 'answered', 'closed']);

/** What the respondent sees: the course, the session, whose learning it is, and the objectives to rate. */
export const followUpFormView = z.object({
  id: z.uuid(),
  role: z.enum(respondentRoles),
  state: followUpState,
  course: z.object({ code: z.string(), title: z.string() }),
  /** The session's start, in its zone; null for self-paced e-learning. */
  session: z.object({ startsAt: z.string(), timeZone: z.string() }).nullable(),
  /** The learner's name: the supervisor answers about them. */
  learnerName: z.string(),
  objectives: z.array(z.object({ id: z.uuid(), text: z.string() })),
  /** The instructor sees the answers without the respondent's name. */
  anonymousToInstructor: z.boolean(),
  closesAt: z.string(),
  answeredAt: z.string().nullable(),
});
export type FollowUpFormView = z.infer<typeof followUpFormView>;

export const followUpAnswerInput = z.object({
  answers: z
    .array(
      z.object({
        objectiveId: z.uuid('Give the objective’s id.'),
        rating: z.enum(objectiveRatings, 'Choose met, partly or not met.'),
        example: z.string().trim().max(EXAMPLE_MAX, `Keep the example under ${EXAMPLE_MAX.toLocaleString('en')} characters.`).optional(),
      }),
    )
    .max(200, 'Too many answers.'),
  recommend: z.number('Choose a number from 0 to 10.').int('Choose a whole number from 0 to 10.').min(0, 'Choose a number from 0 to 10.').max(10, 'Choose a number from 0 to 10.'),
  comment: z.string().trim().max(COMMENT_MAX, `Keep the comment under ${COMMENT_MAX.toLocaleString('en')} characters.`).optional(),
});
export type FollowUpAnswerInput = z.infer<typeof followUpAnswerInput>;

export const followUpAnsweredView = z.object({
  id: z.uuid(),
  answeredAt: z.string(),
  /** Objectives reported not met: the unit's coordinator gets in touch about them (AF-5). */
  notMetCount: z.number().int(),
});
export type FollowUpAnsweredView = z.infer<typeof followUpAnsweredView>;

export const myFollowUpsView = z.array(
  z.object({
    id: z.uuid(),
    role: z.enum(respondentRoles),
    state: followUpState,
    course: z.object({ code: z.string(), title: z.string() }),
    learnerName: z.string(),
    openedAt: z.string(),
    closesAt: z.string(),
    answeredAt: z.string().nullable(),
  }),
);
export type MyFollowUpsView = z.infer<typeof myFollowUpsView>;

const rate = z.object({ sent: z.number().int(), answered: z.number().int() });

/** The answers for staff: per response, ratings by objective; names only where the caller may know them. */
export const followUpAnswersView = z.object({
  course: z.object({ id: z.uuid(), code: z.string(), title: z.string() }),
  objectives: z.array(z.object({ id: z.uuid(), text: z.string(), removed: z.boolean() })),
  /** True when some responses are shown without who gave them (the caller is the instructor). */
  namesHidden: z.boolean(),
  rates: z.object({ learner: rate, supervisor: rate }),
  responses: z.array(
    z.object({
      role: z.enum(respondentRoles),
      respondent: z.object({ id: z.uuid(), name: z.string() }).nullable(),
      learner: z.object({ id: z.uuid(), name: z.string() }).nullable(),
      ratings: z.array(z.object({ objectiveId: z.uuid(), rating: z.enum(objectiveRatings), example: z.string().nullable() })),
      recommend: z.number().int(),
      comment: z.string().nullable(),
    }),
  ),
});
export type FollowUpAnswersView = z.infer<typeof followUpAnswersView>;
