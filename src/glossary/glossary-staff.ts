import type { Role } from '../platform/auth/roles';

/**
 * Who writes the glossary (FB-3): the training unit's people who talk with customers and shape
 * courses. Everyone signed in reads it: a common language is only common if all can look it up.
 */
export const glossaryEditorRoles = ['coordinator', 'consultant', 'unit_lead', 'admin'] as const satisfies readonly Role[];
