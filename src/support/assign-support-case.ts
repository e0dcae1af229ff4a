import { eq } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor';
import type { Db } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import { AppError } from '../platform/http/app-error';
import { recordAudit } from '../platform/audit/record-audit';
import { findPersonById } from '../people/find-people';
import type { SupportCaseView } from './support-schemas';
import { supportStaffRoles } from './support-staff';
import { supportCaseView } from './read-support-case';
import { lockSupportCase, refuseClosed } from './lock-support-case';
import { supportCaseEvents, supportCases } from './schema';

/** Hands a case to one of the unit's coordinators (AF-5): who owns it answers for it until it closes. */
export async function assignSupportCase(deps: { db: Db; clock: Clock }, actor: Actor, id: string, ownerId: string): Promise<SupportCaseView> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const row = await lockSupportCase(tx, id);
    refuseClosed(row, 'handing it to someone');
    const owner = await findPersonById(tx, ownerId);
    if (!owner || !owner.active || !owner.roles.some((r) => (supportStaffRoles as readonly string[]).includes(r))) {
      throw AppError.invalid([{ field: 'ownerId', message: 'Give the case to an active coordinator, unit lead or admin.' }]);
    }
    if (row.ownerId === ownerId) return supportCaseView(tx, id, true);
    await tx.update(supportCases).set({ ownerId, updatedAt: now }).where(eq(supportCases.id, id));
    await tx.insert(supportCaseEvents).values({ caseId: id, type: 'assigned', actorId: actor.id, details: { from: row.ownerId, to: ownerId }, at: now });
    await recordAudit(tx, { actorId: actor.id, action: 'support_case.assigned', entity: 'support_case', entityId: id, before: { ownerId: row.ownerId }, after: { ownerId } });
    return supportCaseView(tx, id, true);
  });
}
