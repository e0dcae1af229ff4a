import type { Role } from '../platform/auth/roles';

/**
 * Who reads the value dashboard (VA-1): the unit lead who answers for the unit's worth, the
 * organization's leaders it answers to, and the coordinators who run the service. Figures and the
 * records behind them name courses, units and dates, never a learner or a respondent.
 */
export const valueReaderRoles = ['unit_lead', 'leader', 'coordinator'] as const satisfies readonly Role[];
