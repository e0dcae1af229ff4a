import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStride, type TestStride } from '../../tests/support/test-stride';
import { createPerson, type TestPerson } from '../../tests/support/factories';
import type { TestClient } from '../../tests/support/test-client';
import { courseBody, sessionBody } from '../../tests/support/catalog-factories';
import { fingerprintDatabase, fingerprintDiff } from '../../tests/support/database-fingerprint';
import { fromLocalDateTime, toLocalDateTime } from './zoned-time';

let s: TestStride;
let coordinatorPerson: TestPerson;
let instructorPerson: TestPerson;
let coordinator: TestClient;
let learner: TestClient;

beforeAll(async () => {
  s = await createTestStride();
  coordinatorPerson = await createPerson(s.db, { name: 'Cora Coordinator', roles: ['coordinator'] });
  instructorPerson = await createPerson(s.db, { name: 'Fatima Instructor', roles: ['instructor'] });
  coordinator = await s.signInAs(coordinatorPerson);
  learner = await s.signInAs(await createPerson(s.db, { name: 'Lena Learner' }));
  // Signed in at today's clock (cookies expire by the real one); the tests then live in March 2026.
  s.clock.set(new Date('2026-03-02T12:00:00Z'));
});
afterAll(() => s.close());

/** A published course of the given format. */
async function publishedCourse(overrides: Record<string, unknown> = {}): Promise<{ id: string }> {
  const created = await coordinator.post('/api/v1/courses', courseBody(coordinatorPerson.id, overrides));
  expect(created.status, created.text).toBe(201);
  const published = await coordinator.post(`/api/v1/courses/${created.body.id}/publish`, { revision: 1 });
  expect(published.status, published.text).toBe(200);
  return created.body;
}

describe('CA-2 wall-clock times in a session’s time zone', () => {
  it('CA-2 reads a wall-clock time in its zone, across daylight-saving changes', () => {
    expect(fromLocalDateTime('2026-03-30T09:30', 'Europe/Lisbon')).toEqual({ ok: true, instant: new Date('2026-03-30T08:30:00Z') });
    expect(fromLocalDateTime('2026-03-27T09:30', 'Europe/Lisbon')).toEqual({ ok: true, instant: new Date('2026-03-27T09:30:00Z') });
    // 02:30 on 8 March 2026 never happens in New York; 01:30 on 1 November happens twice (the first is taken).
    expect(fromLocalDateTime('2026-03-08T02:30', 'America/New_York')).toEqual({ ok: false, reason: 'skipped' });
    expect(fromLocalDateTime('2026-11-01T01:30', 'America/New_York')).toEqual({ ok: true, instant: new Date('2026-11-01T05:30:00Z') });
    expect(fromLocalDateTime('2026-02-30T09:00', 'UTC')).toEqual({ ok: false, reason: 'invalid' });
    expect(toLocalDateTime(new Date('2026-06-03T13:00:00Z'), 'America/New_York')).toBe('2026-06-03T09:00');
    expect(toLocalDateTime(new Date('2026-06-03T13:00:00Z'), 'Australia/Lord_Howe')).toBe('2026-06-03T23:30');
  });
});

