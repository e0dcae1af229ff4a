import { hasRole, type Actor } from '../platform/auth/actor';
import type { Role } from '../platform/auth/roles';

/** Who edits and publishes the charter, and so who may know a draft exists (CH-1). */
export const charterEditorRoles = ['unit_lead', 'admin'] as const satisfies readonly Role[];

export function mayEditCharter(actor: Actor | null): boolean {
  return hasRole(actor, ...charterEditorRoles);
}
