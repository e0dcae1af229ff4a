import type { DbOrTx } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import { recordAudit } from '../platform/audit/record-audit';
import { recordClockEvent } from '../service-levels/record-clock-event';
import { findStandardByStatus } from '../standards/read-standard-version';
import { plannedDays, type ProjectSize } from './development-values';
import { developmentProjects, projectStages } from './schema';

export type NewProject = { title: string; size: ProjectSize; ownerId: string; requestId: string | null; actorId: string | null; businessUnitId?: string | null; courseId?: string | null };

const dayAfter = (start: Date, days: number) => new Date(start.getTime() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Starts a courseware development project inside the caller's transaction — an accepted "new
 * course" (RQ-6) or one made by hand (DV-1) — and its `project.started` clock event: the
 * charter's development service level is matched on the size (DV-3), and the clock stops at the
 * release. The stages are the design model's *in force now*, copied so a later version never
 * reshapes a running project; each is owned by the project's owner and due on an even share of
 * the size's planned days, a first plan the owner adjusts. Without a published design model the
 * project has no stages yet (an accepted request must never fail for want of one).
 */
export async function startProject(tx: DbOrTx, clock: Clock, input: NewProject): Promise<string> {
  const now = clock.now();
  const model = await findStandardByStatus(tx, 'design-model', 'published');
  const [row] = await tx
    .insert(developmentProjects)
    .values({ title: input.title, size: input.size, ownerId: input.ownerId, requestId: input.requestId, courseId: input.courseId ?? null, designModelVersion: model?.version ?? null, startedAt: now })
    .returning({ id: developmentProjects.id });
  const id = row!.id;
  const stages = model?.content.kind === 'design-model' ? model.content.stages : [];
  if (stages.length) {
    const share = plannedDays[input.size] / stages.length;
    await tx.insert(projectStages).values(
      stages.map((s, i) => ({
        projectId: id,
        position: i + 1,
        stageKey: s.id,
        name: s.name,
        purpose: s.purpose,
        deliverables: s.deliverables,
        requiredSignOffs: s.requiredSignOffs,
        ownerId: input.ownerId,
        dueOn: dayAfter(now, Math.round(share * (i + 1))),
        state: i === 0 ? ('active' as const) : ('pending' as const),
      })),
    );
  }
  await recordClockEvent(tx, clock, { type: 'project.started', subject: { type: 'development-project', id }, at: now, attributes: { size: input.size }, ownerId: input.ownerId, businessUnitId: input.businessUnitId ?? null });
  await recordAudit(tx, { actorId: input.actorId, action: 'development_project.started', entity: 'development_project', entityId: id, after: { title: input.title, size: input.size, ownerId: input.ownerId, requestId: input.requestId, designModelVersion: model?.version ?? null } });
  return id;
}
