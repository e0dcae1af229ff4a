import { eq } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor';
import type { Db } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import { AppError } from '../platform/http/app-error';
import { recordAudit } from '../platform/audit/record-audit';
import { roleLabels, type Role } from '../platform/auth/roles';
import { findPersonById } from '../people/find-people';
import { recordClockEvent } from '../service-levels/record-clock-event';
import type { RequestView } from './request-schemas';
import { requestView } from './read-request';
import { lockRequest } from './lock-request';
import { recordRequestEvent } from './record-request-event';
import { trainingRequests } from './schema';

/**
 * RQ-2 triage: the request gets an owner who holds the role the charter named for triaging it
 * (copied at submission). The first owner moves it to 'triaged' and stops the triage clock; a
 * later hand-over keeps the state and names the new owner to the clocks still running.
 */
export async function assignRequest(db: Db, clock: Clock, actor: Actor, id: string, ownerId: string): Promise<RequestView> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const row = await lockRequest(tx, actor, id, ['submitted', 'triaged', 'diagnosing', 'recommended', 'discussing', 'accepted'], 'assigned');
    const role = (row.triageRole ?? 'consultant') as Role;
    const owner = await findPersonById(tx, ownerId);
    if (!owner || !owner.active || !owner.roles.includes(role)) {
      throw AppError.invalid([{ field: 'ownerId', message: `The charter says a ${roleLabels[role].toLowerCase()} triages this kind of request; choose an active one.` }]);
    }
    if (row.ownerId === ownerId) return requestView(tx, actor, row, now);
    const first = row.state === 'submitted';
    const [saved] = await tx
      .update(trainingRequests)
      .set({ ownerId, ...(first ? { state: 'triaged' as const, triagedAt: now } : {}), revision: row.revision + 1, updatedAt: now })
      .where(eq(trainingRequests.id, id))
      .returning();
    await recordClockEvent(tx, clock, { type: 'training-request.triaged', subject: { type: 'training-request', id }, at: now, ownerId, businessUnitId: row.businessUnitId });
    await recordRequestEvent(tx, { requestId: id, type: 'assigned', actorId: actor.id, at: now, details: { ownerId, previous: row.ownerId } });
    await recordAudit(tx, { actorId: actor.id, action: 'training_request.assigned', entity: 'training_request', entityId: id, before: { ownerId: row.ownerId, state: row.state }, after: { ownerId, state: saved!.state } });
    return requestView(tx, actor, saved!, now);
  });
}
