import type { SupportOption } from '../../support/support-values';

export const percentText = (value: number | null): string => (value === null ? '—' : `${value}%`);

/** An NPS reads with its sign: +17, 0, −13; no answers, no score. */
export const npsText = (value: number | null): string => (value === null ? 'No score' : value > 0 ? `+${value}` : value < 0 ? `−${Math.abs(value)}` : '0');

export const supportOptionLabels: Record<SupportOption, string> = {
  practice_session: 'Lab or practice session',
  job_aid: 'Job aid',
  coaching: 'Coaching',
  mentoring: 'Mentoring',
  diagnosis: 'Referral to a diagnosis',
  no_further_training: 'No further training',
};

/** A session's day and time where it happened. */
export function sessionWhen(startsAt: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(startsAt));
}
