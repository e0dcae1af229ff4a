import type { DbOrTx } from '../platform/db/database';
import type { RequestEventType } from './request-values';
import { requestEvents } from './schema';

/** One line of a request's history, written in the transaction of the change it describes. */
export async function recordRequestEvent(tx: DbOrTx, e: { requestId: string; type: RequestEventType; actorId: string | null; at: Date; note?: string | null; details?: Record<string, unknown> }): Promise<void> {
  await tx.insert(requestEvents).values({ requestId: e.requestId, type: e.type, actorId: e.actorId, note: e.note ?? null, details: e.details ?? {}, at: e.at });
}
