import { z } from 'zod';
import { glossaryOrigins } from './glossary-values';

// The shapes of the glossary (FB-3), shared by its routes, the glossary page's form and the
// workshop's word harvest (CX-3). No database imports.

const text = (max: number, empty: string) => z.string(empty).trim().min(1, empty).max(max, `At most ${max.toLocaleString('en')} characters.`);

export const glossaryTermInput = z.object({
  term: text(80, 'Write the word or phrase.'),
  definition: text(2000, 'Say what it means, in a sentence people of the organization would use.'),
  example: z.string().trim().max(500, 'Keep the example under 500 characters.').nullable().optional(),
});
export type GlossaryTermInput = z.infer<typeof glossaryTermInput>;

export const glossaryQuery = z.object({
  q: z.string().trim().max(80, 'Search for at most 80 characters.').optional(),
  origin: z.enum(glossaryOrigins, 'Choose the unit’s service language or the organization’s own words.').optional(),
});
export type GlossaryQuery = z.infer<typeof glossaryQuery>;

export const glossaryTermView = z
  .object({
    id: z.uuid(),
    term: z.string(),
    definition: z.string(),
    example: z.string().nullable(),
    origin: z.enum(glossaryOrigins),
    originNote: z.string().nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: 'GlossaryTerm' });
export type GlossaryTermView = z.infer<typeof glossaryTermView>;

export const glossaryView = z
  .object({
    terms: z.array(glossaryTermView),
    /** The reader may add and change terms. */
    canEdit: z.boolean(),
  })
  .meta({ id: 'Glossary' });
export type GlossaryView = z.infer<typeof glossaryView>;
