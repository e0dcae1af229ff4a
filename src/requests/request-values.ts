// Training requests and diagnosis before solutions (RQ-1..RQ-7). Values shared by the schema, the
// API's zod schemas and the pages; no database imports.

// draft → submitted → triaged (an owner) → diagnosing → recommended ⇄ discussing → accepted → closed.
// The requester may withdraw until they accept.
export const requestStates = ['draft', 'submitted', 'triaged', 'diagnosing', 'recommended', 'discussing', 'accepted', 'closed', 'withdrawn'] as const;
export type RequestState = (typeof requestStates)[number];

export const requestUrgencies = ['when_possible', 'soon', 'urgent'] as const;
export type RequestUrgency = (typeof requestUrgencies)[number];
export const urgencyLabels: Record<RequestUrgency, string> = {
  when_possible: 'When possible',
  soon: 'Soon (within a quarter)',
  urgent: 'Urgent (within weeks)',
};

/** Where a request came from: the intake form, a support case's 'diagnosis' decision, a workshop. */
export const requestOrigins = ['intake', 'support_case', 'workshop'] as const;
export type RequestOrigin = (typeof requestOrigins)[number];

// RQ-3: the causes a consultant weighs. Poor performance is often management or process, not people.
export const causeKinds = ['knowledge_skill', 'unclear_role', 'unclear_procedure', 'tools_resources', 'management_feedback_incentives', 'motivation', 'selection'] as const;
export type CauseKind = (typeof causeKinds)[number];
export const causeLabels: Record<CauseKind, string> = {
  knowledge_skill: 'Knowledge or skill',
  unclear_role: 'Unclear role',
  unclear_procedure: 'Unclear procedure',
  tools_resources: 'Tools or resources',
  management_feedback_incentives: 'Management, feedback or incentives',
  motivation: 'Motivation',
  selection: 'Selection (the right people in the job)',
};
/** 0: not a cause, 1: minor, 2: contributing, 3: major. */
export const causeWeights = [0, 1, 2, 3] as const;
export const weightLabels = ['Not a cause', 'Minor', 'Contributing', 'Major'] as const;

// RQ-5: what a recommendation may hold. Only the first two are training.
export const interventionKinds = ['new_course', 'existing_course', 'job_aid', 'procedure_change', 'role_clarification', 'coaching', 'management_action', 'no_intervention'] as const;
export type InterventionKind = (typeof interventionKinds)[number];
export const trainingInterventions: readonly InterventionKind[] = ['new_course', 'existing_course'];
export const interventionLabels: Record<InterventionKind, string> = {
  new_course: 'New course',
  existing_course: 'Existing course',
  job_aid: 'Job aid',
  procedure_change: 'Procedure change',
  role_clarification: 'Role clarification',
  coaching: 'Coaching',
  management_action: 'Management action',
  no_intervention: 'No intervention',
};

export const requestEventTypes = ['drafted', 'submitted', 'assigned', 'diagnosed', 'survey_sent', 'reconciled', 'recommended', 'discussed', 'accepted', 'follow_through', 'closed', 'withdrawn', 'effort'] as const;
export type RequestEventType = (typeof requestEventTypes)[number];

// RQ-6: what an accepted intervention becomes.
export const actionKinds = ['project', 'enrolments', 'referral'] as const;
export type ActionKind = (typeof actionKinds)[number];
export const actionStates = ['open', 'done', 'dropped'] as const;
export type ActionState = (typeof actionStates)[number];
