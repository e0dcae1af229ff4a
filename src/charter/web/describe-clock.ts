import { knownClockEvents } from '../../service-levels/known-clock-events';
import type { CharterServiceLevel } from './charter-api';

// The clock of a service level in the words of the event registry, so a reader sees "A question
// reached the unit" rather than "question.asked".

const labels = new Map<string, string>(knownClockEvents.map((event) => [event.type, event.label]));

/** The event's label, or its name made readable when no capability describes it. */
export function eventInWords(type: string): string {
  return labels.get(type) ?? type.replace(/[.-]/g, ' ');
}

/** "A or B" (sentence case kept for the first, lower case for the rest). */
export function eventsInWords(types: readonly string[]): string {
  const words = types.map((type, i) => (i === 0 ? eventInWords(type) : lowerFirst(eventInWords(type))));
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

function lowerFirst(text: string): string {
  // Keep "The", lower it only after the first: "… or the sender was told".
  return text.charAt(0).toLowerCase() + text.slice(1);
}

export type ClockInWords = { starts: string; stops: string; pauses?: string };

export function clockInWords(level: Pick<CharterServiceLevel, 'startEvent' | 'stopEvents' | 'pauseEvents' | 'resumeEvents'>): ClockInWords {
  return {
    starts: eventInWords(level.startEvent),
    stops: eventsInWords(level.stopEvents),
    pauses: level.pauseEvents.length > 0 ? `${eventsInWords(level.pauseEvents)}; runs again when ${lowerFirst(eventsInWords(level.resumeEvents))}` : undefined,
  };
}

/** "Only for channel: web" from a service level's attribute match, or undefined when it has none. */
export function matchInWords(match: Record<string, string> | null): string | undefined {
  const entries = Object.entries(match ?? {});
  if (entries.length === 0) return undefined;
  return `Only when ${entries.map(([name, value]) => `${name} is ${value}`).join(' and ')}`;
}
