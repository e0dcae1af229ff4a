import { and, eq, ne, sql } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor';
import type { Db } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import { AppError } from '../platform/http/app-error';
import { recordAudit } from '../platform/audit/record-audit';
import type { GlossaryTermInput, GlossaryTermView } from './glossary-schemas';
import { termView } from './read-glossary-term';
import { glossaryTerms } from './schema';

/**
 * An editor sharpens a term's wording or meaning (FB-3). Where it came from stays as it was: a
 * harvested word remains the organization's own even when the unit rewrites its definition.
 */
export async function updateGlossaryTerm(deps: { db: Db; clock: Clock }, actor: Actor, id: string, input: GlossaryTermInput): Promise<GlossaryTermView> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [before] = await tx.select().from(glossaryTerms).where(eq(glossaryTerms.id, id)).for('update');
    if (!before) throw AppError.notFound('This glossary term');
    const [clash] = await tx.select({ id: glossaryTerms.id }).from(glossaryTerms).where(and(ne(glossaryTerms.id, id), sql`lower(${glossaryTerms.term}) = lower(${input.term})`));
    if (clash) throw AppError.invalid([{ field: 'term', message: `“${input.term}” is another entry of the glossary already.` }]);
    const [row] = await tx
      .update(glossaryTerms)
      .set({ term: input.term, definition: input.definition, example: input.example?.trim() || null, updatedBy: actor.id, updatedAt: now })
      .where(eq(glossaryTerms.id, id))
      .returning();
    await recordAudit(tx, { actorId: actor.id, action: 'glossary_term.updated', entity: 'glossary_term', entityId: id, before: { term: before.term, definition: before.definition }, after: { term: row!.term, definition: row!.definition } });
    return termView(row!);
  });
}
