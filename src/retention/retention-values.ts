// Retention plans (AF-6): what the learner will do to apply each objective. Additional training is
// one kind of action among others, never the default.
export const retentionPlanStates = ['active', 'closed'] as const;
export type RetentionPlanState = (typeof retentionPlanStates)[number];

export const retentionActionKinds = ['apply_on_the_job', 'practice', 'job_aid', 'coaching', 'mentoring', 'additional_training'] as const;
export type RetentionActionKind = (typeof retentionActionKinds)[number];

export const retentionActionOwners = ['learner', 'supervisor'] as const;
export type RetentionActionOwner = (typeof retentionActionOwners)[number];
