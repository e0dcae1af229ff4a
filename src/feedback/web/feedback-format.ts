import type { Feedback } from './feedback-api';

export const statusLabels: Record<Feedback['status'], string> = {
  received: 'Received',
  acknowledged: 'Acknowledged',
  investigating: 'Being investigated',
  responded: 'Responded',
  closed: 'Closed',
};
export const statusColors: Record<Feedback['status'], string> = { received: 'orange', acknowledged: 'blue', investigating: 'violet', responded: 'teal', closed: 'gray' };

export const eventLabels: Record<Feedback['events'][number]['type'], string> = {
  received: 'Received',
  acknowledged: 'Acknowledged',
  note: 'Investigation note',
  responded: 'Response',
  'sender-replied': 'The sender replied',
  closed: 'Loop closed',
};
