import { formatBusinessMinutes } from '../../charter/web/format-business-time';
import type { QuestionClock } from './questions-api';

// Times are shown in the viewer's own locale and time zone (the browser's), e.g. "Tue 26 May, 16:25".
const dueFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

export function formatDue(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dueFormat.format(date);
}

/** The first-response clock: the one a confirmation promises (the question's only clock today). */
export function firstResponseClock(clocks: readonly QuestionClock[]): QuestionClock | undefined {
  return clocks.find((clock) => clock.key.includes('first-response')) ?? clocks[0];
}

/** Working time without a calendar at hand: counted in working hours and minutes. */
export const workingTime = (minutes: number) => formatBusinessMinutes(minutes, 0);
