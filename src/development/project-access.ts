import { and, eq } from 'drizzle-orm';
import { hasRole, type Actor } from '../platform/auth/actor';
import type { DbOrTx } from '../platform/db/database';
import { AppError } from '../platform/http/app-error';
import { developmentProjects, stagePartners } from './schema';

import { developmentStaffRoles } from './development-staff';

export { developmentStaffRoles };

export type ProjectRow = typeof developmentProjects.$inferSelect;

export const isDevelopmentStaff = (actor: Actor | null): boolean => hasRole(actor, ...developmentStaffRoles);

/** Whoever runs the project: its owner, the unit lead, an admin (DV-1). */
export const managesProject = (actor: Actor, project: ProjectRow): boolean => project.ownerId === actor.id || hasRole(actor, 'unit_lead', 'admin');

/** Only the unit lead closes a stage without its required sign-offs (DV-2). */
export const mayOverrideSignOffs = (actor: Actor): boolean => hasRole(actor, 'unit_lead');

/**
 * The project, when the reader may see it: the unit's staff see every project; a partner only the
 * projects they are invited to. To anyone else it does not exist (DV-2: 404, not 403).
 */
export async function findVisibleProject(tx: DbOrTx, actor: Actor, id: string, lock = false): Promise<ProjectRow> {
  const query = tx.select().from(developmentProjects).where(eq(developmentProjects.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw AppError.notFound('This development project');
  if (isDevelopmentStaff(actor)) return row;
  const [invited] = await tx.select({ id: stagePartners.id }).from(stagePartners).where(and(eq(stagePartners.projectId, id), eq(stagePartners.personId, actor.id))).limit(1);
  if (!invited) throw AppError.notFound('This development project');
  return row;
}

/** The project for a change only its managers make; partners and other staff are refused. */
export async function findManagedProject(tx: DbOrTx, actor: Actor, id: string): Promise<ProjectRow> {
  const row = await findVisibleProject(tx, actor, id, true);
  if (!managesProject(actor, row)) throw AppError.forbidden('Only the project’s owner or the unit lead changes its plan.');
  if (row.state !== 'started') throw new AppError('conflict', `This project is ${row.state}; its plan no longer changes.`);
  return row;
}
