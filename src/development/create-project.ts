import type { Db } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import type { Actor } from '../platform/auth/actor';
import { AppError, type FieldError } from '../platform/http/app-error';
import { findPersonById } from '../people/find-people';
import { findVisibleCourse } from '../catalog/read-course';
import type { CreateProjectInput, ProjectDetailView } from './development-schemas';
import type { ProjectSize } from './development-values';
import { getProjectDetail } from './read-project';
import { startProject } from './start-project';

/** A consultant or the unit lead starts a project by hand (DV-1): a revision of a course, or work no request asked for. */
export async function createProject(db: Db, clock: Clock, actor: Actor, input: { title: string; size: ProjectSize; ownerId: string; courseId: string | null }): Promise<ProjectDetailView> {
  return db.transaction(async (tx) => {
    const errors: FieldError[] = [];
    const owner = await findPersonById(tx, input.ownerId);
    if (!owner?.active) errors.push({ field: 'ownerId', message: 'Choose an active person to own the project.' });
    if (input.courseId) await findVisibleCourse(tx, actor, input.courseId).catch(() => errors.push({ field: 'courseId', message: 'There is no such course; choose it from the catalog.' }));
    if (errors.length) throw AppError.invalid(errors, 'The project needs attention:');
    const id = await startProject(tx, clock, { ...input, requestId: null, actorId: actor.id });
    return getProjectDetail(tx, actor, id, clock.now());
  });
}
export type { CreateProjectInput };
