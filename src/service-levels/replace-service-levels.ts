import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import type { ServiceLevelDefinition } from './service-level-schema';
import { serviceLevels } from './schema';

/**
 * Sets the service levels of a charter draft. Only the charter's draft use cases call this:
 * once a version is published its rows are what running clocks are judged by, and stay as they are.
 */
export async function replaceServiceLevels(tx: DbOrTx, charterVersionId: string, levels: ServiceLevelDefinition[]): Promise<void> {
  await tx.delete(serviceLevels).where(eq(serviceLevels.charterVersionId, charterVersionId));
  if (levels.length === 0) return;
  await tx.insert(serviceLevels).values(
    levels.map((level, position) => ({
      charterVersionId,
      position,
      key: level.key,
      name: level.name,
      description: level.description,
      subjectType: level.subjectType,
      targetBusinessMinutes: level.targetBusinessMinutes,
      atRiskShare: level.atRiskShare,
      startEvent: level.startEvent,
      stopEvents: level.stopEvents,
      pauseEvents: level.pauseEvents,
      resumeEvents: level.resumeEvents,
      attributeMatch: level.attributeMatch ?? null,
      ownerRole: level.ownerRole,
    })),
  );
}
