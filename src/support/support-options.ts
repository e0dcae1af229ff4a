import type { SupportOption } from './support-values';

// The six answers a coordinator can give to an objective not met (AF-5), in plain words: the page
// shows them as cards, the mail repeats the label and what happens next. No database imports, so
// the pages can use it. "No further training" is a full answer, not a fallback: the unit explains
// why more training would not help.

export type SupportOptionText = { label: string; description: string; next: string };

export const supportOptionText: Record<SupportOption, SupportOptionText> = {
  practice_session: {
    label: 'A lab or practice session',
    description: 'Hands-on practice of the objectives not met, with someone from the unit on hand.',
    next: 'The training unit will propose a practice session and agree a date with you.',
  },
  job_aid: {
    label: 'A job aid',
    description: 'A checklist, guide or template to use at the moment of doing the work.',
    next: 'The training unit will send you the job aid and check in after you have used it.',
  },
  coaching: {
    label: 'Coaching',
    description: 'A few short sessions with a coach on applying the objectives to real work.',
    next: 'The training unit will put you in touch with a coach to arrange the first session.',
  },
  mentoring: {
    label: 'Mentoring',
    description: 'An experienced colleague to turn to while applying what the course covered.',
    next: 'The training unit will introduce you to a mentor and agree how often you meet.',
  },
  diagnosis: {
    label: 'A referral to a diagnosis',
    description: 'Look first at what gets in the way — tools, time, process, workload — before proposing any training.',
    next: 'The training unit will look at what is getting in the way with you and your supervisor before proposing any training.',
  },
  no_further_training: {
    label: 'No further training',
    description: 'More training is not the answer here; the reason says why and what can help instead.',
    next: 'No further training is planned. The reason above says why and what can help instead; the case closes once the unit has checked in with you.',
  },
};
