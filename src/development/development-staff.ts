import type { Role } from '../platform/auth/roles';

/** The unit's staff who build and follow courseware: they see every project and problem report (DV-1, DV-4). */
export const developmentStaffRoles = ['consultant', 'coordinator', 'unit_lead', 'admin'] as const satisfies readonly Role[];
/** Who starts a project by hand (DV-1). */
export const projectStarterRoles = ['consultant', 'unit_lead', 'admin'] as const satisfies readonly Role[];
