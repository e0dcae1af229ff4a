import { and, eq } from 'drizzle-orm';
import type { Db } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import type { Actor } from '../platform/auth/actor';
import { AppError } from '../platform/http/app-error';
import { recordAudit } from '../platform/audit/record-audit';
import { storeFiles } from '../platform/files/store-files';
import type { FileUpload } from '../platform/files/file-schemas';
import { commentFilePolicy, type ProjectDetailView } from './development-schemas';
import { findVisibleProject, isDevelopmentStaff } from './project-access';
import { findStage } from './find-stage';
import { COMMENT_FILES, projectDetailOf } from './read-project';
import { stageComments, stagePartners } from './schema';

/**
 * A comment on a stage's deliverables with its attachments — site-visit photos, a short video,
 * practitioners' notes — stored by content type and size (DV-2). The unit's staff comment on any
 * stage; a partner on the stages they are invited to. Comment and files commit together.
 */
export async function commentOnStage(db: Db, clock: Clock, actor: Actor, id: string, stageId: string, input: { body: string; attachments: FileUpload[] }): Promise<ProjectDetailView> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const project = await findVisibleProject(tx, actor, id);
    const stage = await findStage(tx, id, stageId);
    if (!isDevelopmentStaff(actor)) {
      const [invited] = await tx.select({ id: stagePartners.id }).from(stagePartners).where(and(eq(stagePartners.stageId, stageId), eq(stagePartners.personId, actor.id)));
      if (!invited) throw AppError.forbidden(`You are not invited to review the ${stage.name} stage.`);
    }
    const [row] = await tx.insert(stageComments).values({ projectId: id, stageId, authorId: actor.id, body: input.body, createdAt: now }).returning({ id: stageComments.id });
    const files = await storeFiles(tx, clock, { type: COMMENT_FILES, id: row!.id }, input.attachments, commentFilePolicy);
    await recordAudit(tx, { actorId: actor.id, action: 'stage_comment.added', entity: 'stage_comment', entityId: row!.id, after: { stageId, files: files.length } });
    return projectDetailOf(tx, actor, project, now);
  });
}
