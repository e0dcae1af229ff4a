import type { Actor } from '../platform/auth/actor';
import type { Db, Tx } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import { AppError } from '../platform/http/app-error';
import { recordAudit } from '../platform/audit/record-audit';
import type { GlossaryTermInput, GlossaryTermView } from './glossary-schemas';
import type { GlossaryOrigin } from './glossary-values';
import { findTermByWord, termView } from './read-glossary-term';
import { glossaryTerms } from './schema';

export type NewGlossaryTerm = GlossaryTermInput & { origin: GlossaryOrigin; originNote?: string | null; actorId: string; now: Date };

const alreadyThere = (term: string) => AppError.invalid([{ field: 'term', message: `“${term}” is in the glossary already; change its entry instead.` }], 'This word is in the glossary already.');

/**
 * Inserts a term inside the caller's transaction, audited (FB-3). A word already in the glossary in
 * any case is a field error: one meaning per word is the point of a common language.
 */
export async function insertGlossaryTerm(tx: Tx, input: NewGlossaryTerm): Promise<GlossaryTermView> {
  if (await findTermByWord(tx, input.term)) throw alreadyThere(input.term);
  const [row] = await tx
    .insert(glossaryTerms)
    .values({ term: input.term, definition: input.definition, example: input.example?.trim() || null, origin: input.origin, originNote: input.originNote ?? null, createdBy: input.actorId, createdAt: input.now, updatedBy: input.actorId, updatedAt: input.now })
    .returning();
  await recordAudit(tx, { actorId: input.actorId, action: 'glossary_term.added', entity: 'glossary_term', entityId: row!.id, after: { term: row!.term, origin: row!.origin } });
  return termView(row!);
}

/** An editor adds a term of the unit's service language (FB-3). */
export async function addGlossaryTerm(deps: { db: Db; clock: Clock }, actor: Actor, input: GlossaryTermInput): Promise<GlossaryTermView> {
  return deps.db.transaction((tx) => insertGlossaryTerm(tx, { ...input, origin: 'unit', actorId: actor.id, now: deps.clock.now() }));
}
