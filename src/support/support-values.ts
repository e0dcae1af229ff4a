// Post-training support (AF-5). A case opens when an objective is reported not met; the coordinator
// chooses what helps — and "no further training" is a legitimate answer, given with a reason.
export const supportCaseStates = ['open', 'in_progress', 'closed'] as const;
export type SupportCaseState = (typeof supportCaseStates)[number];

export const supportOptions = ['practice_session', 'job_aid', 'coaching', 'mentoring', 'diagnosis', 'no_further_training'] as const;
export type SupportOption = (typeof supportOptions)[number];

export const supportCaseOrigins = ['follow_up', 'coordinator'] as const;
export type SupportCaseOrigin = (typeof supportCaseOrigins)[number];

export const supportCaseEventTypes = ['opened', 'objectives_added', 'assigned', 'decided', 'note', 'closed', 'reopened'] as const;
export type SupportCaseEventType = (typeof supportCaseEventTypes)[number];
