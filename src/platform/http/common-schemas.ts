import { z } from 'zod';

export const uuidParam = z.object({ id: z.uuid('Must be a valid id.') });

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
}

export const isoDate = z.iso.datetime({ offset: true });

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneSchema = z.string().trim().min(1, 'Time zone is required.').refine(isTimeZone, 'Unknown time zone; use an IANA name such as Europe/Paris.');
export const localeSchema = z.string().trim().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'Use a locale such as en or fr-CA.');
export const emailSchema = z.string().trim().toLowerCase().max(254, 'E-mail is too long.').pipe(z.email('Enter a valid e-mail address.'));

/** A day of the calendar as YYYY-MM-DD, years 1900–2999; "2026-02-30" is a field error, not a 500. */
export const calendarDate = (what: string) =>
  z
    .string(`Give the ${what} as YYYY-MM-DD.`)
    .regex(/^(19|2\d)\d{2}-\d{2}-\d{2}$/, `Give the ${what} as YYYY-MM-DD, a year from 1900 to 2999.`)
    .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), `The ${what} is not a day of the calendar.`);
