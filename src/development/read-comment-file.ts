import { and, eq } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor';
import type { DbOrTx } from '../platform/db/database';
import { AppError } from '../platform/http/app-error';
import { readStoredFile, type StoredFileContent } from '../platform/files/read-stored-files';
import { findVisibleProject } from './project-access';
import { COMMENT_FILES } from './read-project';
import { stageComments } from './schema';

/** An attachment of a stage comment, only for those who may open the project (DV-2). */
export async function readCommentFile(tx: DbOrTx, actor: Actor, projectId: string, commentId: string, fileId: string): Promise<StoredFileContent> {
  await findVisibleProject(tx, actor, projectId);
  const [comment] = await tx.select({ id: stageComments.id }).from(stageComments).where(and(eq(stageComments.id, commentId), eq(stageComments.projectId, projectId)));
  if (!comment) throw AppError.notFound('This file');
  return readStoredFile(tx, { type: COMMENT_FILES, id: commentId }, fileId);
}
