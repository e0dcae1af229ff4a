import type { DbOrTx } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import { recordAudit } from '../platform/audit/record-audit';
import { recordClockEvent } from '../service-levels/record-clock-event';
import type { ProjectSize } from './development-values';
import { developmentProjects } from './schema';

export type NewProject = { title: string; size: ProjectSize; ownerId: string; requestId: string | null; actorId: string | null; businessUnitId?: string | null };

/**
 * Starts a courseware development project (RQ-6) inside the caller's transaction — an accepted
 * "new course" — and its `project.started` clock event (the charter's development service level,
 * matched on size). The development capability grows projects into stages later.
 */
export async function startProject(tx: DbOrTx, clock: Clock, input: NewProject): Promise<string> {
  const now = clock.now();
  const [row] = await tx.insert(developmentProjects).values({ title: input.title, size: input.size, ownerId: input.ownerId, requestId: input.requestId, startedAt: now }).returning({ id: developmentProjects.id });
  await recordClockEvent(tx, clock, { type: 'project.started', subject: { type: 'development-project', id: row!.id }, at: now, attributes: { size: input.size }, ownerId: input.ownerId, businessUnitId: input.businessUnitId ?? null });
  await recordAudit(tx, { actorId: input.actorId, action: 'development_project.started', entity: 'development_project', entityId: row!.id, after: { title: input.title, size: input.size, ownerId: input.ownerId, requestId: input.requestId } });
  return row!.id;
}
