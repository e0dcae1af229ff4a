import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import { AppError } from '../platform/http/app-error';
import { findVersionInForce } from '../charter/find-version-in-force';
import { findVersionCalendars } from '../charter/find-version-calendars';
import { findClockEventType } from './clock-events';
import { resumeTimes, startTimes, stopTimes } from './clock-transitions';
import { toDefinition, type StoredServiceLevel } from './list-service-levels';
import { clockEvents, clocks, serviceLevels, type ClockEventAttributes } from './schema';

export type ClockEventInput = {
  type: string;
  subject: { type: string; id: string };
  /** When it happened (a phone call logged later keeps the time of the call). */
  at: Date;
  /** Matched against a service level's attribute match: { channel: 'web' }, { size: 'large' }. */
  attributes?: ClockEventAttributes;
  /** Who answers for the subject; a later event naming one hands its running clocks over. */
  ownerId?: string | null;
  businessUnitId?: string | null;
};

export type RecordedClockEvent = { eventId: number; started: string[]; paused: string[]; resumed: string[]; stopped: string[] };

/**
 * Records what happened to a subject and moves its clocks, in the caller's transaction: the
 * change (a question answered) and its measurement commit together or not at all (CH-3).
 * Capabilities call this instead of timing themselves.
 */
export async function recordClockEvent(tx: DbOrTx, clock: Clock, input: ClockEventInput): Promise<RecordedClockEvent> {
  checkEvent(input);
  const attributes = input.attributes ?? {};
  const [event] = await tx
    .insert(clockEvents)
    .values({
      type: input.type,
      subjectType: input.subject.type,
      subjectId: input.subject.id,
      at: input.at,
      attributes,
      ownerId: input.ownerId ?? null,
      businessUnitId: input.businessUnitId ?? null,
      recordedAt: clock.now(),
    })
    .returning({ id: clockEvents.id });
  const eventId = event!.id;
  const result: RecordedClockEvent = { eventId, started: [], paused: [], resumed: [], stopped: [] };
  await moveRunningClocks(tx, input, eventId, result);
  await startClocks(tx, input, attributes, eventId, result);
  return result;
}

function checkEvent(input: ClockEventInput): void {
  const known = findClockEventType(input.type);
  const fields = [];
  if (!known) fields.push({ field: 'type', message: `Unknown clock event type "${input.type}"; register it first.` });
  else if (known.subjectType !== input.subject.type) {
    fields.push({ field: 'subject.type', message: `"${input.type}" happens to a ${known.subjectType}, not a ${input.subject.type}.` });
  }
  if (!input.subject.id) fields.push({ field: 'subject.id', message: 'Say which subject the event happened to.' });
  if (!(input.at instanceof Date) || Number.isNaN(input.at.getTime())) fields.push({ field: 'at', message: 'The event needs a valid time.' });
  if (fields.length) throw AppError.invalid(fields, 'The clock event cannot be recorded:');
}

async function moveRunningClocks(tx: DbOrTx, input: ClockEventInput, eventId: number, result: RecordedClockEvent): Promise<void> {
  const running = await tx
    .select({ clock: clocks, level: serviceLevels })
    .from(clocks)
    .innerJoin(serviceLevels, eq(serviceLevels.id, clocks.serviceLevelId))
    .where(and(eq(clocks.subjectType, input.subject.type), eq(clocks.subjectId, input.subject.id), isNull(clocks.stoppedAt)))
    .for('update', { of: clocks });
  if (running.length === 0) return;
  const calendars = await findVersionCalendars(tx, running.map((r) => r.level.charterVersionId));
  for (const { clock, level } of running) {
    const calendar = calendars.get(level.charterVersionId);
    // An event from before the clock started (logged late, out of order) is not part of its story.
    if (!calendar || input.at < clock.startedAt) continue;
    const owner = input.ownerId !== undefined && input.ownerId !== clock.ownerId ? { ownerId: input.ownerId } : {};
    if (level.stopEvents.includes(input.type)) {
      await update(tx, clock.id, { ...owner, ...stopTimes(clock, level, calendar, input.at), stopEvent: input.type, stopEventId: eventId });
      result.stopped.push(clock.id);
    } else if (level.pauseEvents.includes(input.type) && !clock.pausedAt) {
      await update(tx, clock.id, { ...owner, pausedAt: input.at });
      result.paused.push(clock.id);
    } else if (level.resumeEvents.includes(input.type) && clock.pausedAt) {
      await update(tx, clock.id, { ...owner, ...resumeTimes({ ...clock, pausedAt: clock.pausedAt }, level, calendar, input.at) });
      result.resumed.push(clock.id);
    } else if ('ownerId' in owner) {
      await update(tx, clock.id, owner);
    }
  }
}

function update(tx: DbOrTx, id: string, values: Partial<typeof clocks.$inferInsert>) {
  return tx.update(clocks).set(values).where(eq(clocks.id, id));
}

/** Every service level of the version in force at the event's time that this event starts. */
async function startClocks(tx: DbOrTx, input: ClockEventInput, attributes: ClockEventAttributes, eventId: number, result: RecordedClockEvent): Promise<void> {
  const version = await findVersionInForce(tx, input.at);
  if (!version) return;
  const rows = await tx
    .select()
    .from(serviceLevels)
    .where(and(eq(serviceLevels.charterVersionId, version.id), eq(serviceLevels.startEvent, input.type), eq(serviceLevels.subjectType, input.subject.type)));
  for (const level of rows.map(toDefinition).filter((l) => matches(l, attributes))) {
    const [started] = await tx
      .insert(clocks)
      .values({
        serviceLevelId: level.id,
        serviceLevelKey: level.key,
        subjectType: input.subject.type,
        subjectId: input.subject.id,
        ownerId: input.ownerId ?? null,
        businessUnitId: input.businessUnitId ?? null,
        startEventId: eventId,
        startedAt: input.at,
        ...startTimes(version.calendar, input.at, level),
      })
      // The partial unique index on running clocks makes a repeated start (a double submit, a
      // retried job) start nothing, even when two transactions race.
      .onConflictDoNothing()
      .returning({ id: clocks.id });
    if (started) result.started.push(started.id);
  }
}

function matches(level: StoredServiceLevel, attributes: ClockEventAttributes): boolean {
  return Object.entries(level.attributeMatch ?? {}).every(([name, value]) => attributes[name] === value);
}
