import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../tests/support/test-database';
import { fixedClock } from '../platform/clock';
import { seedDemo } from '../demo/seed-demo';
import { people } from '../people/schema';
import { createCourseInput } from './course-schemas';
import { demoCourses } from './demo-catalog-courses';
import { seedDemoCatalog } from './demo-catalog';
import { searchCatalog } from './search-catalog';
import { getCourse } from './read-course';
import { courseRevisions, courseSessions, courses } from './schema';
import { toLocalDateTime } from './zoned-time';

const seededAt = new Date('2026-09-14T13:00:00Z'); // a Monday, 09:00 in New York
let database: TestDatabase;
let seedMs = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  const started = performance.now();
  await seedDemo(database.db, fixedClock(seededAt));
  seedMs = performance.now() - started;
});
afterAll(() => database.drop());

async function coordinatorActor() {
  const [row] = await database.db.select({ id: people.id, name: people.name, email: people.email }).from(people).where(eq(people.employeeId, 'N0011'));
  return { ...row!, roles: ['coordinator' as const] };
}

describe('CA-1 CA-2 the demo catalog of Northwind Utilities', () => {
  it('CA-1 has a dozen published courses in all four formats, one in two languages, each with observable objectives', async () => {
    const rows = await database.db.select().from(courses).orderBy(asc(courses.code));
    expect(rows).toHaveLength(12);
    expect(rows.every((c) => c.status === 'published' && c.revision === 2)).toBe(true);
    expect(new Set(rows.map((c) => c.format))).toEqual(new Set(['classroom', 'virtual', 'e-learning', 'blended']));
    expect(rows.some((c) => c.languages.length >= 2)).toBe(true);
    for (const course of demoCourses) {
      expect(() => createCourseInput.parse({ ...course.listing, contactPersonId: '00000000-0000-4000-8000-000000000000', objectives: course.objectives.map((text) => ({ text })) }), course.listing.code).not.toThrow();
      expect(course.objectives.length, course.listing.code).toBeGreaterThanOrEqual(3);
    }
    expect(await database.db.select().from(courseRevisions)).toHaveLength(24);
  });

  it('CA-2 has sessions over the next two months, in New York and Lisbon, on weekdays; e-learning has none', async () => {
    // The two sessions that already happened are the after-the-event demo's (demo-after-the-event.ts).
    const all = await database.db.select().from(courseSessions);
    const past = all.filter((s) => s.startsAt <= seededAt);
    expect(past).toHaveLength(2);
    expect(past.every((s) => s.endsAt < seededAt)).toBe(true);
    const sessions = all.filter((s) => s.startsAt > seededAt);
    const elearning = (await database.db.select().from(courses).where(eq(courses.format, 'e-learning'))).map((c) => c.id);
    expect(sessions.length).toBeGreaterThanOrEqual(20);
    expect(new Set(sessions.map((s) => s.timeZone))).toEqual(new Set(['America/New_York', 'Europe/Lisbon']));
    expect(sessions.some((s) => s.language === 'pt')).toBe(true);
    expect(sessions.filter((s) => elearning.includes(s.courseId))).toEqual([]);
    const twoMonths = seededAt.getTime() + 62 * 86_400_000;
    for (const s of sessions) {
      expect(s.startsAt > seededAt && s.startsAt.getTime() < twoMonths).toBe(true);
      expect(s.enrolmentDeadline > seededAt && s.enrolmentDeadline < s.startsAt).toBe(true);
      const day = new Date(`${toLocalDateTime(s.startsAt, s.timeZone).slice(0, 10)}T12:00:00Z`).getUTCDay();
      expect([1, 2, 3, 4, 5]).toContain(day);
    }
    // Lisbon sessions start at Lisbon office hours, whatever New York's clock says.
    const lisbon = sessions.filter((s) => s.timeZone === 'Europe/Lisbon').map((s) => toLocalDateTime(s.startsAt, s.timeZone).slice(11));
    expect(lisbon.every((t) => t >= '09:30' && t <= '14:00')).toBe(true);
    expect(sessions.some((s) => s.capacity <= 8)).toBe(true);
  });

  it('CA-1 CA-7 the catalog searches, and each course names its contact and the unit’s contact details', async () => {
    const actor = await coordinatorActor();
    const found = await searchCatalog(database.db, actor, { q: 'complaints', page: 1, pageSize: 20 }, seededAt);
    expect(found.items[0]?.code).toBe('CC-101');
    const safety = await searchCatalog(database.db, actor, { interest: 'safety', page: 1, pageSize: 20 }, seededAt);
    expect(safety.items.map((c) => c.code).sort()).toEqual(['FO-101', 'FO-120', 'FO-130']);
    const detail = await getCourse(database.db, actor, found.items[0]!.id, seededAt);
    expect(detail.contact).toMatchObject({ name: 'Samuel Mensah', email: 'samuel.mensah@northwind.example', phone: '+1 617 555 0143' });
    expect(detail.unitContact).toMatchObject({ email: 'learning@northwind.example', phone: '+1 617 555 0142' });
    expect(new Set(detail.upcomingSessions.map((s) => s.timeZone))).toEqual(new Set(['America/New_York', 'Europe/Lisbon']));
  });

  it('is the same catalog for the same clock, and loads once', async () => {
    const again = await createTestDatabase();
    try {
      await seedDemo(again.db, fixedClock(seededAt));
      const shape = async (db: TestDatabase) =>
        (await db.db.select({ code: courses.code, startsAt: courseSessions.startsAt, tz: courseSessions.timeZone }).from(courseSessions).innerJoin(courses, eq(courses.id, courseSessions.courseId)))
          .map((r) => `${r.code} ${r.startsAt.toISOString()} ${r.tz}`)
          .sort();
      expect(await shape(again)).toEqual(await shape(database));
      expect(await seedDemoCatalog(again.db, fixedClock(seededAt), { people: new Map(), units: new Map() })).toBe(false);
    } finally {
      await again.drop();
    }
    console.info(`demo organization with its catalog seeded in ${Math.round(seedMs)} ms`);
  });
});
