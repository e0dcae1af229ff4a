import { hasRole, type Actor } from '../platform/auth/actor';
import type { Role } from '../platform/auth/roles';

/**
 * Who handles feedback and complaints (FB-1): the unit lead, who owns the charter's feedback
 * promises, the coordinators who run the unit's service day to day, and admins. Leaders see the
 * trend, never the items: a complaint is told to the unit, not to the hierarchy.
 */
export const feedbackStaffRoles = ['unit_lead', 'coordinator', 'admin'] as const satisfies readonly Role[];
export const feedbackTrendRoles = [...feedbackStaffRoles, 'leader'] as const satisfies readonly Role[];

export function handlesFeedback(actor: Actor | null): boolean {
  return hasRole(actor, ...feedbackStaffRoles);
}
