import { hasRole, type Actor } from '../platform/auth/actor';
import type { Role } from '../platform/auth/roles';

/**
 * Who handles questions to the unit (IN-1): log contacts, assign, answer, and see them all.
 * Leaders see the organization's people but do not work the unit's queue.
 */
export const questionStaffRoles = ['coordinator', 'consultant', 'unit_lead', 'admin'] as const satisfies readonly Role[];

export function handlesQuestions(actor: Actor | null): boolean {
  return hasRole(actor, ...questionStaffRoles);
}
