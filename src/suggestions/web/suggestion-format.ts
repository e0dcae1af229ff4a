import type { Suggestion } from './suggestions-api';

export const suggestionStatusLabels: Record<Suggestion['status'], string> = {
  submitted: 'Waiting for the manager',
  escalated: 'With leadership',
  answered: 'Answered by the manager',
  adopted: 'Adopted',
  piloted: 'Being piloted',
  declined: 'Declined',
};
export const suggestionStatusColors: Record<Suggestion['status'], string> = { submitted: 'orange', escalated: 'blue', answered: 'gray', adopted: 'teal', piloted: 'cyan', declined: 'red' };
export const suggestionEventLabels: Record<Suggestion['events'][number]['type'], string> = {
  submitted: 'Suggested',
  escalated: 'Supported and escalated to leadership',
  answered: 'Answered: not taken further',
  adopted: 'Adopted',
  piloted: 'To be piloted',
  declined: 'Declined',
  reminded: 'The manager was reminded',
};
