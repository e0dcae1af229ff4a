import { hasRole, type Actor } from '../platform/auth/actor';
import type { Role } from '../platform/auth/roles';

/** Who works the unit's requests (RQ-2): the consultants who triage and diagnose, with the coordinators, the unit lead and admins. */
export const requestStaffRoles: readonly Role[] = ['consultant', 'coordinator', 'unit_lead', 'admin'];

export const worksRequests = (actor: Actor): boolean => hasRole(actor, ...requestStaffRoles);

/** The unit lead keeps goals and prime segments (RQ-7); admins too. */
export const goalKeeperRoles: readonly Role[] = ['unit_lead', 'admin'];

/** Who reads the portfolio (RQ-7): the unit's staff who work requests, and the leaders the goals are theirs. */
export const portfolioReaderRoles: readonly Role[] = [...requestStaffRoles, 'leader'];
