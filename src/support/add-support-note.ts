import { eq } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor';
import type { Db } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import { recordAudit } from '../platform/audit/record-audit';
import type { SupportCaseView } from './support-schemas';
import { supportCaseView } from './read-support-case';
import { lockSupportCase } from './lock-support-case';
import { supportCaseEvents, supportCases } from './schema';

/**
 * An internal note on a case (AF-5): what the unit tried, heard or agreed. Notes are for the unit's
 * staff; the learner and supervisor reading their case do not see them. A closed case takes notes
 * too (a late word from the supervisor belongs with the case).
 */
export async function addSupportNote(deps: { db: Db; clock: Clock }, actor: Actor, id: string, note: string): Promise<SupportCaseView> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    await lockSupportCase(tx, id);
    await tx.update(supportCases).set({ updatedAt: now }).where(eq(supportCases.id, id));
    const [event] = await tx.insert(supportCaseEvents).values({ caseId: id, type: 'note', actorId: actor.id, note, details: { internal: true }, at: now }).returning({ id: supportCaseEvents.id });
    await recordAudit(tx, { actorId: actor.id, action: 'support_case.noted', entity: 'support_case', entityId: id, after: { eventId: event!.id } });
    return supportCaseView(tx, id, true);
  });
}