describe('CA-2 sessions: time zone-aware dates, place or join link, instructor, capacity', () => {
  it('CA-2 a coordinator schedules a classroom session in Lisbon time; everyone sees the instant and the zone', async () => {
    const course = await publishedCourse({ languages: ['en', 'pt'] });
    const res = await coordinator.post(`/api/v1/courses/${course.id}/sessions`, {
      startsAt: '2026-04-07T09:30',
      endsAt: '2026-04-07T17:00',
      timeZone: 'Europe/Lisbon',
      language: 'pt',
      place: 'Sala 3, Avenida da Liberdade 110, Lisboa',
      instructorId: instructorPerson.id,
      capacity: 10,
      enrolmentDeadline: '2026-03-31T17:00',
      approvalMode: 'supervisor',
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({
      status: 'scheduled',
      startsAt: '2026-04-07T08:30:00.000Z',
      endsAt: '2026-04-07T16:00:00.000Z',
      timeZone: 'Europe/Lisbon',
      startsLocal: '2026-04-07T09:30',
      endsLocal: '2026-04-07T17:00',
      enrolmentDeadline: '2026-03-31T16:00:00.000Z',
      language: 'pt',
      instructor: { id: instructorPerson.id, name: 'Fatima Instructor', external: false },
      capacity: 10,
      approvalMode: 'supervisor',
      sequence: 0,
      online: false,
    });

    const page = await learner.get(`/api/v1/courses/${course.id}`);
    expect(page.body.upcomingSessions.map((x: { id: string }) => x.id)).toEqual([res.body.id]);
    expect(page.body.nextSession).toMatchObject({ id: res.body.id, startsAt: '2026-04-07T08:30:00.000Z', timeZone: 'Europe/Lisbon' });
    expect((await learner.get(`/api/v1/course-sessions/${res.body.id}`)).body.instructor.email).toBeNull();
  });

  it('CA-2 a virtual session with an external instructor; the join link is for the editors, not the catalog', async () => {
    const course = await publishedCourse({ format: 'virtual' });
    const res = await coordinator.post(`/api/v1/courses/${course.id}/sessions`, {
      startsAt: '2026-04-14T14:00:00Z',
      endsAt: '2026-04-14T16:00:00Z',
      timeZone: 'America/New_York',
      joinUrl: 'https://meet.example.com/northwind-writing',
      externalInstructor: { name: 'Jordan Ellis', email: 'Jordan@Ellis-Training.example' },
      capacity: 20,
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ startsLocal: '2026-04-14T10:00', online: true, joinUrl: 'https://meet.example.com/northwind-writing', instructor: { id: null, name: 'Jordan Ellis', external: true, email: 'jordan@ellis-training.example' }, approvalMode: 'none', enrolmentDeadline: '2026-04-14T14:00:00.000Z' });
    const seen = await learner.get(`/api/v1/courses/${course.id}/sessions`);
    expect(seen.status).toBe(200);
    expect(seen.body[0]).toMatchObject({ online: true, joinUrl: null, instructor: { name: 'Jordan Ellis', email: null } });
  });

  it('CA-2 refuses a session field by field and writes nothing', async () => {
    const course = await publishedCourse();
    const virtual = await publishedCourse({ format: 'virtual' });
    const before = await fingerprintDatabase(s.database);
    const post = (body: Record<string, unknown>) => coordinator.post(`/api/v1/courses/${course.id}/sessions`, sessionBody(s.clock.now(), body));
    const fields = async (body: Record<string, unknown>) => {
      const res = await post(body);
      expect(res.status, res.text).toBe(400);
      return res.body.errors.map((e: { field: string }) => e.field);
    };
    expect(await fields({ startsAt: '2026-03-20T17:00', endsAt: '2026-03-20T09:00' })).toEqual(['endsAt']);
    expect(await fields({ timeZone: 'Mars/Olympus_Mons' })).toEqual(['timeZone']);
    expect(await fields({ capacity: 0 })).toEqual(['capacity']);
    expect(await fields({ capacity: 2.5 })).toEqual(['capacity']);
    expect(await fields({ startsAt: '2026-03-20T09:00', endsAt: '2026-03-20T17:00', enrolmentDeadline: '2026-03-21T09:00' })).toEqual(['enrolmentDeadline']);
    expect(await fields({ joinUrl: 'http://meet.example.com/x' })).toEqual(['joinUrl']);
    expect(await fields({ place: null })).toEqual(['place']);
    expect(await fields({ startsAt: '2026-03-08T02:30', endsAt: '2026-03-08T05:00' })).toEqual(['startsAt']);
    expect(await fields({ startsAt: '2026-02-20T09:00', endsAt: '2026-02-20T17:00' })).toEqual(['startsAt']);
    expect(await fields({ language: 'fr' })).toEqual(['language']);
    expect(await fields({ instructorId: '00000000-0000-4000-8000-000000000000' })).toEqual(['instructorId']);
    expect(await fields({ instructorId: instructorPerson.id, externalInstructor: { name: 'Also Someone', email: 'someone@example.org' } })).toEqual(['externalInstructor']);
    const place = await post({ place: null });
    expect(place.body.errors[0].message).toBe('A classroom session needs a place: the room and the address.');

    const noLink = await coordinator.post(`/api/v1/courses/${virtual.id}/sessions`, sessionBody(s.clock.now(), { place: null }));
    expect(noLink.status).toBe(400);
    expect(noLink.body.errors).toEqual([{ field: 'joinUrl', message: 'A virtual session needs a join link (https://…).' }]);
    expect(fingerprintDiff(before, await fingerprintDatabase(s.database))).toEqual([]);
  });

  it('CA-2 an e-learning course is self-paced and refuses sessions with a clear message', async () => {
    const course = await publishedCourse({ format: 'e-learning' });
    const res = await coordinator.post(`/api/v1/courses/${course.id}/sessions`, sessionBody(s.clock.now()));
    expect(res.status).toBe(409);
    expect(res.body.detail).toBe('An e-learning course is self-paced and has no sessions; change the course’s format first if it is now taught live.');

    const live = await publishedCourse();
    const session = await coordinator.post(`/api/v1/courses/${live.id}/sessions`, sessionBody(s.clock.now()));
    expect(session.status).toBe(201);
    const toElearning = await coordinator.put(`/api/v1/courses/${live.id}`, { ...courseBody(coordinatorPerson.id, { format: 'e-learning' }), revision: 2 });
    expect(toElearning.status).toBe(409);
    expect(toElearning.body.errors).toEqual([{ field: 'format', message: 'Cancel its upcoming session before making the course e-learning.' }]);
  });

  it('CA-2 changes raise the sequence; a stale sequence is refused; a cancelled session stays, marked', async () => {
    const course = await publishedCourse();
    const created = await coordinator.post(`/api/v1/courses/${course.id}/sessions`, sessionBody(s.clock.now()));
    const id = created.body.id;
    const moved = await coordinator.put(`/api/v1/course-sessions/${id}`, { ...sessionBody(s.clock.now(), { startsAt: '2026-03-10T10:00', endsAt: '2026-03-10T16:00', capacity: 14 }), sequence: 0 });
    expect(moved.status, moved.text).toBe(200);
    expect(moved.body).toMatchObject({ sequence: 1, startsLocal: '2026-03-10T10:00', capacity: 14 });
    const unchanged = await coordinator.put(`/api/v1/course-sessions/${id}`, { ...sessionBody(s.clock.now(), { startsAt: '2026-03-10T10:00', endsAt: '2026-03-10T16:00', capacity: 14 }), sequence: 1 });
    expect(unchanged.body.sequence).toBe(1);
    const stale = await coordinator.put(`/api/v1/course-sessions/${id}`, { ...sessionBody(s.clock.now(), { capacity: 30 }), sequence: 0 });
    expect(stale.status).toBe(409);
    expect(stale.body.errors[0].field).toBe('sequence');

    expect((await learner.post(`/api/v1/course-sessions/${id}/cancel`, { sequence: 1 })).status).toBe(403);
    const cancelled = await coordinator.post(`/api/v1/course-sessions/${id}/cancel`, { sequence: 1, reason: 'The instructor is ill.' });
    expect(cancelled.status, cancelled.text).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', sequence: 2, cancellationReason: 'The instructor is ill.', cancelledAt: s.clock.now().toISOString() });
    expect((await coordinator.post(`/api/v1/course-sessions/${id}/cancel`, { sequence: 2 })).status).toBe(409);
    expect((await coordinator.put(`/api/v1/course-sessions/${id}`, { ...sessionBody(s.clock.now()), sequence: 2 })).status).toBe(409);
    expect((await learner.get(`/api/v1/courses/${course.id}/sessions`)).body).toEqual([]);
    expect((await coordinator.get(`/api/v1/courses/${course.id}/sessions`)).body.map((x: { status: string }) => x.status)).toEqual(['cancelled']);
  });
});
