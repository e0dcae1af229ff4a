import { z } from 'zod';
import { courseFormats } from '../catalog/catalog-values';
import { digestFrequencies, ONE_CLICK_FIELD, ONE_CLICK_VALUE } from './marketing-values';

// Shared by the "My interests" page and the server's checks (CA-6).

const frequency = z.enum(digestFrequencies, 'Choose weekly or monthly.');

export const digestPreferencesInput = z
  .object({
    subscribed: z.boolean('Say whether you want the digest.'),
    frequency,
    interestIds: z
      .array(z.uuid('Must be a valid id.'))
      .max(50, 'At most 50 interests.')
      .refine((ids) => new Set(ids).size === ids.length, 'Each interest once.')
      .meta({ uniqueItems: true })
      .default([]),
  })
  .superRefine((value, ctx) => {
    // Opt-in only (decision 015): a digest about nothing in particular is the "more training" default we refuse.
    if (value.subscribed && value.interestIds.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['interestIds'], message: 'Choose at least one interest: the digest lists only what matches the interests you choose.' });
    }
  });
export type DigestPreferencesInput = z.infer<typeof digestPreferencesInput>;

export const digestPreferencesView = z
  .object({
    subscribed: z.boolean(),
    frequency: z.enum(digestFrequencies),
    interestIds: z.array(z.uuid()),
    optedInAt: z.string().nullable(),
    stoppedAt: z.string().nullable(),
    lastSentAt: z.string().nullable(),
    /** The UTC day of the morning run (07:00 UTC) that will consider the person next; null when stopped. */
    nextDigestOn: z.string().nullable(),
  })
  .meta({ id: 'DigestPreferences' });
export type DigestPreferencesView = z.infer<typeof digestPreferencesView>;

/** Interest ids as a URL carries them: comma-separated (`?interests=a,b`); an empty value means none. */
const interestIdList = z
  .string()
  .max(2000, 'Too many interests.')
  .transform((text, ctx) => {
    const ids = text.split(',').map((s) => s.trim()).filter(Boolean);
    if (ids.some((id) => !z.uuid().safeParse(id).success)) {
      ctx.addIssue({ code: 'custom', message: 'Give interest ids separated by commas.' });
      return z.NEVER;
    }
    return [...new Set(ids)];
  });

/** What the next digest would hold for the saved choice, or for the choice being made on the page. */
export const digestPreviewQuery = z.object({
  frequency: frequency.optional(),
  interests: interestIdList.optional(),
});
export type DigestPreviewQuery = z.infer<typeof digestPreviewQuery>;

const previewCourse = z.object({
  id: z.uuid(),
  code: z.string(),
  title: z.string(),
  summary: z.string(),
  format: z.enum(courseFormats),
  durationMinutes: z.number().int(),
  publishedAt: z.string(),
});

const previewSession = z.object({
  id: z.uuid(),
  course: previewCourse.pick({ id: true, code: true, title: true }),
  startsAt: z.string(),
  endsAt: z.string(),
  timeZone: z.string(),
  /** The session's times in its own zone, as the digest words them. */
  when: z.string(),
  language: z.string(),
  place: z.string().nullable(),
  online: z.boolean(),
  seatsLeft: z.number().int(),
  enrolmentDeadline: z.string(),
});

export const digestPreviewView = z
  .object({
    frequency: z.enum(digestFrequencies),
    interestIds: z.array(z.uuid()),
    newSince: z.string(),
    upcomingUntil: z.string(),
    newCourses: z.array(previewCourse),
    upcomingSessions: z.array(previewSession),
    moreNewCourses: z.number().int(),
    moreUpcomingSessions: z.number().int(),
  })
  .meta({ id: 'DigestPreview' });
export type DigestPreviewView = z.infer<typeof digestPreviewView>;

export const unsubscribeParams = z.object({ token: z.string().max(200, 'This unsubscribe link is not valid.') });

/** RFC 8058: the mail client POSTs `List-Unsubscribe=One-Click` (form-encoded or multipart); the page sends the same as JSON. */
export const oneClickBody = z.object({
  [ONE_CLICK_FIELD]: z.literal(ONE_CLICK_VALUE, `Send ${ONE_CLICK_FIELD}=${ONE_CLICK_VALUE} (RFC 8058).`),
});

export const unsubscribeView = z
  .object({
    subscribed: z.boolean(),
    /** The address, partly hidden: whoever holds the link sees whose digest it is, not the whole address. */
    email: z.string(),
    frequency: z.enum(digestFrequencies),
    interests: z.array(z.string()),
  })
  .meta({ id: 'DigestUnsubscribe' });
export type UnsubscribeView = z.infer<typeof unsubscribeView>;

export const unsubscribeOutcome = unsubscribeView
  .extend({
    /** True when the digest was already stopped: nothing changed, and that is fine. */
    alreadyUnsubscribed: z.boolean(),
  })
  .meta({ id: 'DigestUnsubscribeOutcome' });
export type UnsubscribeOutcome = z.infer<typeof unsubscribeOutcome>;
