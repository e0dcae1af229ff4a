import { knownClockEvents } from './known-clock-events';

export type ClockEventType = { type: string; subjectType: string; label: string };

// Definitions are validated against this registry, so a charter cannot name an event no
// capability emits — such a clock would start and never stop, or never start at all.
const registry = new Map<string, ClockEventType>();

const eventTypeName = /^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/;

/** Adds event types; registering the same type again with the same subject is harmless. */
export function registerClockEventTypes(...types: ClockEventType[]): void {
  for (const entry of types) {
    if (!eventTypeName.test(entry.type)) {
      throw new Error(`Clock event type "${entry.type}" must look like "subject.happened" (lower case, one dot).`);
    }
    const existing = registry.get(entry.type);
    if (existing && existing.subjectType !== entry.subjectType) {
      throw new Error(`Clock event type "${entry.type}" is already registered for ${existing.subjectType}, not ${entry.subjectType}.`);
    }
    registry.set(entry.type, { ...entry });
  }
}

export function findClockEventType(type: string): ClockEventType | undefined {
  return registry.get(type);
}

export function listClockEventTypes(): ClockEventType[] {
  return [...registry.values()];
}

export function listSubjectTypes(): string[] {
  return [...new Set([...registry.values()].map((entry) => entry.subjectType))];
}

registerClockEventTypes(...knownClockEvents);
