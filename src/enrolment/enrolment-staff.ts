import { hasRole, type Actor } from '../platform/auth/actor';
import type { Role } from '../platform/auth/roles';
import { catalogEditorRoles } from '../catalog/catalog-editors';

/**
 * Who runs enrolments (CA-3): the coordinators who run the catalog and its sessions, the unit lead
 * who answers for them and admins. They enrol anyone (after the deadline too), approve where the
 * session asks a coordinator, cancel, substitute and read every roster. Consultants and leaders see
 * the organization's people, not who is booked on what.
 */
export const enrolmentStaffRoles = catalogEditorRoles satisfies readonly Role[];

export function runsEnrolments(actor: Actor | null): boolean {
  return hasRole(actor, ...enrolmentStaffRoles);
}
