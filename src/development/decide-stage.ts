import { and, eq } from 'drizzle-orm';
import type { Db } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import type { Actor } from '../platform/auth/actor';
import { AppError } from '../platform/http/app-error';
import { recordAudit } from '../platform/audit/record-audit';
import type { PartnerDecision } from './development-values';
import type { ProjectDetailView } from './development-schemas';
import { findVisibleProject } from './project-access';
import { findStage } from './find-stage';
import { projectDetailOf } from './read-project';
import { stageComments, stagePartners } from './schema';

/**
 * An invited partner signs the stage off or asks for changes (DV-2). Only their own invitation
 * carries the decision; a later decision replaces it, and the note goes on the stage's comments so
 * the history of the review stays readable.
 */
export async function decideStage(db: Db, clock: Clock, actor: Actor, id: string, stageId: string, input: { decision: PartnerDecision; note: string }): Promise<ProjectDetailView> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const project = await findVisibleProject(tx, actor, id);
    const stage = await findStage(tx, id, stageId);
    const [invitation] = await tx.select().from(stagePartners).where(and(eq(stagePartners.stageId, stageId), eq(stagePartners.personId, actor.id))).for('update');
    if (!invitation) throw AppError.forbidden(`Only the partners invited to the ${stage.name} stage sign it off.`);
    if (stage.state !== 'active') throw new AppError('conflict', stage.state === 'closed' ? `The ${stage.name} stage is already closed.` : `The ${stage.name} stage has not started yet.`);
    await tx.update(stagePartners).set({ decision: input.decision, decisionNote: input.note, decidedAt: now }).where(eq(stagePartners.id, invitation.id));
    const said = input.decision === 'signed-off' ? 'Signed off' : 'Asked for changes';
    await tx.insert(stageComments).values({ projectId: id, stageId, authorId: actor.id, body: input.note ? `${said}: ${input.note}` : `${said}.`, createdAt: now });
    await recordAudit(tx, { actorId: actor.id, action: `stage_partner.${input.decision}`, entity: 'stage_partner', entityId: invitation.id, before: { decision: invitation.decision }, after: { decision: input.decision, note: input.note } });
    return projectDetailOf(tx, actor, project, now);
  });
}
