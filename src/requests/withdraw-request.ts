import { eq } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor';
import type { Db } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import { recordAudit } from '../platform/audit/record-audit';
import type { RequestView } from './request-schemas';
import { requestView } from './read-request';
import { lockRequest } from './lock-request';
import { requestOnlyForRequester } from './save-request-draft';
import { recordRequestEvent } from './record-request-event';
import { trainingRequests } from './schema';

/** The requester withdraws their request, with a reason, any time before they accept a recommendation. */
export async function withdrawRequest(db: Db, clock: Clock, actor: Actor, id: string, reason: string): Promise<RequestView> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const row = await lockRequest(tx, actor, id, ['draft', 'submitted', 'triaged', 'diagnosing', 'recommended', 'discussing'], 'withdrawn');
    if (row.requesterId !== actor.id) throw requestOnlyForRequester();
    const [saved] = await tx.update(trainingRequests).set({ state: 'withdrawn', closedAt: now, revision: row.revision + 1, updatedAt: now }).where(eq(trainingRequests.id, id)).returning();
    await recordRequestEvent(tx, { requestId: id, type: 'withdrawn', actorId: actor.id, at: now, note: reason });
    await recordAudit(tx, { actorId: actor.id, action: 'training_request.withdrawn', entity: 'training_request', entityId: id, before: { state: row.state }, after: { state: 'withdrawn', reason } });
    return requestView(tx, actor, saved!, now);
  });
}
