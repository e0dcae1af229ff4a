import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import { createTestStride, type TestStride } from '../../tests/support/test-stride';
import { createBusinessUnit, createPerson, type TestPerson } from '../../tests/support/factories';
import type { TestClient } from '../../tests/support/test-client';
import { fingerprintDatabase, fingerprintDiff } from '../../tests/support/database-fingerprint';
import { outbox } from '../platform/mail/schema';
import { seedDemoCharter } from '../charter/demo-charter';

let s: TestStride;
let asker: TestPerson;
let learner: TestClient;
let otherLearner: TestClient;
let supervisor: TestClient;
let coordinatorPerson: TestPerson;
let coordinator: TestClient;
let leader: TestClient;
let unitId: string;

/** A New York wall-clock time in late May / June 2026 (EDT, UTC−4). */
const newYork = (local: string) => new Date(`${local}-04:00`);

beforeAll(async () => {
  s = await createTestStride();
  // Sessions are signed in at today's clock; their expiry stays ahead of the earlier moments the tests visit.
  const unit = await createBusinessUnit(s.db, { name: 'Operations' });
  unitId = unit.id;
  const boss = await createPerson(s.db, { name: 'Sam Supervisor', businessUnitId: unit.id });
  asker = await createPerson(s.db, { name: 'Lena Learner', businessUnitId: unit.id, managerId: boss.id });
  coordinatorPerson = await createPerson(s.db, { name: 'Cora Coordinator', roles: ['coordinator'] });
  learner = await s.signInAs(asker);
  otherLearner = await s.signInAs(await createPerson(s.db, { name: 'Ari Other' }));
  supervisor = await s.signInAs(boss);
  coordinator = await s.signInAs(coordinatorPerson);
  leader = await s.signInAs(await createPerson(s.db, { name: 'Leo Leader', roles: ['leader'] }));
  // The demo charter (version 1) is in force from January, before every question below.
  s.clock.set(new Date('2026-01-05T12:00:00Z'));
  await seedDemoCharter(s.db, s.clock);
});
afterAll(() => s.close());

async function ask(subject: string, at: Date): Promise<string> {
  s.clock.set(at);
  const res = await learner.post('/api/v1/questions', { subject, body: 'Which course covers pivot tables for month-end reporting?' });
  expect(res.status, res.text).toBe(201);
  return res.body.id;
}

type ClockJson = { key: string; state: string; dueAt: string | null; stoppedAt: string | null };
const webClock = (question: { clocks: ClockJson[] }) => question.clocks.find((c) => c.key === 'question.first-response.web');

