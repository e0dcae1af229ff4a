import { eq } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor';
import type { Db } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import { AppError } from '../platform/http/app-error';
import { recordAudit } from '../platform/audit/record-audit';
import { recordClockEvent } from '../service-levels/record-clock-event';
import type { ProjectView } from './development-schemas';
import { getProject } from './read-projects';
import { developmentProjects } from './schema';

/** The project's owner (or the unit lead) marks it delivered — `project.delivered` stops its clock — or cancelled. */
export async function endProject(db: Db, clock: Clock, actor: Actor, id: string, state: 'delivered' | 'cancelled'): Promise<ProjectView> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(developmentProjects).where(eq(developmentProjects.id, id)).for('update');
    if (!row) throw AppError.notFound('This development project');
    if (row.ownerId !== actor.id && !actor.roles.some((r) => r === 'unit_lead' || r === 'admin')) throw AppError.forbidden('Only the project’s owner or the unit lead ends a project.');
    if (row.state !== 'started') throw new AppError('conflict', `This project is already ${row.state}.`);
    await tx.update(developmentProjects).set({ state, endedAt: now }).where(eq(developmentProjects.id, id));
    if (state === 'delivered') await recordClockEvent(tx, clock, { type: 'project.delivered', subject: { type: 'development-project', id }, at: now });
    await recordAudit(tx, { actorId: actor.id, action: `development_project.${state}`, entity: 'development_project', entityId: id, before: { state: row.state }, after: { state } });
    return getProject(tx, id);
  });
}
