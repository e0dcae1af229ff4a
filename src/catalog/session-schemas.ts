import { z } from 'zod';
import { emailSchema, isTimeZone, timeZoneSchema } from '../platform/http/common-schemas';
import { approvalModes, sessionStatuses } from './catalog-values';
import { languageSchema } from './language-schema';
import { resolveDateTime } from './zoned-time';

/** Reminders 7 days and 1 day before, unless the coordinator sets another schedule (CA-5). */
export const DEFAULT_REMINDER_OFFSETS = [7 * 24 * 60, 24 * 60] as const;
/** The longest lead a reminder may have; the reminder job looks this far ahead. */
export const MAX_REMINDER_MINUTES = 30 * 24 * 60;

// Shared by the session editor (next) and the server's checks (CA-2). Times are typed the way a
// coordinator thinks of them — "09:00 on 3 June, Lisbon time" — or sent as instants with their
// offset; either way the server stores the instant and keeps the zone beside it.

const dateTimeMessage = 'Give a date and time such as 2026-06-03T09:00 (read in the session’s time zone), or an instant with its offset.';
const dateTime = z.union([z.iso.datetime({ offset: true }), z.iso.datetime({ local: true })], { error: dateTimeMessage });

const MAX_SESSION_DAYS = 31;

const sessionFields = {
  startsAt: dateTime,
  endsAt: dateTime,
  timeZone: timeZoneSchema,
  /** One of the course's languages; the course's first when left out. */
  language: languageSchema.optional(),
  place: z.string().trim().min(1, 'Say where the session takes place.').max(300, 'The place is too long (300 characters at most).').nullable().optional(),
  joinUrl: z
    .url({ protocol: /^https$/, hostname: z.regexes.domain, error: 'The join link is a web address starting with https://.' })
    .max(2000, 'The join link is too long.')
    .nullable()
    .optional(),
  instructorId: z.uuid('Choose the instructor.').nullable().optional(),
  externalInstructor: z
    .object({ name: z.string().trim().min(1, 'Give the external instructor’s name.').max(200, 'The name is too long.'), email: emailSchema })
    .nullable()
    .optional(),
  capacity: z.number('The capacity is a number of seats.').int('The capacity is a whole number of seats.').min(1, 'The capacity is at least one seat.').max(10_000, 'The capacity is at most 10,000 seats.'),
  /** The last moment to enrol; the start when left out. */
  enrolmentDeadline: dateTime.nullable().optional(),
  approvalMode: z.enum(approvalModes, 'Choose none, supervisor or coordinator.').default('none'),
  /** Minutes before the start each reminder goes (CA-5); 7 days and 1 day when left out, none when empty. */
  reminderOffsetsMinutes: z
    .array(
      z
        .number('A reminder is a number of minutes before the start.')
        .int('A reminder is a whole number of minutes before the start.')
        .min(60, 'A reminder goes at least an hour before the start.')
        .max(MAX_REMINDER_MINUTES, 'A reminder goes at most 30 days before the start.'),
    )
    .max(5, 'Five reminders at most; more would be noise.')
    .refine((offsets) => new Set(offsets).size === offsets.length, 'Each reminder once: two at the same time would be one message twice.')
    .default([...DEFAULT_REMINDER_OFFSETS]),
};

type SessionTimes = { startsAt: string; endsAt: string; timeZone: string; enrolmentDeadline?: string | null | undefined; instructorId?: string | null | undefined; externalInstructor?: unknown };

/** The instants a session's times name in its zone, or why they do not. */
export function sessionInstants(value: SessionTimes): { startsAt?: Date; endsAt?: Date; enrolmentDeadline?: Date; errors: { field: string; message: string }[] } {
  const errors: { field: string; message: string }[] = [];
  const out: { startsAt?: Date; endsAt?: Date; enrolmentDeadline?: Date } = {};
  for (const field of ['startsAt', 'endsAt', 'enrolmentDeadline'] as const) {
    const raw = value[field];
    if (!raw) continue;
    const resolved = resolveDateTime(raw, value.timeZone);
    if (!resolved.ok) {
      errors.push({ field, message: resolved.reason === 'skipped' ? `That time does not exist in ${value.timeZone} that day (the clocks go forward); choose another.` : dateTimeMessage });
    } else if (resolved.instant.getUTCFullYear() < 2000 || resolved.instant.getUTCFullYear() > 2199) {
      errors.push({ field, message: 'Give a date between the years 2000 and 2199.' });
    } else {
      out[field] = resolved.instant;
    }
  }
  if (out.startsAt && out.endsAt) {
    if (out.endsAt <= out.startsAt) errors.push({ field: 'endsAt', message: 'The session ends after it starts.' });
    else if (out.endsAt.getTime() - out.startsAt.getTime() > MAX_SESSION_DAYS * 86_400_000) errors.push({ field: 'endsAt', message: `A session lasts at most ${MAX_SESSION_DAYS} days; schedule a longer programme as several sessions.` });
  }
  if (out.startsAt && out.enrolmentDeadline && out.enrolmentDeadline > out.startsAt) {
    errors.push({ field: 'enrolmentDeadline', message: 'The enrolment deadline is at or before the start.' });
  }
  return { ...out, errors };
}

function checkSession(value: SessionTimes, ctx: z.RefinementCtx): void {
  if (isTimeZone(value.timeZone)) {
    for (const error of sessionInstants(value).errors) ctx.addIssue({ code: 'custom', path: [error.field], message: error.message });
  }
  if (value.instructorId && value.externalInstructor) {
    ctx.addIssue({ code: 'custom', path: ['externalInstructor'], message: 'Choose an in-house instructor or an external one, not both.' });
  }
}

export const sessionInput = z.object(sessionFields).superRefine(checkSession);
export type SessionInput = z.infer<typeof sessionInput>;

const sequenceField = z.number('Send the sequence of the session you edited.').int('The sequence is a whole number.').min(0, 'The sequence is a whole number from 0.').max(2_147_483_647, 'No session has changed that often.');

export const updateSessionInput = z.object({ sequence: sequenceField, ...sessionFields }).superRefine(checkSession);
export type UpdateSessionInput = z.infer<typeof updateSessionInput>;

export const cancelSessionInput = z.object({
  sequence: sequenceField,
  reason: z.string().trim().max(1000, 'The reason is too long (1,000 characters at most).').optional(),
});
export type CancelSessionInput = z.infer<typeof cancelSessionInput>;

export const sessionView = z
  .object({
    id: z.uuid(),
    courseId: z.uuid(),
    status: z.enum(sessionStatuses),
    startsAt: z.string().describe('The start as an instant (UTC).'),
    endsAt: z.string(),
    timeZone: z.string().describe('Where the session happens; show its local time and the viewer’s.'),
    startsLocal: z.string().describe('The start on the wall clock of the session’s time zone.'),
    endsLocal: z.string(),
    language: z.string(),
    place: z.string().nullable(),
    online: z.boolean().describe('Has a join link (sent to participants; shown to the catalog’s editors).'),
    joinUrl: z.string().nullable(),
    instructor: z.object({ id: z.uuid().nullable(), name: z.string(), external: z.boolean(), email: z.string().nullable() }).nullable(),
    capacity: z.number().int(),
    enrolmentDeadline: z.string(),
    approvalMode: z.enum(approvalModes),
    reminderOffsetsMinutes: z.array(z.number().int()).describe('Minutes before the start each reminder goes.'),
    sequence: z.number().int(),
    cancelledAt: z.string().nullable(),
    cancellationReason: z.string().nullable(),
  })
  .meta({ id: 'CourseSession' });
export type SessionView = z.infer<typeof sessionView>;
