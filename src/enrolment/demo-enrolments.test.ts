import { and, eq, gt, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../tests/support/test-database';
import { fixedClock } from '../platform/clock';
import type { Actor } from '../platform/auth/actor';
import { outbox } from '../platform/mail/schema';
import { seedDemo } from '../demo/seed-demo';
import { people } from '../people/schema';
import { courseSessions, courses } from '../catalog/schema';
import { listAwaitingApproval, listMyLearning } from './list-learning';
import { sessionRoster } from './session-roster';
import { sessionAudience } from './session-audience';
import { seedDemoEnrolments } from './demo-enrolments';
import { enrolmentEvents, enrolments } from './schema';

const seededAt = new Date('2026-09-14T13:00:00Z');
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db, fixedClock(seededAt));
});
afterAll(() => database.drop());

async function actor(employeeId: string, roles: Actor['roles'] = []): Promise<Actor> {
  const [row] = await database.db.select({ id: people.id, name: people.name, email: people.email }).from(people).where(eq(people.employeeId, employeeId));
  return { ...row!, roles };
}

/** Every enrolment as "course code, time zone, person, state, position": the demo's shape. */
const shape = async (db: TestDatabase) =>
  (
    await db.db
      .select({ code: courses.code, tz: courseSessions.timeZone, person: people.employeeId, state: enrolments.state, position: enrolments.position })
      .from(enrolments)
      .innerJoin(people, eq(people.id, enrolments.personId))
      .leftJoin(courseSessions, eq(courseSessions.id, enrolments.sessionId))
      .innerJoin(courses, sql`${courses.id} = coalesce(${enrolments.courseId}, ${courseSessions.courseId})`)
  )
    .map((r) => `${r.code} ${r.tz ?? '-'} ${r.person} ${r.state} ${r.position ?? '-'}`)
    .sort();

describe('CA-3 the demo enrolments of Northwind Utilities', () => {
  it('CA-3 has enrolments in every state, made by the seat rules, with their history and no mail', async () => {
    // Completed and no-show enrolments belong to the sessions that already happened (demo-after-the-event.test.ts).
    const rows = await database.db.select({ state: enrolments.state, n: sql<number>`count(*)::int` }).from(enrolments).where(sql`${enrolments.state} NOT IN ('completed', 'no_show')`).groupBy(enrolments.state);
    const byState = Object.fromEntries(rows.map((r) => [r.state, r.n]));
    expect(Object.keys(byState).sort()).toEqual(['cancelled', 'confirmed', 'declined', 'pending_approval', 'waitlisted']);
    expect(byState).toMatchObject({ declined: 1, waitlisted: 2, pending_approval: 4 });
    const [events] = await database.db.select({ n: sql<number>`count(*)::int` }).from(enrolmentEvents);
    expect(events!.n).toBeGreaterThan(rows.reduce((sum, r) => sum + r.n, 0));
    expect(await database.db.select().from(outbox).where(sql`${outbox.idempotencyKey} LIKE 'enrolment:%'`)).toEqual([]);
  });

  it('CA-3 the six-seat gas-leak module is full, and its waitlist moved up in order when a technician cancelled', async () => {
    const coordinator = await actor('N0011', ['coordinator']);
    const [session] = await database.db.select({ id: courseSessions.id }).from(courseSessions).innerJoin(courses, eq(courses.id, courseSessions.courseId)).where(eq(courses.code, 'FO-130')).orderBy(courseSessions.startsAt).limit(1);
    const roster = await sessionRoster(database.db, coordinator, session!.id, seededAt);
    expect(roster.seats).toEqual({ capacity: 6, confirmed: 6, waitlisted: 2, pendingApproval: 0, free: 0 });
    expect(roster.confirmed.at(-1)!.person.name).toBe('Grace Adeyemi');
    expect(roster.waitlist.map((e) => [e.person.name, e.waitlistPosition])).toEqual([['Ethan Walsh', 1], ['Mateo García', 2]]);
    expect(roster.ended.map((e) => [e.person.name, e.cancellationReason])).toEqual([['Liam Murphy', 'On call that week.']]);
  });

  it('CA-3 the demo learner and supervisor have something to see', async () => {
    const jasmine = await listMyLearning(database.db, await actor('N0100'), seededAt);
    expect(jasmine.upcoming.map((e) => `${e.course.code} ${e.state}`).sort()).toEqual(['CC-101 pending_approval', 'DATA-110 confirmed', 'FIN-101 cancelled', 'SEC-101 confirmed']);
    const waiting = await listAwaitingApproval(database.db, await actor('N0021'), seededAt);
    expect(waiting.map((e) => `${e.person.name} ${e.course.code}`).sort()).toEqual(['Hannah Becker CC-201', 'Jasmine Carter CC-101']);
    expect(waiting.every((e) => e.allowed.decide)).toBe(true);
    const coordinator = await listAwaitingApproval(database.db, await actor('N0011', ['coordinator']), seededAt);
    expect(coordinator.map((e) => `${e.person.name} ${e.course.code}`)).toEqual(['Diego Hernández FO-101']);
  });

  it('CA-4 applications carry answers, and the coordinator finds flagged applicants: one from the wrong unit, one told to attend the basics', async () => {
    const coordinator = await actor('N0011', ['coordinator']);
    const firstSession = async (code: string) =>
      (await database.db.select({ id: courseSessions.id }).from(courseSessions).innerJoin(courses, eq(courses.id, courseSessions.courseId)).where(and(eq(courses.code, code), gt(courseSessions.startsAt, seededAt))).orderBy(courseSessions.startsAt).limit(1))[0]!.id;
    const flagsOf = (analysis: Awaited<ReturnType<typeof sessionAudience>>, name: string) => analysis.applicants.find((a) => a.person.name === name)?.audience?.flags?.map((f) => f.rule);

    const budgeting = await sessionAudience(database.db, coordinator, await firstSession('FIN-101'), seededAt);
    expect(flagsOf(budgeting, 'Laura Schmidt')).toEqual(['experienced_on_introductory', 'obligation_only']);
    expect(budgeting.applicants.find((a) => a.person.name === 'Laura Schmidt')!.audience!.answers).toMatchObject({ role: 'Financial Analyst', reason: 'My manager told me to attend.', priorExperience: 'a_lot', selfRatedLevel: 5 });
    const diagrams = await sessionAudience(database.db, coordinator, await firstSession('GRID-201'), seededAt);
    expect(flagsOf(diagrams, 'Noah Kim')).toEqual(['unit_outside_audience', 'prerequisites_partly_met']);

    const complaints = await sessionAudience(database.db, coordinator, await firstSession('CC-101'), seededAt);
    expect(complaints.summary).toMatchObject({ applicants: 3, answered: 3, withExpectations: 2, flagged: 0 });
    const pivot = await sessionAudience(database.db, coordinator, await firstSession('DATA-110'), seededAt);
    expect(pivot.summary.answered).toBe(pivot.summary.applicants);
  });

  it('CA-3 is the same for the same clock, and loads once', async () => {
    const again = await createTestDatabase();
    try {
      await seedDemo(again.db, fixedClock(seededAt));
      expect(await shape(again)).toEqual(await shape(database));
      expect(await seedDemoEnrolments(again.db, fixedClock(seededAt), new Map())).toBe(0);
    } finally {
      await again.drop();
    }
    // A second whole demo organization, seeded like the first (beforeAll's allowance, not the 30 s default).
  }, 120_000);
});
