import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestStride, type TestStride } from '../../tests/support/test-stride';
import { createPerson, type TestPerson } from '../../tests/support/factories';
import type { TestClient } from '../../tests/support/test-client';
import { castCourse, courseBody, sessionBody } from '../../tests/support/catalog-factories';
import { currentVersion, versionedCache } from '../platform/cache/versioned-cache';
import { saveUnitSettings, getUnitSettings } from '../platform/settings/unit-settings';
import { people } from '../people/schema';
import { courses } from './schema';

// Decision 032: course pages and searches are kept per process while the catalog's version stands.
// What must hold is that nobody ever reads a page older than the last committed change, on either
// engine, and that time alone (a session starting) moves pages on as well.

let s: TestStride;
let coordinatorPerson: TestPerson;
let coordinator: TestClient;
let learner: TestClient;
let course: { courseId: string; courseSessionId: string };

beforeAll(async () => {
  s = await createTestStride();
  coordinatorPerson = await createPerson(s.db, { name: 'Cora Coordinator', roles: ['coordinator'] });
  coordinator = await s.signInAs(coordinatorPerson);
  learner = await s.signInAs(await createPerson(s.db, { name: 'Lena Learner' }));
  s.clock.set(new Date('2026-03-02T12:00:00Z'));
  course = await castCourse(coordinator, coordinatorPerson.id, s.clock.now());
});
afterAll(() => s.close());

const page = async (client: TestClient = learner) => {
  const res = await client.get(`/api/v1/courses/${course.courseId}`);
  expect(res.status, res.text).toBe(200);
  return res.body;
};
const search = async (q: string) => {
  const res = await learner.get(`/api/v1/courses?q=${encodeURIComponent(q)}`);
  expect(res.status, res.text).toBe(200);
  return res.body;
};

describe('CA-1 CA-2 decision 032 the catalog cache: what a version counts', () => {
  it('a committed change to a catalog table raises the version; a rolled-back one, and columns the catalog does not show, do not', async () => {
    const before = await currentVersion(s.db, 'catalog');
    await s.db.transaction(async (tx) => {
      await tx.update(courses).set({ title: 'Never saved' }).where(eq(courses.id, course.courseId));
      // Deferred to commit: inside the writing transaction the version has not moved yet.
      expect(await currentVersion(tx, 'catalog')).toBe(before);
      tx.rollback();
    }).catch(() => {});
    expect(await currentVersion(s.db, 'catalog')).toBe(before);
    await s.db.update(people).set({ timeZone: 'Europe/Lisbon' }).where(eq(people.id, coordinatorPerson.id));
    await s.db.update(people).set({ name: 'Cora Coordinator' }).where(eq(people.id, coordinatorPerson.id));
    expect(await currentVersion(s.db, 'catalog')).toBe(before);
    await s.db.update(people).set({ jobTitle: 'Learning coordinator' }).where(eq(people.id, coordinatorPerson.id));
    expect(await currentVersion(s.db, 'catalog')).toBe(before + 1);
  });

  it('serves a kept value while the version and the time allow, and reads again otherwise; the oldest key goes first', async () => {
    const cache = versionedCache<number>('catalog', 2);
    let loads = 0;
    const now = new Date('2026-03-02T12:00:00Z');
    const until = new Date('2026-03-02T13:00:00Z');
    const load = async () => ({ value: ++loads, validUntil: until });
    expect(await cache.read(s.db, 'a', now, load)).toBe(1);
    expect(await cache.read(s.db, 'a', new Date('2026-03-02T12:59:59Z'), load)).toBe(1);
    // Past its validity, or before the moment it was read (a clock set back): read again.
    expect(await cache.read(s.db, 'a', until, load)).toBe(2);
    expect(await cache.read(s.db, 'a', new Date('2026-03-02T11:00:00Z'), load)).toBe(3);
    // A change anywhere in the catalog.
    await s.db.execute(sql`UPDATE courses SET summary = summary || '' WHERE id = ${course.courseId}`);
    expect(await cache.read(s.db, 'a', new Date('2026-03-02T11:30:00Z'), load)).toBe(4);
    // At most two keys: b and c push a out.
    await cache.read(s.db, 'b', now, load);
    await cache.read(s.db, 'c', now, load);
    expect(await cache.read(s.db, 'a', new Date('2026-03-02T11:30:00Z'), load)).toBe(7);
    expect(await cache.read(s.db, 'c', now, load)).toBe(6);
  });

  it('a family no trigger raises is never kept', async () => {
    const cache = versionedCache<number>('nothing-behind-it', 10);
    let loads = 0;
    const load = async () => ({ value: ++loads, validUntil: null });
    await cache.read(s.db, 'a', new Date(), load);
    expect(await cache.read(s.db, 'a', new Date(), load)).toBe(2);
  });
});

