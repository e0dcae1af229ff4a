import { hasRole, type Actor } from '../platform/auth/actor';
import type { Role } from '../platform/auth/roles';

/**
 * Who writes the catalog (CA-1, CA-2): coordinators run it, the unit lead answers for it, admins
 * run Stride. They also see drafts, retired courses, join links and a course's history.
 */
export const catalogEditorRoles = ['coordinator', 'unit_lead', 'admin'] as const satisfies readonly Role[];

export function editsCatalog(actor: Actor | null): boolean {
  return hasRole(actor, ...catalogEditorRoles);
}
