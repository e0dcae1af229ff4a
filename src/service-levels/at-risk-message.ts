import type { ClockState } from './clock-state';
import type { clocks, serviceLevels } from './schema';

type Input = {
  clock: typeof clocks.$inferSelect;
  level: typeof serviceLevels.$inferSelect;
  state: ClockState | undefined;
  timeZone: string;
  now: Date;
  /** How people quote the subject ("Q-000123"), from the capability that owns it; its id where none is offered. */
  reference?: string | undefined;
};

const subjectNames: Record<string, string> = {
  question: 'question',
  'training-request': 'training request',
  enrolment: 'enrolment',
  'development-project': 'development project',
  feedback: 'feedback',
  'problem-report': 'problem report',
};

/** The warning's words: what is at risk, by when it is due, and that the promise is the charter's. */
export function atRiskMessage({ clock, level, state, timeZone, now, reference }: Input): { subject: string; body: string } {
  const when = new Intl.DateTimeFormat('en-US', {
    timeZone, weekday: 'long', month: 'long', day: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short',
  });
  const due = when.format(clock.dueAt);
  const what = `${subjectNames[clock.subjectType] ?? clock.subjectType} ${reference ?? clock.subjectId}`;
  const late = clock.dueAt <= now;
  const used = state ? `${Math.round(state.shareUsed * 100)}% of its target of ${formatTarget(level.targetBusinessMinutes)} is used` : '';
  return {
    subject: late ? `Past due: ${level.name}` : `At risk: ${level.name} — due ${due}`,
    body: [
      late
        ? `The charter's service level "${level.name}" for ${what} was due ${due}.`
        : `The charter's service level "${level.name}" for ${what} is at risk: ${used}. It is due ${due}.`,
      `The clock started ${when.format(clock.startedAt)} and counts working hours only.`,
      'We publish this promise to our customers; please act on it, or tell the customer what to expect.',
    ].join('\n\n'),
  };
}

function formatTarget(minutes: number): string {
  if (minutes % 60 !== 0) return `${minutes} working minutes`;
  const hours = minutes / 60;
  return hours === 1 ? '1 working hour' : `${hours} working hours`;
}
