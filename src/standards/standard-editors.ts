import { hasRole, type Actor } from '../platform/auth/actor';
import type { Role } from '../platform/auth/roles';

/** Who writes and publishes the unit's standards, and so who may know a draft exists (ST-1). */
export const standardEditorRoles = ['unit_lead', 'admin'] as const satisfies readonly Role[];

/** Who checks courses, sessions and deliverables against them (ST-2): the people who build and run them. */
export const standardCheckerRoles = ['coordinator', 'consultant', 'unit_lead', 'admin'] as const satisfies readonly Role[];

export function mayEditStandards(actor: Actor | null): boolean {
  return hasRole(actor, ...standardEditorRoles);
}

export function mayCheckStandards(actor: Actor | null): boolean {
  return hasRole(actor, ...standardCheckerRoles);
}
