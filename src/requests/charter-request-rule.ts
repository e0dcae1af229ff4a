import type { DbOrTx } from '../platform/db/database';
import { findVersionInForce } from '../charter/find-version-in-force';
import { findVersionRow } from '../charter/read-charter-version';
import type { Role } from '../platform/auth/roles';

export type RequestRule = { requestType: string; triagedBy: Role; decidedBy: Role };

/**
 * Who triages a training request and who decides on it, as the charter in force says (CH-1, RQ-2):
 * the request-handling entry whose kind names training requests. Without a published charter (or
 * without such an entry) the value model's default holds — a consultant triages, the unit lead
 * decides — so a request is never stuck for want of a rule; decision 021.
 */
export async function findRequestRule(tx: DbOrTx, at: Date): Promise<RequestRule> {
  const inForce = await findVersionInForce(tx, at);
  const row = inForce && (await findVersionRow(tx, inForce.version));
  const entries = row?.content.requestHandling ?? [];
  const entry = entries.find((e) => /training request/i.test(e.requestType)) ?? entries.find((e) => /request/i.test(e.requestType) && e.triagedBy === 'consultant');
  return entry ? { requestType: entry.requestType, triagedBy: entry.triagedBy, decidedBy: entry.decidedBy } : { requestType: 'Training requests', triagedBy: 'consultant', decidedBy: 'unit_lead' };
}
