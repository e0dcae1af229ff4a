import { and, count, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import { auditLog } from '../platform/audit/schema';
import { people } from '../people/schema';

export async function listAudit(db: DbOrTx, input: { entity?: string; entityId?: string; page: number; pageSize: number }) {
  const where = and(input.entity ? eq(auditLog.entity, input.entity) : undefined, input.entityId ? eq(auditLog.entityId, input.entityId) : undefined);
  const [rows, [total]] = await Promise.all([
    db
      .select({ entry: auditLog, actorName: people.name })
      .from(auditLog)
      .leftJoin(people, eq(people.id, auditLog.actorId))
      .where(where)
      .orderBy(desc(auditLog.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ n: count() }).from(auditLog).where(where),
  ]);
  return {
    items: rows.map(({ entry, actorName }) => ({
      id: entry.id,
      at: entry.at.toISOString(),
      actor: entry.actorId ? { id: entry.actorId, name: actorName ?? 'Unknown' } : null,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      before: entry.before,
      after: entry.after,
    })),
    total: total?.n ?? 0,
    page: input.page,
    pageSize: input.pageSize,
  };
}
