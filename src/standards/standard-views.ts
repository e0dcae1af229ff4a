import { z } from 'zod';
import { checkResults, checkSubjectTypes, standardKinds, standardStatuses } from './standard-kinds';
import { standardContent } from './standard-content';

// What the standards API answers with (ST-1, ST-2). Pages import these types; no database here.

const personRef = z.object({ id: z.uuid(), name: z.string() }).nullable();

export const standardChange = z.object({
  field: z.string(),
  label: z.string(),
  change: z.enum(['added', 'removed', 'changed']),
  before: z.string().optional(),
  after: z.string().optional(),
});
export type StandardChange = z.infer<typeof standardChange>;

const storedContent = standardContent;

export const standardVersionView = z
  .object({
    id: z.uuid(),
    kind: z.enum(standardKinds),
    name: z.string(),
    governs: z.string(),
    version: z.number().int(),
    status: z.enum(standardStatuses),
    publishedAt: z.string().nullable(),
    publishedBy: personRef,
    updatedAt: z.string(),
    changeSummary: z.string(),
    content: storedContent,
    /** Against the version published before it; empty for the first. */
    changes: z.array(standardChange),
    previousVersion: z.number().int().nullable(),
  })
  .meta({ id: 'StandardVersion' });
export type StandardVersionView = z.infer<typeof standardVersionView>;

export const standardVersionSummary = z
  .object({ version: z.number().int(), status: z.enum(standardStatuses), publishedAt: z.string().nullable(), publishedBy: personRef, changeSummary: z.string(), updatedAt: z.string() })
  .meta({ id: 'StandardVersionSummary' });
export type StandardVersionSummary = z.infer<typeof standardVersionSummary>;

export const standardOverview = z
  .object({
    kind: z.enum(standardKinds),
    name: z.string(),
    governs: z.string(),
    inForce: z.object({ version: z.number().int(), publishedAt: z.string(), summary: z.string(), checklistItems: z.number().int() }).nullable(),
    /** Only its editors learn that a draft exists. */
    draftVersion: z.number().int().nullable(),
  })
  .meta({ id: 'StandardOverview' });
export type StandardOverview = z.infer<typeof standardOverview>;

export const versionParams = z.object({ kind: z.enum(standardKinds, 'Unknown standard.'), version: z.coerce.number('Must be a version number.').int('Must be a version number.').min(1, 'Must be a version number.').max(100000, 'Must be a version number.') });

export const publishStandardInput = z.object({ changeSummary: z.string().trim().max(1000, 'The change summary is too long (1,000 characters at most).').optional() });

export const subjectParams = z.object({ subjectType: z.enum(checkSubjectTypes, 'Check a course, a session or a deliverable.'), subjectId: z.uuid('Must be a valid id.') });

export const checkResultInput = z
  .object({
    itemId: z.string().trim().min(1, 'Name the checklist item.').max(40, 'Unknown checklist item.'),
    result: z.enum(checkResults, 'Choose passed, waived or failed.'),
    reason: z.string().trim().max(2000, 'The reason is too long (2,000 characters at most).').default(''),
  })
  .refine((r) => r.result !== 'waived' || r.reason.length > 0, { message: 'Say why the item is waived.', path: ['reason'] });

export const recordChecksInput = z.object({
  kind: z.enum(standardKinds, 'Unknown standard.'),
  /** The version checked against: a published one (the one in force, or the one checked before). */
  version: z.number('Must be a version number.').int('Must be a version number.').min(1, 'Must be a version number.'),
  results: z.array(checkResultInput).min(1, 'Record at least one result.').max(100, 'A hundred results at most.'),
});
export type RecordChecksInput = z.input<typeof recordChecksInput>;

export const checkedItemView = z.object({
  id: z.string(),
  text: z.string(),
  result: z.enum(checkResults).nullable(),
  reason: z.string(),
  checkedBy: personRef,
  checkedAt: z.string().nullable(),
});

export const conformanceStates = ['conforms', 'gaps', 'incomplete', 'not-checked'] as const;
export type ConformanceState = (typeof conformanceStates)[number];

export const standardConformanceView = z.object({
  kind: z.enum(standardKinds),
  name: z.string(),
  /** The version the results are against: the last one checked, else the one in force. */
  version: z.number().int(),
  inForceVersion: z.number().int().nullable(),
  items: z.array(checkedItemView),
  passed: z.number().int(),
  waived: z.number().int(),
  failed: z.number().int(),
  unchecked: z.number().int(),
  state: z.enum(conformanceStates),
});

export const conformanceView = z
  .object({
    subjectType: z.enum(checkSubjectTypes),
    subjectId: z.uuid(),
    subjectLabel: z.string(),
    /** Whether the reader may record results here. */
    mayCheck: z.boolean(),
    standards: z.array(standardConformanceView),
  })
  .meta({ id: 'Conformance' });
export type ConformanceView = z.infer<typeof conformanceView>;
export type StandardConformanceView = z.infer<typeof standardConformanceView>;
