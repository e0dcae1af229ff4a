import { eq } from 'drizzle-orm';
import type { Db } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import type { Actor } from '../platform/auth/actor';
import { AppError } from '../platform/http/app-error';
import { recordAudit } from '../platform/audit/record-audit';
import { findVisibleCourse } from '../catalog/read-course';
import type { z } from 'zod';
import type { ProjectDetailView, releasePlanInput } from './development-schemas';
import { findManagedProject } from './project-access';
import { projectDetailOf } from './read-project';
import { developmentProjects } from './schema';

type Plan = z.output<typeof releasePlanInput>;

/**
 * What the release will put in the catalog (DV-1): the course it updates (or the new one's code,
 * format, length and audience), the summary and the objectives, as agreed in the design stage.
 * Saved on the project's revision so two editors never overwrite each other unseen.
 */
export async function saveReleasePlan(db: Db, clock: Clock, actor: Actor, id: string, input: Plan): Promise<ProjectDetailView> {
  return db.transaction(async (tx) => {
    const row = await findManagedProject(tx, actor, id);
    if (row.revision !== input.revision) {
      const message = `Someone saved this plan since you opened it (you edited revision ${input.revision}; it is now ${row.revision}). Reload and apply your changes again.`;
      throw new AppError('conflict', message, { fields: [{ field: 'revision', message }] });
    }
    if (input.courseId) await findVisibleCourse(tx, actor, input.courseId).catch(() => { throw AppError.invalid([{ field: 'courseId', message: 'There is no such course; choose it from the catalog.' }]); });
    const values = { courseId: input.courseId, newCourse: input.courseId ? null : (input.newCourse ?? null), summary: input.summary, objectives: input.objectives, revision: row.revision + 1 };
    await tx.update(developmentProjects).set(values).where(eq(developmentProjects.id, id));
    await recordAudit(tx, { actorId: actor.id, action: 'development_project.planned', entity: 'development_project', entityId: id, before: { courseId: row.courseId, objectives: row.objectives }, after: { courseId: values.courseId, objectives: values.objectives } });
    return projectDetailOf(tx, actor, { ...row, ...values }, clock.now());
  });
}
