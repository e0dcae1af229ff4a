// Development projects (RQ-6, DV-1..4): the values pages and server share, without the database layer.
export const projectSizes = ['small', 'medium', 'large'] as const;
export type ProjectSize = (typeof projectSizes)[number];
export const projectStates = ['started', 'delivered', 'cancelled'] as const;
export type ProjectState = (typeof projectStates)[number];

/** A stage waits for the one before it, is worked on, then closes (DV-1). */
export const stageStates = ['pending', 'active', 'closed'] as const;
export type StageState = (typeof stageStates)[number];

/** What an invited partner says about a stage's deliverables (DV-2). */
export const partnerDecisions = ['signed-off', 'changes-requested'] as const;
export type PartnerDecision = (typeof partnerDecisions)[number];

/**
 * The planned length of a project by size, in calendar days, spread over its stages for their
 * first due dates. Only a starting plan: owners move due dates; the charter's service level,
 * on working days, is what development time is measured against (DV-3).
 */
export const plannedDays: Record<ProjectSize, number> = { small: 14, medium: 42, large: 84 };

/** What a course's reader can report after release (DV-4). */
export const problemKinds = ['content-error', 'outdated-procedure', 'broken-link', 'accessibility', 'question'] as const;
export type ProblemKind = (typeof problemKinds)[number];
export const problemKindLabels: Record<ProblemKind, string> = {
  'content-error': 'Content error',
  'outdated-procedure': 'Outdated procedure',
  'broken-link': 'Broken link',
  accessibility: 'Accessibility issue',
  question: 'Question',
};
export const problemStates = ['received', 'triaged', 'answered', 'fixed', 'closed'] as const;
export type ProblemState = (typeof problemStates)[number];
