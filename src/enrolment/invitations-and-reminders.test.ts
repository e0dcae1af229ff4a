import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, like } from 'drizzle-orm';
import ICAL from 'ical.js';
import { createPerson, type TestPerson } from '../../tests/support/factories';
import { createTestStride, type TestStride } from '../../tests/support/test-stride';
import type { TestClient } from '../../tests/support/test-client';
import { publishedCourse, scheduledSession } from '../../tests/support/enrolment-factories';
import { outbox } from '../platform/mail/schema';
import { sendDueReminders } from './send-reminders';

// CA-5: a confirmed seat is in the learner's calendar (an iCalendar REQUEST), a change of time or
// place updates the same event (same UID, higher SEQUENCE), a cancellation removes it (CANCEL);
// reminders go on the session's schedule (7 days and 1 day before by default), each once.

let s: TestStride;
let coordinator: TestClient;
let coordinatorPerson: TestPerson;
const learners: { person: TestPerson; client: TestClient }[] = [];
let courseId: string;
const base = new Date('2026-03-02T12:00:00Z'); // a Monday, EST (UTC−5)
const DAY = 86_400_000;

beforeAll(async () => {
  s = await createTestStride();
  coordinatorPerson = await createPerson(s.db, { name: 'Cora Coordinator', roles: ['coordinator'] });
  coordinator = await s.signInAs(coordinatorPerson);
  for (const name of ['Lena Learner', 'Luis Learner', 'Lia Learner', 'Leo Learner']) {
    const person = await createPerson(s.db, { name });
    learners.push({ person, client: await s.signInAs(person) });
  }
  s.clock.set(base);
  courseId = await publishedCourse(coordinator, coordinatorPerson.id);
});
afterAll(() => s.close());

/** Every message to someone, oldest first. */
async function mailsTo(email: string) {
  return s.db.select().from(outbox).where(eq(outbox.toAddress, email)).orderBy(asc(outbox.id));
}

function eventOf(mail: { attachments: { content: string; method?: string }[] }) {
  const part = mail.attachments.find((a) => a.method);
  if (!part) return undefined;
  const calendar = new ICAL.Component(ICAL.parse(part.content));
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  const event = new ICAL.Event(vevent);
  const local = (zone: string) => new Intl.DateTimeFormat('en-GB', { timeZone: zone, dateStyle: 'short', timeStyle: 'short' }).format(event.startDate.toJSDate());
  return { method: calendar.getFirstPropertyValue('method'), uid: event.uid, sequence: event.sequence, start: event.startDate.toJSDate().toISOString(), status: vevent.getFirstPropertyValue('status'), local };
}

async function apply(learner: { client: TestClient }, sessionId: string) {
  const res = await learner.client.post(`/api/v1/course-sessions/${sessionId}/enrolments`, {});
  expect(res.status, res.text).toBe(201);
  return res.body as { id: string; state: string };
}

type SessionJson = { sequence: number; startsAt: string; startsLocal: string; endsLocal: string; timeZone: string; place: string | null; capacity: number; approvalMode: string; reminderOffsetsMinutes: number[] };

async function session(id: string): Promise<SessionJson> {
  const res = await coordinator.get(`/api/v1/course-sessions/${id}`);
  expect(res.status, res.text).toBe(200);
  return res.body as SessionJson;
}

/** PUT replaces the session: the editor sends every field, changed or not. */
async function edit(id: string, changes: Record<string, unknown>) {
  const current = await session(id);
  const body = { sequence: current.sequence, startsAt: current.startsLocal, endsAt: current.endsLocal, timeZone: current.timeZone, place: current.place, capacity: current.capacity, approvalMode: current.approvalMode, reminderOffsetsMinutes: current.reminderOffsetsMinutes, ...changes };
  const res = await coordinator.put(`/api/v1/course-sessions/${id}`, body);
  expect(res.status, res.text).toBe(200);
  return res.body as SessionJson;
}

