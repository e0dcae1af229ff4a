import { z } from 'zod';
import { subjectClockView } from '../service-levels/subject-clock-view';
import { emailSchema, isoDate } from '../platform/http/common-schemas';
import { questionChannels, questionStatuses } from './schema';

// Shared by the question pages' forms (next) and the server's checks (IN-1).
const subject = z.string().trim().min(1, 'Say what the question is about.').max(200, 'The subject is too long (200 characters at most).');
const body = z.string().trim().min(1, 'Write the question.').max(10000, 'The question is too long (10,000 characters at most).');

export const askQuestionInput = z.object({ subject, body });
export type AskQuestionInput = z.infer<typeof askQuestionInput>;

// Someone without an account (a contractor, a new hire before their account exists) asks on the
// public form: the answer goes to the e-mail they give.
export const guestQuestionInput = z.object({
  name: z.string().trim().min(1, 'Say who you are, so the answer can greet you.').max(200, 'Name is too long.'),
  email: emailSchema,
  subject,
  body,
});
export type GuestQuestionInput = z.infer<typeof guestQuestionInput>;

/** What a guest learns back: their reference and when the unit promises a first answer. */
export const guestQuestionReceipt = z
  .object({ reference: z.string(), subject: z.string(), askedAt: z.string(), firstResponseDueAt: z.string().nullable(), firstResponseTarget: z.string().nullable() })
  .meta({ id: 'GuestQuestionReceipt' });
export type GuestQuestionReceipt = z.infer<typeof guestQuestionReceipt>;

export const logQuestionInput = z
  .object({
    channel: z.enum(['email', 'phone'], 'Say whether the contact came by e-mail or by phone.'),
    askerId: z.uuid('Must be a valid id.').optional(),
    askerName: z.string().trim().min(1, 'Name is required.').max(200, 'Name is too long.').optional(),
    askerEmail: emailSchema.optional(),
    askedAt: isoDate.optional(),
    subject,
    body,
  })
  .superRefine((value, ctx) => {
    if (value.askerId) return;
    if (!value.askerName) ctx.addIssue({ code: 'custom', path: ['askerName'], message: 'Choose the person, or give the name of someone without an account.' });
    if (!value.askerEmail) ctx.addIssue({ code: 'custom', path: ['askerEmail'], message: 'Choose the person, or give the e-mail the answer goes to.' });
  });
export type LogQuestionInput = z.infer<typeof logQuestionInput>;

export const listQuestionsQuery = z.object({
  status: z.enum(questionStatuses).optional(),
  channel: z.enum(questionChannels).optional(),
  assigneeId: z.uuid('Must be a valid id.').optional(),
});
export type ListQuestionsQuery = z.infer<typeof listQuestionsQuery>;

export const assignQuestionInput = z.object({ assigneeId: z.uuid('Must be a valid id.').nullable() });
export const answerQuestionInput = z.object({ body: z.string().trim().min(1, 'Write the answer.').max(20000, 'The answer is too long (20,000 characters at most).') });

const personName = z.object({ id: z.uuid(), name: z.string() });

export const questionMessageView = z.object({ id: z.uuid(), author: personName.nullable(), body: z.string(), at: z.string() });

export const questionView = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    channel: z.enum(questionChannels),
    status: z.enum(questionStatuses),
    subject: z.string(),
    body: z.string(),
    asker: z.object({ id: z.uuid().nullable(), name: z.string(), email: z.string() }),
    businessUnitId: z.uuid().nullable(),
    assignee: personName.nullable(),
    loggedBy: personName.nullable(),
    askedAt: z.string(),
    createdAt: z.string(),
    messages: z.array(questionMessageView),
    clocks: z.array(subjectClockView),
  })
  .meta({ id: 'Question' });
export type QuestionView = z.infer<typeof questionView>;
