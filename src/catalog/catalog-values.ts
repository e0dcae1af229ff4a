// The catalog's enumerations, in a file of their own so the pages (next) can import them without
// the database layer; schema.ts builds its columns from the same lists.

export const courseFormats = ['classroom', 'virtual', 'e-learning', 'blended'] as const;
export type CourseFormat = (typeof courseFormats)[number];

export const courseStatuses = ['draft', 'published', 'retired'] as const;
export type CourseStatus = (typeof courseStatuses)[number];

export const approvalModes = ['none', 'supervisor', 'coordinator'] as const;
export type ApprovalMode = (typeof approvalModes)[number];

export const sessionStatuses = ['scheduled', 'cancelled'] as const;
export type SessionStatus = (typeof sessionStatuses)[number];

/** What happened to a course in one revision (CA-1: every change keeps a revision). */
/** `released`: a development project's release wrote its summary and objectives (DV-1 release). */
export const revisionActions = ['created', 'edited', 'published', 'retired', 'released'] as const;
export type RevisionAction = (typeof revisionActions)[number];

/** E-learning is self-paced: it has no sessions (CA-2). */
export const hasSessions = (format: CourseFormat): boolean => format !== 'e-learning';