describe('CA-5 confirmations with calendar invitations, updates, cancellations and reminders', () => {
  it('CA-5 a confirmation carries a REQUEST whose time parses right in a calendar library; a time change updates the same event; cancelling removes it', async () => {
    s.clock.set(base);
    // 10 March 2026, 09:00–17:00 in Lisbon (WET, UTC+0) — 05:00 in New York (EDT since 8 March).
    const id = await scheduledSession(coordinator, courseId, base, { startsAt: '2026-03-10T09:00', endsAt: '2026-03-10T17:00', timeZone: 'Europe/Lisbon', approvalMode: 'none', capacity: 5 });
    const lena = learners[0]!;
    const enrolment = await apply(lena, id);
    expect(enrolment.state).toBe('confirmed');

    const [confirmation] = await mailsTo(lena.person.email);
    expect(confirmation?.subject).toMatch(/^Confirmed: /);
    const invite = eventOf(confirmation!)!;
    expect(invite).toMatchObject({ method: 'REQUEST', uid: expect.stringContaining(enrolment.id), sequence: (await session(id)).sequence, start: '2026-03-10T09:00:00.000Z', status: 'CONFIRMED' });
    expect(invite.local('Europe/Lisbon')).toBe('10/03/2026, 09:00');
    expect(invite.local('America/New_York')).toBe('10/03/2026, 05:00');
    expect(confirmation!.attachments[0]?.contentType).toBe('text/calendar; charset=utf-8; method=REQUEST');

    // The coordinator moves it to the afternoon: same UID, the next SEQUENCE, the new time.
    const before = await session(id);
    await edit(id, { startsAt: '2026-03-10T13:00', place: 'Lisbon office, room 2.14' });
    const changed = (await mailsTo(lena.person.email)).find((m) => m.subject.startsWith('Changed: '))!;
    expect(changed.textBody).toContain('The time and place of your session changed');
    expect(eventOf(changed)).toMatchObject({ method: 'REQUEST', uid: invite.uid, sequence: before.sequence + 1, start: '2026-03-10T13:00:00.000Z' });

    // She cancels: the event leaves her calendar.
    const cancelled = await lena.client.post(`/api/v1/enrolments/${enrolment.id}/cancel`, { reason: 'A customer visit came up.' });
    expect(cancelled.status, cancelled.text).toBe(200);
    const cancel = (await mailsTo(lena.person.email)).find((m) => m.subject.startsWith('Cancelled: '))!;
    expect(eventOf(cancel)).toMatchObject({ method: 'CANCEL', uid: invite.uid, sequence: before.sequence + 2, status: 'CANCELLED' });
  });

  it('CA-5 cancelling the session ends every enrolment: the seated learner gets a CANCEL, the waitlisted a notice without one; more seats promote the waitlist with an invitation', async () => {
    s.clock.set(base);
    const id = await scheduledSession(coordinator, courseId, base, { approvalMode: 'none', capacity: 1 });
    const [luis, lia, leo] = [learners[1]!, learners[2]!, learners[3]!];
    await apply(luis, id);
    const waiting = await apply(lia, id);
    const third = await apply(leo, id);
    expect([waiting.state, third.state]).toEqual(['waitlisted', 'waitlisted']);

    // Two seats: Lia moves up (and gets her invitation); Leo stays next.
    await edit(id, { capacity: 2 });
    const promoted = (await mailsTo(lia.person.email)).find((m) => m.subject.startsWith('Confirmed: '))!;
    expect(promoted.textBody).toContain('a seat freed up');
    expect(eventOf(promoted)?.method).toBe('REQUEST');

    const current = await session(id);
    const cancelled = await coordinator.post(`/api/v1/course-sessions/${id}/cancel`, { sequence: current.sequence, reason: 'The instructor is ill.' });
    expect(cancelled.status, cancelled.text).toBe(200);
    for (const [learner, seated] of [[luis, true], [lia, true], [leo, false]] as const) {
      const notice = (await mailsTo(learner.person.email)).find((m) => m.subject.startsWith('Session cancelled: '));
      expect(notice?.textBody, learner.person.name).toContain('The instructor is ill.');
      expect(eventOf(notice!)?.method, learner.person.name).toBe(seated ? 'CANCEL' : undefined);
    }
    const roster = await coordinator.get(`/api/v1/course-sessions/${id}/enrolments`);
    expect(roster.status, roster.text).toBe(200);
    expect(JSON.stringify(roster.body)).not.toMatch(/"state":"(confirmed|waitlisted)"/);
  });

  it('CA-5 reminders go 7 days and 1 day before by default, once each, and again for a moved session; none is sent for a moment before the seat was confirmed', async () => {
    s.clock.set(base);
    // Starts Friday 20 March 2026, 09:00 New York (13:00 UTC).
    const id = await scheduledSession(coordinator, courseId, base, { startsAt: '2026-03-20T09:00', endsAt: '2026-03-20T12:00', approvalMode: 'none', capacity: 5 });
    const start = new Date('2026-03-20T13:00:00Z');
    const early = learners[0]!;
    await apply(early, id);
    const reminders = async (email: string) => (await mailsTo(email)).filter((m) => m.subject.startsWith('Reminder: '));
    const run = async (at: Date) => {
      s.clock.set(at);
      return sendDueReminders(s.db, s.clock, 'http://stride.test');
    };

    expect(await run(new Date(start.getTime() - 7 * DAY - 60_000))).toBe(0);
    expect(await run(new Date(start.getTime() - 7 * DAY))).toBe(1);
    expect(await run(new Date(start.getTime() - 7 * DAY + 15 * 60_000))).toBe(0);
    // Someone who takes a seat 3 days before gets no "in a week" reminder, only tomorrow's.
    s.clock.set(new Date(start.getTime() - 3 * DAY));
    const late = learners[1]!;
    await apply(late, id);
    expect(await run(new Date(start.getTime() - 3 * DAY + 60_000))).toBe(0);
    // Two runs at once (two processes): each reminder still goes once.
    const [a, b] = await Promise.all([run(new Date(start.getTime() - DAY + 5 * 60_000)), sendDueReminders(s.db, s.clock, 'http://stride.test')]);
    expect(a + b).toBe(2);

    const earlyReminders = await reminders(early.person.email);
    expect(earlyReminders.map((m) => m.subject)).toEqual([expect.stringMatching(/in a week$/), expect.stringMatching(/tomorrow$/)]);
    expect(earlyReminders[1]!.textBody).toContain('By the end you will be able to:');
    expect(earlyReminders[1]!.textBody).toContain('learning@test.example');
    expect((await reminders(late.person.email)).map((m) => m.subject)).toEqual([expect.stringMatching(/tomorrow$/)]);

    // Moved two days later, with a coordinator's own schedule (2 days before): a fresh reminder for the new time.
    const moved = await edit(id, { startsAt: '2026-03-22T09:00', endsAt: '2026-03-22T12:00', reminderOffsetsMinutes: [2 * 24 * 60] });
    expect(moved.reminderOffsetsMinutes).toEqual([2880]);
    expect(await run(new Date('2026-03-20T13:00:00Z'))).toBe(2);
    expect((await reminders(early.person.email)).map((m) => m.subject)).toEqual([expect.stringMatching(/in a week$/), expect.stringMatching(/tomorrow$/), expect.stringMatching(/in 2 days$/)]);
  });

  it('CA-5 a reminder schedule is refused field by field when it makes no sense', async () => {
    s.clock.set(base);
    const res = await coordinator.post(`/api/v1/courses/${courseId}/sessions`, { startsAt: '2026-03-25T09:00', endsAt: '2026-03-25T12:00', timeZone: 'America/New_York', place: 'Room 1', capacity: 3, approvalMode: 'none', reminderOffsetsMinutes: [0, 1440, 1440, 99_999] });
    expect(res.status, res.text).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining([expect.stringMatching(/^reminderOffsetsMinutes/)]));
    const none = await s.db.select().from(outbox).where(and(like(outbox.idempotencyKey, '%reminder%'), eq(outbox.toAddress, 'nobody@example.org')));
    expect(none).toEqual([]);
  });
});