describe('IN-1 questions to the unit, first response measured against the charter (CH-3)', () => {
  it('IN-1 CH-3 a web question asked Friday 16:55 before Memorial Day is due Tuesday 16:25 New York time', async () => {
    const id = await ask('Pivot tables', newYork('2026-05-22T16:55:00'));
    s.clock.set(newYork('2026-05-26T09:30:00'));
    const res = await learner.get(`/api/v1/questions/${id}`);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ channel: 'web', status: 'open', asker: { id: asker.id, name: 'Lena Learner', email: asker.email }, businessUnitId: unitId, askedAt: '2026-05-22T20:55:00.000Z' });
    expect(res.body.reference).toMatch(/^Q-\d{6}$/);
    expect(res.body.clocks).toHaveLength(1);
    // 5 minutes on Friday, none on the weekend or the holiday, 60 of 480 used by Tuesday 09:30.
    expect(webClock(res.body)).toMatchObject({ state: 'on_track', dueAt: '2026-05-26T20:25:00.000Z', elapsedBusinessMinutes: 65, stoppedAt: null });
  });

  it('IN-1 CH-3 staff assign and answer in time: the clock is met, the question answered, the answer mailed with the unit contact', async () => {
    const id = await ask('Onboarding dates', newYork('2026-05-22T16:55:00'));
    s.clock.set(newYork('2026-05-26T15:00:00'));
    const assigned = await coordinator.patch(`/api/v1/questions/${id}/assignee`, { assigneeId: coordinatorPerson.id });
    expect(assigned.status, assigned.text).toBe(200);
    expect(assigned.body.assignee).toEqual({ id: coordinatorPerson.id, name: 'Cora Coordinator' });
    expect(webClock(assigned.body)?.state).toBe('at_risk');

    s.clock.set(newYork('2026-05-26T16:25:00'));
    const answered = await coordinator.post(`/api/v1/questions/${id}/answers`, { body: 'The next onboarding runs on 3 June; I have saved you a seat.' });
    expect(answered.status, answered.text).toBe(201);
    expect(answered.body.status).toBe('answered');
    expect(answered.body.messages).toEqual([expect.objectContaining({ author: { id: coordinatorPerson.id, name: 'Cora Coordinator' }, body: 'The next onboarding runs on 3 June; I have saved you a seat.' })]);
    expect(webClock(answered.body)).toMatchObject({ state: 'met', stoppedAt: '2026-05-26T20:25:00.000Z' });

    const [mail] = await s.db.select().from(outbox).where(eq(outbox.toAddress, asker.email)).orderBy(desc(outbox.id)).limit(1);
    expect(mail?.subject).toBe(`Re: Onboarding dates [${answered.body.reference}]`);
    expect(mail?.textBody).toContain('The next onboarding runs on 3 June');
    expect(mail?.textBody).toContain('learning@test.example');

    // A second answer is kept and mailed, but the first response was already measured.
    s.clock.set(newYork('2026-05-28T10:00:00'));
    const again = await coordinator.post(`/api/v1/questions/${id}/answers`, { body: 'Reminder: bring your laptop.' });
    expect(again.status, again.text).toBe(201);
    expect(again.body.messages).toHaveLength(2);
    expect(webClock(again.body)).toMatchObject({ state: 'met', stoppedAt: '2026-05-26T20:25:00.000Z' });
  });

  it('IN-1 CH-3 an answer one minute past the due time is breached', async () => {
    const id = await ask('Certificates', newYork('2026-05-22T16:55:00'));
    s.clock.set(newYork('2026-05-26T16:26:00'));
    const answered = await coordinator.post(`/api/v1/questions/${id}/answers`, { body: 'Certificates are mailed within a week.' });
    expect(answered.status, answered.text).toBe(201);
    expect(webClock(answered.body)).toMatchObject({ state: 'breached', stoppedAt: '2026-05-26T20:26:00.000Z' });
    const list = await coordinator.get('/api/v1/questions?status=answered&channel=web');
    expect(list.status, list.text).toBe(200);
    expect(list.body.map((q: { id: string }) => q.id)).toContain(id);
  });

  it('IN-1 CH-2 a phone contact logged later by staff starts the phone service level from the time of the call', async () => {
    s.clock.set(newYork('2026-06-01T11:00:00'));
    const res = await coordinator.post('/api/v1/questions/logged', {
      channel: 'phone',
      askerId: asker.id,
      askedAt: '2026-06-01T10:00:00-04:00',
      subject: 'Called about the safety course',
      body: 'Asked whether the safety refresher is mandatory this year.',
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ channel: 'phone', askedAt: '2026-06-01T14:00:00.000Z', loggedBy: { id: coordinatorPerson.id }, asker: { id: asker.id }, businessUnitId: unitId });
    expect(res.body.clocks).toEqual([expect.objectContaining({ key: 'question.first-response.phone', targetBusinessMinutes: 240, dueAt: '2026-06-01T18:00:00.000Z', state: 'on_track' })]);

    const guest = await coordinator.post('/api/v1/questions/logged', { channel: 'email', askerName: 'Pat Vendor', askerEmail: 'Pat@Vendor.example', subject: 'Course catalogue', body: 'Do you publish a catalogue?' });
    expect(guest.status, guest.text).toBe(201);
    expect(guest.body).toMatchObject({ channel: 'email', asker: { id: null, name: 'Pat Vendor', email: 'pat@vendor.example' } });
    expect(guest.body.clocks.map((c: { key: string }) => c.key)).toEqual(['question.first-response.email']);
  });

  it('IN-1 someone without an account asks on the public form: a receipt with the promised time is mailed, the queue sees it, the clock runs', async () => {
    s.clock.set(newYork('2026-05-22T16:55:00'));
    const guest = s.client();
    const res = await guest.post('/api/v1/questions/guest', { name: 'Casey Contractor', email: 'Casey@Contractor.example', subject: 'Can contractors attend?', body: 'I start on the grid project next month.' });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toEqual({
      reference: expect.stringMatching(/^Q-\d{6}$/),
      subject: 'Can contractors attend?',
      askedAt: '2026-05-22T20:55:00.000Z',
      firstResponseDueAt: '2026-05-26T20:25:00.000Z',
      firstResponseTarget: '8 working hours',
    });

    const [receipt] = await s.db.select().from(outbox).where(eq(outbox.toAddress, 'casey@contractor.example'));
    expect(receipt?.subject).toBe(`We received your question [${res.body.reference}]: Can contractors attend?`);
    expect(receipt?.textBody).toContain('within 8 working hours, that is by Tuesday, May 26, 2026 at 4:25 PM EDT');
    expect(receipt?.textBody).toContain('learning@test.example');

    const queue = await coordinator.get('/api/v1/questions?channel=web&status=open');
    const asked = queue.body.find((q: { reference: string }) => q.reference === res.body.reference);
    expect(asked).toMatchObject({ asker: { id: null, name: 'Casey Contractor', email: 'casey@contractor.example' }, businessUnitId: null, loggedBy: null });
    expect(webClock(asked)).toMatchObject({ state: 'on_track', dueAt: '2026-05-26T20:25:00.000Z' });

    // Answering by mail reaches the guest; the clock stops like any other.
    s.clock.set(newYork('2026-05-26T09:00:00'));
    const answered = await coordinator.post(`/api/v1/questions/${asked.id}/answers`, { body: 'Yes: contractors on a project longer than three months may attend.' });
    expect(webClock(answered.body)).toMatchObject({ state: 'met' });
    const mails = await s.db.select().from(outbox).where(eq(outbox.toAddress, 'casey@contractor.example'));
    expect(mails.map((m) => m.subject)).toContain(`Re: Can contractors attend? [${res.body.reference}]`);
  });

  it('IN-1 the public form refuses bad input field by field and writes nothing', async () => {
    const before = await fingerprintDatabase(s.database);
    const res = await s.client().post('/api/v1/questions/guest', { name: ' ', email: 'not-an-address', subject: '', body: '' });
    expect(res.status, res.text).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['body', 'email', 'name', 'subject']);
    expect(fingerprintDiff(before, await fingerprintDatabase(s.database))).toEqual([]);
  });

  it('IN-1 a learner sees only their own questions; supervisors, peers and leaders do not see them', async () => {
    const id = await ask('Private question', newYork('2026-06-02T09:00:00'));
    const mine = await learner.get('/api/v1/questions');
    expect(mine.status).toBe(200);
    expect(mine.body.length).toBeGreaterThan(0);
    expect(mine.body.every((q: { asker: { id: string } }) => q.asker.id === asker.id)).toBe(true);
    for (const other of [otherLearner, supervisor, leader]) {
      expect((await other.get(`/api/v1/questions/${id}`)).status).toBe(404);
      const list = await other.get('/api/v1/questions');
      expect(list.status).toBe(200);
      expect(list.body).toEqual([]);
      expect((await other.post(`/api/v1/questions/${id}/answers`, { body: 'Not mine to answer' })).status).toBe(403);
    }
    expect((await learner.post(`/api/v1/questions/${id}/answers`, { body: 'Answering myself' })).status).toBe(403);
  });

  it('IN-1 refuses bad input field by field and writes nothing', async () => {
    s.clock.set(newYork('2026-06-03T10:00:00'));
    const id = await ask('To be answered', newYork('2026-06-03T10:00:00'));
    const before = await fingerprintDatabase(s.database);

    const empty = await learner.post('/api/v1/questions', { subject: '  ', body: '' });
    expect(empty.status).toBe(400);
    expect(empty.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['body', 'subject']);

    const future = await coordinator.post('/api/v1/questions/logged', { channel: 'phone', askerId: asker.id, askedAt: '2026-06-03T15:00:00-04:00', subject: 'Later', body: 'Not yet' });
    expect(future.status).toBe(400);
    expect(future.body.errors).toEqual([{ field: 'askedAt', message: 'The contact cannot have happened in the future.' }]);

    const fax = await coordinator.post('/api/v1/questions/logged', { channel: 'fax', askerId: asker.id, subject: 'x', body: 'y' });
    expect(fax.status).toBe(400);
    expect(fax.body.errors.map((e: { field: string }) => e.field)).toEqual(['channel']);
    const nobody = await coordinator.post('/api/v1/questions/logged', { channel: 'email', subject: 'x', body: 'y' });
    expect(nobody.status).toBe(400);
    expect(nobody.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['askerEmail', 'askerName']);

    const unknownAsker = await coordinator.post('/api/v1/questions/logged', { channel: 'phone', askerId: '00000000-0000-4000-8000-000000000000', subject: 'x', body: 'y' });
    expect(unknownAsker.status).toBe(400);
    expect(unknownAsker.body.errors).toEqual([{ field: 'askerId', message: 'There is no such person; choose someone from the list.' }]);

    const notStaff = await coordinator.patch(`/api/v1/questions/${id}/assignee`, { assigneeId: asker.id });
    expect(notStaff.status).toBe(400);
    expect(notStaff.body.errors[0].field).toBe('assigneeId');

    const blankAnswer = await coordinator.post(`/api/v1/questions/${id}/answers`, { body: ' ' });
    expect(blankAnswer.status).toBe(400);
    expect(blankAnswer.body.errors[0].field).toBe('body');

    expect((await coordinator.post('/api/v1/questions/00000000-0000-4000-8000-000000000000/answers', { body: 'Hello' })).status).toBe(404);
    expect(fingerprintDiff(before, await fingerprintDatabase(s.database))).toEqual([]);
  });
});
