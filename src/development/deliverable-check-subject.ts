import { eq } from 'drizzle-orm';
import { AppError } from '../platform/http/app-error';
import type { CheckSubjectResolver } from '../standards/check-subjects';
import { findVisibleProject } from './project-access';
import { projectStages } from './schema';

/**
 * A stage's deliverables as the subject of standards checks (ST-2, decision 024): the subject id
 * is the project stage's, seen by whoever may open the project (its partners too, 404 otherwise).
 */
export const deliverableCheckSubject: CheckSubjectResolver = async (tx, actor, id) => {
  const [stage] = await tx.select().from(projectStages).where(eq(projectStages.id, id));
  if (!stage) throw AppError.notFound('These deliverables');
  const project = await findVisibleProject(tx, actor, stage.projectId).catch(() => {
    throw AppError.notFound('These deliverables');
  });
  return `${project.title}: ${stage.name} deliverables`;
};
