import type { RequestState } from '../request-values';

export const stateLabel: Record<RequestState, string> = {
  draft: 'Draft',
  submitted: 'Waiting for triage',
  triaged: 'Triaged',
  diagnosing: 'Diagnosing',
  recommended: 'Recommendation to read',
  discussing: 'Being discussed',
  accepted: 'Accepted — in follow-through',
  closed: 'Closed',
  withdrawn: 'Withdrawn',
};

export const stateColor: Record<RequestState, string> = {
  draft: 'gray',
  submitted: 'orange',
  triaged: 'blue',
  diagnosing: 'indigo',
  recommended: 'grape',
  discussing: 'yellow',
  accepted: 'teal',
  closed: 'green',
  withdrawn: 'gray',
};

export const eventLabel: Record<string, string> = {
  drafted: 'Started',
  submitted: 'Sent to the training unit',
  assigned: 'Owner assigned',
  diagnosed: 'Diagnosis saved',
  recommended: 'Recommendation issued',
  discussed: 'Requester asked to discuss',
  accepted: 'Requester accepted',
  follow_through: 'Follow-through',
  closed: 'Closed',
  withdrawn: 'Withdrawn',
};
