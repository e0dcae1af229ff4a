import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import type { ServiceLevelDefinition } from './service-level-schema';
import { serviceLevels } from './schema';

export type StoredServiceLevel = ServiceLevelDefinition & { id: string; charterVersionId: string };

export function toDefinition(row: typeof serviceLevels.$inferSelect): StoredServiceLevel {
  return {
    id: row.id,
    charterVersionId: row.charterVersionId,
    key: row.key,
    name: row.name,
    description: row.description,
    subjectType: row.subjectType,
    targetBusinessMinutes: row.targetBusinessMinutes,
    atRiskShare: row.atRiskShare,
    startEvent: row.startEvent,
    stopEvents: row.stopEvents,
    pauseEvents: row.pauseEvents,
    resumeEvents: row.resumeEvents,
    ...(row.attributeMatch ? { attributeMatch: row.attributeMatch } : {}),
    ownerRole: row.ownerRole,
  };
}

/** The service levels of one charter version, in the order the charter lists them. */
export async function listServiceLevels(tx: DbOrTx, charterVersionId: string): Promise<StoredServiceLevel[]> {
  const rows = await tx.select().from(serviceLevels).where(eq(serviceLevels.charterVersionId, charterVersionId)).orderBy(asc(serviceLevels.position));
  return rows.map(toDefinition);
}
