import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import type { GlossaryTermView } from './glossary-schemas';
import { glossaryTerms } from './schema';

export type GlossaryTermRow = typeof glossaryTerms.$inferSelect;

export const termView = (t: GlossaryTermRow): GlossaryTermView => ({
  id: t.id,
  term: t.term,
  definition: t.definition,
  example: t.example,
  origin: t.origin,
  originNote: t.originNote,
  updatedAt: t.updatedAt.toISOString(),
});

/** The entry for a word whatever its case, or undefined. */
export async function findTermByWord(tx: DbOrTx, term: string): Promise<GlossaryTermRow | undefined> {
  const [row] = await tx.select().from(glossaryTerms).where(sql`lower(${glossaryTerms.term}) = lower(${term.trim()})`);
  return row;
}

export async function findTermById(tx: DbOrTx, id: string): Promise<GlossaryTermRow | undefined> {
  const [row] = await tx.select().from(glossaryTerms).where(eq(glossaryTerms.id, id));
  return row;
}
