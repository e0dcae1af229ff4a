import { eq } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor';
import type { Db } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import { recordAudit } from '../platform/audit/record-audit';
import type { GlossaryTermInput } from '../glossary/glossary-schemas';
import { insertGlossaryTerm } from '../glossary/add-glossary-term';
import { findTermByWord } from '../glossary/read-glossary-term';
import type { WorkshopView } from './workshop-schemas';
import { loadWorkshop, workshopViewOf } from './read-workshop';
import { workshopWords, workshops } from './schema';
import { AppError } from '../platform/http/app-error';

/**
 * A word of the organization's own, heard in the workshop (CX-3), goes into the glossary (FB-3)
 * in the same transaction. A word the glossary already has is linked to the workshop as it is,
 * its meaning left alone: one meaning per word, edited on the glossary page.
 */
export async function harvestWord(deps: { db: Db; clock: Clock }, actor: Actor, id: string, input: GlossaryTermInput): Promise<WorkshopView> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const row = await loadWorkshop(tx, actor, id, true);
    if (row.step === 'done') throw new AppError('conflict', 'This workshop is finished: its report stands as it was agreed.');
    const known = await findTermByWord(tx, input.term);
    const termId = known?.id ?? (await insertGlossaryTerm(tx, { ...input, origin: 'workshop', originNote: `Heard in the workshop “${row.title}”, ${row.heldOn}.`, actorId: actor.id, now })).id;
    await tx.insert(workshopWords).values({ workshopId: id, termId, harvestedAt: now }).onConflictDoNothing();
    await tx.update(workshops).set({ updatedBy: actor.id, updatedAt: now }).where(eq(workshops.id, id));
    await recordAudit(tx, { actorId: actor.id, action: 'workshop.word_harvested', entity: 'workshop', entityId: id, after: { termId, term: input.term, linkedExisting: !!known } });
    return workshopViewOf(tx, id, true);
  });
}
