import { formatBusinessMinutes } from '../../charter/web/format-business-time';

// Times are shown in the viewer's own locale and time zone (the browser's), e.g. "Tue 26 May, 16:25".
const dueFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

export function formatDue(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dueFormat.format(date);
}

export { firstResponseOf as firstResponseClock } from '../first-response';

/** Working time without a calendar at hand: counted in working hours and minutes. */
export const workingTime = (minutes: number) => formatBusinessMinutes(minutes, 0);
