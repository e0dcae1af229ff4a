import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../tests/support/test-database';
import { fixedClock } from '../platform/clock';
import { AppError } from '../platform/http/app-error';
import { demoCharter, demoCalendar } from '../charter/demo-charter';
import { saveCharterDraft } from '../charter/save-charter-draft';
import { publishCharterDraft } from '../charter/publish-charter-draft';
import { recordClockEvent, type ClockEventInput } from './record-clock-event';
import { clockState } from './clock-state';
import { clockEvents, clocks, serviceLevels } from './schema';

let database: TestDatabase;
const clock = fixedClock(new Date('2026-01-05T12:00:00Z'));

beforeAll(async () => {
  database = await createTestDatabase();
  await database.db.transaction(async (tx) => {
    await saveCharterDraft(tx, clock, null, demoCharter);
    await publishCharterDraft(tx, clock, null);
  });
});
afterAll(() => database.drop());

/** A question event at a New York wall-clock time (EDT in these months, UTC−4). */
function questionEvent(type: string, id: string, localTime: string, attributes?: Record<string, string>): ClockEventInput {
  return { type, subject: { type: 'question', id }, at: new Date(`${localTime}-04:00`), ...(attributes ? { attributes } : {}) };
}

const record = (input: ClockEventInput) => database.db.transaction((tx) => recordClockEvent(tx, clock, input));

async function clocksOf(subjectId: string) {
  return database.db
    .select({ clock: clocks, level: serviceLevels })
    .from(clocks)
    .innerJoin(serviceLevels, eq(serviceLevels.id, clocks.serviceLevelId))
    .where(eq(clocks.subjectId, subjectId));
}