describe('CA-1 CA-2 decision 032 nobody reads a page older than the last change', () => {
  it('the course page follows every kind of change at once: the course, its sessions, its contact, the unit’s contact details', async () => {
    expect((await page()).title).toBe('Handling Customer Complaints');
    const current = await page(coordinator);
    const body = { ...courseBody(coordinatorPerson.id, { code: current.code, title: 'Handling Complaints Well' }), revision: current.revision };
    const edited = await coordinator.put(`/api/v1/courses/${course.courseId}`, body);
    expect(edited.status, edited.text).toBe(200);
    expect((await page()).title).toBe('Handling Complaints Well');

    const before = (await page()).upcomingSessionCount;
    const added = await coordinator.post(`/api/v1/courses/${course.courseId}/sessions`, sessionBody(s.clock.now(), { startsAt: '2026-03-20T09:00', endsAt: '2026-03-20T17:00' }));
    expect(added.status, added.text).toBe(201);
    expect((await page()).upcomingSessionCount).toBe(before + 1);

    await s.db.update(people).set({ name: 'Cora Renamed' }).where(eq(people.id, coordinatorPerson.id));
    expect((await page()).contact.name).toBe('Cora Renamed');

    await saveUnitSettings(s.db, { ...(await getUnitSettings(s.db)), contactPhone: '+1 555 0199' });
    expect((await page()).unitContact.phone).toBe('+1 555 0199');
  });

  it('editors and learners never share a page: the join link stays with the editors', async () => {
    const online = await coordinator.post(`/api/v1/courses/${course.courseId}/sessions`, sessionBody(s.clock.now(), { joinUrl: 'https://meet.example/abc', startsAt: '2026-03-21T09:00', endsAt: '2026-03-21T10:00' }));
    expect(online.status, online.text).toBe(201);
    const forEditor = (await page(coordinator)).upcomingSessions.find((x: { id: string }) => x.id === online.body.id);
    const forLearner = (await page()).upcomingSessions.find((x: { id: string }) => x.id === online.body.id);
    expect(forEditor.joinUrl).toBe('https://meet.example/abc');
    expect(forLearner.joinUrl).toBeNull();
    expect((await page()).upcomingSessions.find((x: { id: string }) => x.id === online.body.id).joinUrl).toBeNull();
  });

  it('search follows an edit at once, and time alone moves the next session on', async () => {
    const found = await search('Handling Complaints');
    const hit = found.items.find((c: { id: string }) => c.id === course.courseId);
    expect(hit).toBeTruthy();
    const first = hit.nextSession.startsAt as string;
    // The first session starts: it leaves the page and the search's "next session" the moment it does.
    s.clock.set(new Date(Date.parse(first) + 60_000));
    const later = (await search('Handling Complaints')).items.find((c: { id: string }) => c.id === course.courseId);
    expect(later.nextSession?.startsAt).not.toBe(first);
    expect((await page()).upcomingSessions.map((x: { startsAt: string }) => x.startsAt)).not.toContain(first);

    const current = await page(coordinator);
    const body = { ...courseBody(coordinatorPerson.id, { code: current.code, title: 'Writing Clear Replies' }), revision: current.revision };
    const edited = await coordinator.put(`/api/v1/courses/${course.courseId}`, body);
    expect(edited.status, edited.text).toBe(200);
    expect((await search('Handling Complaints')).items.map((c: { id: string }) => c.id)).not.toContain(course.courseId);
    expect((await search('Clear Replies')).items.map((c: { id: string }) => c.id)).toContain(course.courseId);
  });
});
