import type { Actor } from '../platform/auth/actor';
import { hasRole, isStaff } from '../platform/auth/actor';
import type { Role } from '../platform/auth/roles';

/**
 * Who runs customer experience workshops (CX-1..4): the consultants who diagnose requests, the
 * unit lead and admins. The unit's other staff and leaders read them (a workshop's findings are
 * the organization's), and so does everyone who took part.
 */
export const workshopRunnerRoles = ['consultant', 'unit_lead', 'admin'] as const satisfies readonly Role[];

export const runsWorkshops = (actor: Actor | null): boolean => hasRole(actor, ...workshopRunnerRoles);
export const readsAllWorkshops = (actor: Actor | null): boolean => isStaff(actor);
