import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import { AppError } from '../platform/http/app-error';
import { projectStages } from './schema';

export type StageRow = typeof projectStages.$inferSelect;

/** One stage of the project, locked for the change about to be made to it. */
export async function findStage(tx: DbOrTx, projectId: string, stageId: string): Promise<StageRow> {
  const [row] = await tx.select().from(projectStages).where(and(eq(projectStages.id, stageId), eq(projectStages.projectId, projectId))).for('update');
  if (!row) throw AppError.notFound('This stage');
  return row;
}
