import type { Actor } from '../platform/auth/actor';
import type { DbOrTx } from '../platform/db/database';
import { AppError } from '../platform/http/app-error';
import type { RequestState } from './request-values';
import { findVisibleRequest, type RequestRow } from './read-request';

/**
 * The request a write changes, locked FOR UPDATE (two people acting at once are serialized: the
 * second sees the first's result), refused with a conflict unless it is in one of `states`.
 */
export async function lockRequest(tx: DbOrTx, actor: Actor, id: string, states: readonly RequestState[], doing: string): Promise<RequestRow> {
  const row = await findVisibleRequest(tx, actor, id, true);
  if (!states.includes(row.state)) throw new AppError('conflict', `This request is ${row.state.replace('_', ' ')}; it cannot be ${doing} now.`);
  return row;
}

/** Optimistic lock for what is edited whole (a draft, a diagnosis): a stale revision is a 409. */
export function refuseStale(row: Pick<RequestRow, 'revision'>, revision: number): void {
  if (row.revision !== revision) throw new AppError('conflict', 'Someone saved this request since you opened it; reload to see their changes, then save yours again.');
}
