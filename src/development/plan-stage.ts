import { eq } from 'drizzle-orm';
import type { Db } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import type { Actor } from '../platform/auth/actor';
import { AppError } from '../platform/http/app-error';
import { recordAudit } from '../platform/audit/record-audit';
import { findPersonById } from '../people/find-people';
import type { ProjectDetailView } from './development-schemas';
import { findManagedProject } from './project-access';
import { findStage } from './find-stage';
import { projectDetailOf } from './read-project';
import { projectStages } from './schema';

/** The project's manager gives a stage its owner and due date (DV-1); a closed stage stays as it closed. */
export async function planStage(db: Db, clock: Clock, actor: Actor, id: string, stageId: string, input: { ownerId: string; dueOn: string }): Promise<ProjectDetailView> {
  return db.transaction(async (tx) => {
    const project = await findManagedProject(tx, actor, id);
    const stage = await findStage(tx, id, stageId);
    if (stage.state === 'closed') throw new AppError('conflict', `The ${stage.name} stage is closed.`);
    const owner = await findPersonById(tx, input.ownerId);
    if (!owner?.active) throw AppError.invalid([{ field: 'ownerId', message: 'Choose an active person to own the stage.' }]);
    await tx.update(projectStages).set(input).where(eq(projectStages.id, stageId));
    await recordAudit(tx, { actorId: actor.id, action: 'project_stage.planned', entity: 'project_stage', entityId: stageId, before: { ownerId: stage.ownerId, dueOn: stage.dueOn }, after: input });
    return projectDetailOf(tx, actor, project, clock.now());
  });
}
