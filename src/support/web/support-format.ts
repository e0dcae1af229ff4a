import type { SupportCaseEventType, SupportCaseState, SupportOption } from '../support-values';
import { supportOptionText } from '../support-options';

// Words and colours for a case's state and history (AF-5), shared by the queue and the case page.

export const stateLabel: Record<SupportCaseState, string> = { open: 'Open', in_progress: 'In progress', closed: 'Closed' };
/** Badge colours; the text uses shade 9 of each so it passes contrast on the light variant. */
export const stateColor: Record<SupportCaseState, string> = { open: 'orange', in_progress: 'blue', closed: 'gray' };

export const optionLabel = (option: SupportOption | null) => (option ? supportOptionText[option].label : 'Not decided yet');

export const eventLabel: Record<SupportCaseEventType, string> = {
  opened: 'Case opened',
  objectives_added: 'Objectives added',
  assigned: 'Assigned',
  decided: 'Decided',
  note: 'Internal note',
  closed: 'Closed',
  reopened: 'Reopened',
};