async function onlyClock(subjectId: string) {
  const rows = await clocksOf(subjectId);
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

describe('CH-3 clocks measured from real events on the business calendar', () => {
  it('a web question asked Friday 16:55 before a Monday holiday is due Tuesday 16:25 (8 working hours)', async () => {
    const id = randomUUID();
    // Memorial Day 2026 is Monday 25 May: 5 minutes on Friday, none on the weekend or Monday, 475 on Tuesday.
    const result = await record(questionEvent('question.asked', id, '2026-05-22T16:55:00', { channel: 'web' }));
    expect(result.started).toHaveLength(1);
    const { clock: row, level } = await onlyClock(id);
    expect(level.key).toBe('question.first-response.web');
    expect(row.dueAt.toISOString()).toBe('2026-05-26T20:25:00.000Z');
    const state = clockState(row, level, demoCalendar, new Date('2026-05-26T09:30:00-04:00'));
    expect(state).toMatchObject({ state: 'on_track', elapsedBusinessMinutes: 65, remainingBusinessMinutes: 415 });
  });

  it('answering stops the clock as met; an answer after the due time is breached', async () => {
    const onTime = randomUUID();
    const late = randomUUID();
    await record(questionEvent('question.asked', onTime, '2026-05-22T16:55:00', { channel: 'web' }));
    await record(questionEvent('question.asked', late, '2026-05-22T16:55:00', { channel: 'web' }));
    const answered = await record(questionEvent('question.answered', onTime, '2026-05-26T16:25:00'));
    await record(questionEvent('question.answered', late, '2026-05-26T16:26:00'));
    expect(answered.stopped).toHaveLength(1);
    expect((await onlyClock(onTime)).clock).toMatchObject({ outcome: 'met', elapsedBusinessMs: 480 * 60_000, stopEvent: 'question.answered' });
    expect((await onlyClock(late)).clock).toMatchObject({ outcome: 'breached', elapsedBusinessMs: 481 * 60_000 });
  });

  it('a pause while waiting on the customer moves the due time by the paused business time', async () => {
    const id = randomUUID();
    await record(questionEvent('question.asked', id, '2026-06-01T09:00:00', { channel: 'web' }));
    expect((await onlyClock(id)).clock.dueAt.toISOString()).toBe('2026-06-01T21:00:00.000Z'); // Monday 17:00
    await record(questionEvent('question.waiting-on-customer', id, '2026-06-01T10:00:00'));
    const paused = await onlyClock(id);
    expect(clockState(paused.clock, paused.level, demoCalendar, new Date('2026-06-02T09:00:00-04:00'))).toMatchObject({ state: 'paused', dueAt: null, elapsedBusinessMinutes: 60 });
    // 60 minutes used before the pause (from 09:00); the remaining 420 count from Tuesday 10:00.
    const resumed = await record(questionEvent('question.customer-replied', id, '2026-06-02T10:00:00'));
    expect(resumed.resumed).toHaveLength(1);
    const { clock: row, level } = await onlyClock(id);
    expect(row.dueAt.toISOString()).toBe('2026-06-02T21:00:00.000Z'); // Tuesday 17:00, not Monday 17:00
    expect(row.pausedAt).toBeNull();
    expect(clockState(row, level, demoCalendar, new Date('2026-06-02T11:00:00-04:00'))).toMatchObject({ state: 'on_track', elapsedBusinessMinutes: 120 });
    await record(questionEvent('question.answered', id, '2026-06-02T16:00:00'));
    expect((await onlyClock(id)).clock).toMatchObject({ outcome: 'met', elapsedBusinessMs: 420 * 60_000 });
  });

  it('a stop while paused does not count the wait against the unit', async () => {
    const id = randomUUID();
    await record(questionEvent('question.asked', id, '2026-06-03T09:00:00', { channel: 'email' }));
    await record(questionEvent('question.waiting-on-customer', id, '2026-06-03T10:00:00'));
    await record(questionEvent('question.answered', id, '2026-06-08T10:00:00'));
    expect((await onlyClock(id)).clock).toMatchObject({ outcome: 'met', elapsedBusinessMs: 60 * 60_000, pausedAt: null });
  });

  it('starts only the service levels whose attributes match: a phone question gets the phone target', async () => {
    const id = randomUUID();
    await record(questionEvent('question.asked', id, '2026-06-01T09:00:00', { channel: 'phone' }));
    const { clock: row, level } = await onlyClock(id);
    expect(level).toMatchObject({ key: 'question.first-response.phone', targetBusinessMinutes: 240 });
    expect(row.dueAt.toISOString()).toBe('2026-06-01T17:00:00.000Z');
    const unknown = randomUUID();
    expect((await record(questionEvent('question.asked', unknown, '2026-06-01T09:00:00', { channel: 'fax' }))).started).toEqual([]);
  });

  it('a repeated start event does not start a second running clock; a start after the stop does', async () => {
    const id = randomUUID();
    await record(questionEvent('question.asked', id, '2026-06-01T09:00:00', { channel: 'web' }));
    const again = await record(questionEvent('question.asked', id, '2026-06-01T09:05:00', { channel: 'web' }));
    expect(again.started).toEqual([]);
    expect(await clocksOf(id)).toHaveLength(1);
    await record(questionEvent('question.answered', id, '2026-06-01T11:00:00'));
    await record(questionEvent('question.asked', id, '2026-06-04T09:00:00', { channel: 'web' }));
    expect((await clocksOf(id)).map((r) => r.clock.stoppedAt === null).sort()).toEqual([false, true]);
    // Every event is kept, repeated or not, so the history can be explained.
    expect(await database.db.select().from(clockEvents).where(eq(clockEvents.subjectId, id))).toHaveLength(4);
  });

  it('one event can start several service levels: feedback is acknowledged and resolved on separate clocks', async () => {
    const id = randomUUID();
    await record({ type: 'feedback.received', subject: { type: 'feedback', id }, at: new Date('2026-06-01T09:00:00-04:00') });
    const resolved = await record({ type: 'feedback.resolved', subject: { type: 'feedback', id }, at: new Date('2026-06-02T09:00:00-04:00') });
    expect(resolved.stopped).toHaveLength(2);
    expect((await clocksOf(id)).map((r) => r.clock.outcome)).toEqual(['met', 'met']);
  });

  it('refuses an unregistered event type or one of another subject, writing nothing', async () => {
    const id = randomUUID();
    await expect(record(questionEvent('question.closed', id, '2026-06-01T09:00:00'))).rejects.toBeInstanceOf(AppError);
    await expect(record({ type: 'feedback.received', subject: { type: 'question', id }, at: new Date() })).rejects.toThrow(/cannot be recorded/);
    expect(await database.db.select().from(clockEvents).where(eq(clockEvents.subjectId, id))).toEqual([]);
  });
});
