import { and, asc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor';
import { hasRole } from '../platform/auth/actor';
import type { DbOrTx } from '../platform/db/database';
import type { GlossaryQuery, GlossaryTermView, GlossaryView } from './glossary-schemas';
import { glossaryEditorRoles } from './glossary-staff';
import { termView } from './read-glossary-term';
import { glossaryTerms } from './schema';

/** `%` and `_` typed by a reader are letters, not wildcards. */
const literal = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The glossary (FB-3), alphabetical, searched in the term, its meaning and its example. Everyone
 * signed in reads it; editors are told they may change it.
 */
export async function listGlossaryTerms(db: DbOrTx, actor: Actor, query: GlossaryQuery): Promise<GlossaryView> {
  const filters: SQL[] = [];
  if (query.q) {
    const like = `%${literal(query.q)}%`;
    filters.push(or(ilike(glossaryTerms.term, like), ilike(glossaryTerms.definition, like), ilike(glossaryTerms.example, like))!);
  }
  if (query.origin) filters.push(eq(glossaryTerms.origin, query.origin));
  const rows = await db.select().from(glossaryTerms).where(and(...filters)).orderBy(asc(sql`lower(${glossaryTerms.term})`));
  return { terms: rows.map(termView), canEdit: hasRole(actor, ...glossaryEditorRoles) };
}

/** Terms by id, for capabilities that show the words they harvested (the workshop report, CX-3). */
export async function glossaryTermsByIds(db: DbOrTx, ids: readonly string[]): Promise<GlossaryTermView[]> {
  if (!ids.length) return [];
  const rows = await db.select().from(glossaryTerms).where(inArray(glossaryTerms.id, [...ids])).orderBy(asc(sql`lower(${glossaryTerms.term})`));
  return rows.map(termView);
}
