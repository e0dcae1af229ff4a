import { count, eq } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import { createCourseInput, type CreateCourseInput } from './course-schemas';
import { sessionInput } from './session-schemas';
import { insertCourse } from './create-course';
import { publishCourseIn } from './change-course-status';
import { insertInterest } from './create-interest';
import { insertSession } from './schedule-session';
import { toLocalDateTime } from './zoned-time';
import { courses } from './schema';
import { demoCourses, demoInterests, type DemoSession } from './demo-catalog-courses';

// Loads Northwind Utilities' catalog (CA-1, CA-2) through the same use cases the API calls, so
// every course has its revisions, search text and audit trail. Sessions fall on weekdays over the
// next two months counted from the seeding clock, in New York and Lisbon, where the demo's people
// work: the same clock gives the same catalog.

export type DemoDirectory = {
  /** Person id by employee id (N0011 …). */
  people: ReadonlyMap<string, string>;
  /** Business unit id by code (CC, FO …). */
  units: ReadonlyMap<string, string>;
};

const DAY = 86_400_000;

const offWeekend = (date: Date) => new Date(date.getTime() + (date.getUTCDay() === 6 ? 2 : date.getUTCDay() === 0 ? 1 : 0) * DAY);

/** The local date `days` after today in `timeZone`, moved off the weekend to the Monday. */
function weekday(now: Date, timeZone: string, days: number): string {
  const today = toLocalDateTime(now, timeZone).slice(0, 10);
  return offWeekend(new Date(Date.parse(`${today}T00:00:00Z`) + days * DAY)).toISOString().slice(0, 10);
}

/** The working day `n` working days after `date` (YYYY-MM-DD). */
function workdaysAfter(date: string, n: number): string {
  let day = new Date(`${date}T00:00:00Z`);
  for (let i = 0; i < n; i++) day = offWeekend(new Date(day.getTime() + DAY));
  return day.toISOString().slice(0, 10);
}

function required(map: ReadonlyMap<string, string>, key: string, what: string): string {
  const id = map.get(key);
  if (!id) throw new Error(`demo catalog: no ${what} ${key} in the demo organization`);
  return id;
}

function sessionBody(now: Date, session: DemoSession, people: DemoDirectory['people']) {
  const day = weekday(now, session.timeZone, session.inDays);
  const lastDay = workdaysAfter(day, (session.days ?? 1) - 1);
  const deadline = weekday(now, session.timeZone, session.inDays - 4);
  return sessionInput.parse({
    startsAt: `${day}T${session.from}`,
    endsAt: `${lastDay}T${session.until}`,
    timeZone: session.timeZone,
    language: session.language,
    place: session.place ?? null,
    joinUrl: session.joinUrl ?? null,
    instructorId: session.instructor ? required(people, session.instructor, 'person') : null,
    externalInstructor: session.external ?? null,
    capacity: session.capacity,
    enrolmentDeadline: `${deadline}T17:00`,
    approvalMode: session.approval ?? 'none',
  });
}

/**
 * Loads the demo catalog when there are no courses yet; does nothing otherwise. Runs in the
 * caller's transaction, so the demo loads whole or not at all.
 */
export async function seedDemoCatalog(tx: DbOrTx, clock: Clock, directory: DemoDirectory): Promise<boolean> {
  const [existing] = await tx.select({ n: count() }).from(courses);
  if ((existing?.n ?? 0) > 0) return false;
  const now = clock.now();
  const coordinator = required(directory.people, 'N0011', 'person');

  const interestIds = new Map<string, string>();
  for (const interest of demoInterests) interestIds.set(interest.name, (await insertInterest(tx, now, coordinator, interest)).id);

  for (const course of demoCourses) {
    const input: CreateCourseInput = createCourseInput.parse({
      ...course.listing,
      contactPersonId: required(directory.people, course.contact, 'person'),
      interestIds: course.interests.map((name) => required(interestIds, name, 'interest')),
      audienceBusinessUnitIds: course.units.map((code) => required(directory.units, code, 'business unit')),
      objectives: course.objectives.map((text) => ({ text })),
    });
    const id = await insertCourse(tx, now, coordinator, input);
    await publishCourseIn(tx, now, coordinator, id, 1);
    const [row] = await tx.select().from(courses).where(eq(courses.id, id));
    for (const session of course.sessions) await insertSession(tx, now, coordinator, row!, sessionBody(now, session, directory.people));
  }
  return true;
}
