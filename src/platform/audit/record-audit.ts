import type { DbOrTx } from '../db/database';
import { auditLog } from './schema';

export type AuditEntry = {
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
};

/** Call inside the transaction that makes the change. */
export async function recordAudit(tx: DbOrTx, ...entries: AuditEntry[]): Promise<void> {
  const rows = entries.map((e) => ({
    actorId: e.actorId,
    action: e.action,
    entity: e.entity,
    entityId: e.entityId,
    before: e.before ?? null,
    after: e.after ?? null,
  }));
  // Large imports write thousands of entries; stay well under the parameter limit.
  for (let i = 0; i < rows.length; i += 1000) await tx.insert(auditLog).values(rows.slice(i, i + 1000));
}
