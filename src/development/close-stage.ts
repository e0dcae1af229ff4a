import { and, eq } from 'drizzle-orm';
import type { Db } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import type { Actor } from '../platform/auth/actor';
import { AppError } from '../platform/http/app-error';
import { recordAudit } from '../platform/audit/record-audit';
import { partnerKindLabels } from '../standards/standard-content';
import type { ProjectDetailView } from './development-schemas';
import { findManagedProject, mayOverrideSignOffs } from './project-access';
import { findStage } from './find-stage';
import { missingSignOffs, projectDetailOf } from './read-project';
import { releaseProject } from './release-project';
import { developmentProjects, projectStages, stagePartners } from './schema';

/**
 * Closes the active stage and opens the next (DV-1). A stage closes only with its required
 * sign-offs — a partner of each required kind signed it off — or with the unit lead's override,
 * whose reason is kept on the stage (DV-2). Closing the last stage releases the project.
 */
export async function closeStage(db: Db, clock: Clock, actor: Actor, id: string, stageId: string, input: { overrideReason?: string | undefined }): Promise<ProjectDetailView> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const project = await findManagedProject(tx, actor, id);
    const stage = await findStage(tx, id, stageId);
    if (stage.state !== 'active') throw new AppError('conflict', stage.state === 'closed' ? `The ${stage.name} stage is already closed.` : `Close the stages before ${stage.name} first.`);
    const partners = await tx.select().from(stagePartners).where(eq(stagePartners.stageId, stageId));
    const missing = missingSignOffs(stage, partners);
    const reason = input.overrideReason?.trim() || null;
    if (missing.length && !reason) {
      const names = missing.map((k) => partnerKindLabels[k].toLowerCase()).join(' and ');
      throw new AppError('conflict', `The ${stage.name} stage needs the sign-off of a ${names} before it closes; only the unit lead may close it without, giving the reason.`, {
        fields: [{ field: 'overrideReason', message: `Missing sign-off: ${names}.` }],
      });
    }
    if (missing.length && !mayOverrideSignOffs(actor)) throw AppError.forbidden('Only the unit lead may close a stage without its required sign-offs.');
    await tx.update(projectStages).set({ state: 'closed', closedAt: now, closedBy: actor.id, overrideReason: missing.length ? reason : null }).where(eq(projectStages.id, stageId));
    const [next] = await tx.select().from(projectStages).where(and(eq(projectStages.projectId, id), eq(projectStages.position, stage.position + 1)));
    if (next) await tx.update(projectStages).set({ state: 'active' }).where(eq(projectStages.id, next.id));
    await recordAudit(tx, { actorId: actor.id, action: missing.length ? 'project_stage.closed_by_override' : 'project_stage.closed', entity: 'project_stage', entityId: stageId, before: { state: 'active' }, after: { state: 'closed', missingSignOffs: missing, overrideReason: missing.length ? reason : null } });
    if (!next) await releaseProject(tx, clock, project, actor.id);
    const [fresh] = await tx.select().from(developmentProjects).where(eq(developmentProjects.id, id));
    return projectDetailOf(tx, actor, fresh!, now);
  });
}
