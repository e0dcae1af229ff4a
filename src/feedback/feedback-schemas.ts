import { z } from 'zod';
import { emailSchema } from '../platform/http/common-schemas';
import { fileUploads, storedFileView, type FilePolicy } from '../platform/files/file-schemas';
import { subjectClockView } from '../service-levels/subject-clock-view';
import { feedbackCategories, feedbackEventTypes, feedbackKinds, feedbackStatuses } from './schema';

// Shared by the feedback pages' forms and the server's checks (FB-1).

/** A screenshot, a photo, a scanned letter or a note: up to 3 files of 5 MB. */
export const feedbackFilePolicy: FilePolicy = { kinds: ['pdf', 'png', 'jpeg', 'text'], maxBytes: 5 * 1024 * 1024, maxFiles: 3 };

export const feedbackCategoryLabels: Record<(typeof feedbackCategories)[number], string> = {
  certificate: 'Certificates',
  'course-content': 'Course content',
  instructor: 'An instructor',
  'session-logistics': 'Rooms, times and logistics',
  enrolment: 'Enrolment and approvals',
  communication: 'Communication from the unit',
  service: 'The unit’s service',
  other: 'Something else',
};

const text = (what: string, max: number) =>
  z.string().trim().min(1, `Write ${what}.`).max(max, `This is too long (${max.toLocaleString('en')} characters at most).`);

export const submitFeedbackInput = z
  .object({
    kind: z.enum(feedbackKinds, 'Say whether something went wrong or right.'),
    category: z.enum(feedbackCategories, 'Choose what it is about.'),
    about: z.string().trim().max(200, 'This is too long (200 characters at most).').default(''),
    body: text('what happened', 5000),
    anonymous: z.boolean('Say whether to send it anonymously.'),
    // Only for a named sender who is not signed in: where the answer goes.
    name: z.string().trim().min(1, 'Give your name, or send it anonymously.').max(200, 'Name is too long.').optional(),
    email: emailSchema.optional(),
    attachments: fileUploads(feedbackFilePolicy),
  })
  .superRefine((value, ctx) => {
    if (value.anonymous && (value.name || value.email)) ctx.addIssue({ code: 'custom', path: ['anonymous'], message: 'An anonymous message cannot carry a name or an e-mail; remove them or send it named.' });
  });
export type SubmitFeedbackInput = z.infer<typeof submitFeedbackInput>;

export const feedbackReceipt = z
  .object({ id: z.uuid(), reference: z.string(), anonymous: z.boolean(), followToken: z.string(), acknowledgeDueAt: z.string().nullable() })
  .meta({ id: 'FeedbackReceipt' });
export type FeedbackReceipt = z.infer<typeof feedbackReceipt>;

export const followTokenParam = z.object({ token: z.string().min(20, 'This link is not complete.').max(100, 'This link is not valid.') });

export const acknowledgeFeedbackInput = z.object({
  ownerId: z.uuid('Choose who handles it.'),
  message: text('a word to the sender', 2000),
});
export const feedbackNoteInput = z.object({ note: text('the note', 5000) });
export const respondToFeedbackInput = z.object({ response: text('the response: what you found and what changes', 10000) });
export const closeFeedbackInput = z.object({ note: text('how the loop was closed with the sender', 2000) });
export const senderReplyInput = z.object({
  satisfied: z.boolean('Say whether this settles it for you.'),
  comment: z.string().trim().max(2000, 'This is too long (2,000 characters at most).').default(''),
});

export const listFeedbackQuery = z.object({
  status: z.enum(feedbackStatuses).optional(),
  category: z.enum(feedbackCategories).optional(),
});

const personName = z.object({ id: z.uuid(), name: z.string() });

export const feedbackView = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    kind: z.enum(feedbackKinds),
    category: z.enum(feedbackCategories),
    about: z.string(),
    body: z.string(),
    anonymous: z.boolean(),
    sender: z.object({ id: z.uuid().nullable(), name: z.string(), email: z.string() }).nullable(),
    status: z.enum(feedbackStatuses),
    owner: personName.nullable(),
    response: z.string().nullable(),
    senderSatisfied: z.boolean().nullable(),
    receivedAt: z.string(),
    acknowledgedAt: z.string().nullable(),
    respondedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    events: z.array(z.object({ id: z.uuid(), type: z.enum(feedbackEventTypes), actor: personName.nullable(), text: z.string(), internal: z.boolean(), at: z.string() })),
    attachments: z.array(storedFileView),
    clocks: z.array(subjectClockView),
  })
  .meta({ id: 'Feedback' });
export type FeedbackView = z.infer<typeof feedbackView>;

export const feedbackTrendQuery = z.object({ months: z.coerce.number().int().min(1, 'At least 1 month.').max(36, 'At most 36 months.').default(12) });
export const feedbackTrendView = z
  .object({
    months: z.array(z.string()),
    rows: z.array(z.object({ month: z.string(), category: z.enum(feedbackCategories), kind: z.enum(feedbackKinds), count: z.number().int() })),
  })
  .meta({ id: 'FeedbackTrend' });
export type FeedbackTrendView = z.infer<typeof feedbackTrendView>;
