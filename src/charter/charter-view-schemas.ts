import { z } from 'zod';
import { roles } from '../platform/auth/roles';
import { paperSizes } from '../platform/pdf/page-geometry';
import { businessCalendarSchema } from '../service-levels/business-calendar-schema';
import { charterContentSchema } from './charter-schema';

// The same three statuses as the table (schema.ts), spelled here so pages can import this file
// without pulling in the database layer.
const charterStatusValues = ['draft', 'published', 'superseded'] as const;

// What the charter's HTTP API answers with. Input is `charterDraftSchema` (charter-schema.ts); the
// reading side names a service level's target and attribute match the way the page shows them.

export const charterServiceLevelView = z
  .object({
    key: z.string(),
    name: z.string(),
    description: z.string(),
    subjectType: z.string(),
    targetMinutes: z.number().int(),
    atRiskShare: z.number(),
    startEvent: z.string(),
    stopEvents: z.array(z.string()),
    pauseEvents: z.array(z.string()),
    resumeEvents: z.array(z.string()),
    match: z.record(z.string(), z.string()).nullable(),
    ownerRole: z.enum(roles),
  })
  .meta({ id: 'CharterServiceLevel' });

const personRef = z.object({ id: z.uuid(), name: z.string() }).nullable();

export const charterView = z
  .object({
    version: z.number().int(),
    status: z.enum(charterStatusValues),
    publishedAt: z.string().nullable(),
    publishedBy: personRef,
    changeSummary: z.string(),
    content: charterContentSchema,
    calendar: businessCalendarSchema,
    serviceLevels: z.array(charterServiceLevelView),
  })
  .meta({ id: 'Charter' });
export type CharterView = z.infer<typeof charterView>;

export const charterChangeAreas = ['content', 'calendar', 'service-level'] as const;

export const charterChange = z
  .object({
    area: z.enum(charterChangeAreas),
    key: z.string(),
    change: z.enum(['added', 'removed', 'changed']),
    label: z.string(),
    before: z.string().optional(),
    after: z.string().optional(),
  })
  .meta({ id: 'CharterChange' });
export type CharterChange = z.infer<typeof charterChange>;

export const charterVersionView = charterView.extend({ changes: z.array(charterChange) }).meta({ id: 'CharterVersion' });
export type CharterVersionView = z.infer<typeof charterVersionView>;

export const charterVersionSummary = z
  .object({
    version: z.number().int(),
    status: z.enum(charterStatusValues),
    publishedAt: z.string().nullable(),
    publishedBy: personRef,
    changeSummary: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'CharterVersionSummary' });
export type CharterVersionSummary = z.infer<typeof charterVersionSummary>;

// Versions are PostgreSQL integers: a larger number is simply not a version.
export const versionParam = z.object({
  version: z.coerce.number({ error: 'The version is a whole number from 1.' }).int('The version is a whole number from 1.').min(1, 'The version is a whole number from 1.').max(2_147_483_647, 'No charter has that many versions.'),
});

/** The charter as a PDF: A4 unless Letter is asked for. */
export const charterPdfQuery = z.object({
  paper: z.enum(paperSizes, { error: `Choose the paper: ${paperSizes.join(' or ')}.` }).default('a4'),
});

export const publishRequest = z.object({
  changeSummary: z.string().trim().max(2000, 'Keep the summary under 2000 characters.').optional(),
});
export type PublishRequest = z.infer<typeof publishRequest>;
