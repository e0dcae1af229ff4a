import { and, eq } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor';
import type { Db } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import { AppError } from '../platform/http/app-error';
import { recordAudit } from '../platform/audit/record-audit';
import type { CloseActionInput, RequestView } from './request-schemas';
import { requestView } from './read-request';
import { lockRequest } from './lock-request';
import { mayWork } from './request-work';
import { recordRequestEvent } from './record-request-event';
import { requestActions, trainingRequests } from './schema';

/**
 * RQ-6: a tracked item followed to its end — done or dropped, with how it ended — by its owner or
 * whoever works the request. When the last one ends, the request closes.
 */
export async function closeAction(db: Db, clock: Clock, actor: Actor, id: string, actionId: string, input: CloseActionInput): Promise<RequestView> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const row = await lockRequest(tx, actor, id, ['accepted'], 'followed through');
    const [action] = await tx.select().from(requestActions).where(and(eq(requestActions.id, actionId), eq(requestActions.requestId, id)));
    if (!action) throw AppError.notFound('This follow-through item');
    if (actor.id !== action.ownerId && !mayWork(actor, row)) throw AppError.forbidden('Only the item’s owner or whoever works the request records how it ended.');
    if (action.state !== 'open') throw new AppError('conflict', `This item is already ${action.state}.`);
    await tx.update(requestActions).set({ state: input.state, outcome: input.outcome, closedAt: now }).where(eq(requestActions.id, actionId));
    const open = await tx.select({ id: requestActions.id }).from(requestActions).where(and(eq(requestActions.requestId, id), eq(requestActions.state, 'open')));
    const [saved] = await tx
      .update(trainingRequests)
      .set({ ...(open.length === 0 ? { state: 'closed' as const, closedAt: now } : {}), revision: row.revision + 1, updatedAt: now })
      .where(eq(trainingRequests.id, id))
      .returning();
    await recordRequestEvent(tx, { requestId: id, type: open.length === 0 ? 'closed' : 'follow_through', actorId: actor.id, at: now, note: input.outcome, details: { actionId, state: input.state } });
    await recordAudit(tx, { actorId: actor.id, action: 'training_request.action_closed', entity: 'training_request', entityId: id, before: { actionState: 'open', state: row.state }, after: { actionId, actionState: input.state, outcome: input.outcome, state: saved!.state } });
    return requestView(tx, actor, saved!, now);
  });
}
