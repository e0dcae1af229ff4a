import type { Role } from '../platform/auth/roles';

/**
 * Who reads the compliance report (CH-3): training-unit staff and leaders. The report names
 * subjects, owners and business units across the whole organization, which is what these roles
 * already see (platform/auth/roles.ts). The API and the page's navigation both use this list.
 */
export const complianceRoles = ['unit_lead', 'leader', 'admin', 'coordinator', 'consultant'] as const satisfies readonly Role[];
