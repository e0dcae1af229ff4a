import { courseAudienceUnits, courseInterests, courseObjectives, courseRevisions, courseSessions, courses, interests } from '../../src/catalog/schema';
import type { CourseFormat } from '../../src/catalog/catalog-values';
import { indexCoursesForSearch } from '../../src/catalog/index-course-search';
import type { CourseSnapshot } from '../../src/catalog/course-snapshot';
import type { Database } from '../../src/platform/db/database';
import { bulkInsert } from '../lib/bulk-insert';
import { rngFor } from '../lib/prng';
import type { Organization } from './seed-organization';
import type { Sizes } from './sizes';
import { INTERESTS, LEVELS, PLACES, SKILLS, TIME_ZONES, TOPICS } from './vocabulary';

export type Course = { id: string; code: string; title: string; format: CourseFormat; durationMinutes: number; published: boolean; objectives: { id: string; text: string }[] };
export type Session = { id: string; course: Course; startsAt: Date; endsAt: Date; capacity: number; approvalMode: 'none' | 'supervisor' | 'coordinator'; cancelled: boolean; timeZone: string };
export type Catalog = { courses: Course[]; sessions: Session[] };

const DAY = 86_400_000;

/** 2,000 courses (a tenth e-learning, a tenth not published) and their sessions over two years around `now`. */
export async function seedCatalog(database: Database, org: Organization, sizes: Sizes, seed: number, now: Date): Promise<Catalog> {
  const rng = rngFor(seed, 'catalog');
  const interestRows = INTERESTS.map((name) => ({ id: rng.uuid(), key: name.toLowerCase().replace(/[^a-z]+/g, '-'), name, description: `Courses on ${name.toLowerCase()}.`, createdAt: now }));
  await bulkInsert(database, interests, interestRows);

  const list: Course[] = [];
  const courseRows: (typeof courses.$inferInsert)[] = [];
  const objectiveRows: (typeof courseObjectives.$inferInsert)[] = [];
  const interestLinks: (typeof courseInterests.$inferInsert)[] = [];
  const audienceRows: (typeof courseAudienceUnits.$inferInsert)[] = [];
  const revisionRows: (typeof courseRevisions.$inferInsert)[] = [];
  for (let i = 0; i < sizes.courses; i++) {
    const topic = TOPICS[i % TOPICS.length]!;
    const second = rng.pick(TOPICS);
    const format: CourseFormat = i % 10 === 9 ? 'e-learning' : rng.pick(['classroom', 'virtual', 'blended'] as const);
    const status = i % 20 === 18 ? 'draft' : i % 20 === 19 ? 'retired' : 'published';
    const contact = rng.pick(org.coordinators);
    const objectives = Array.from({ length: rng.int(2, 4) }, (_, k) => ({ id: rng.uuid(), text: `Learners can ${rng.pick(SKILLS)} (${topic}, part ${k + 1}).` }));
    const chosen = [...new Set([rng.pick(interestRows), rng.pick(interestRows)])];
    const audience = rng.chance(0.2) ? [...new Set([rng.pick(org.units), rng.pick(org.units)])] : [];
    const course: Course = {
      id: rng.uuid(),
      code: `BC-${String(i + 1).padStart(4, '0')}`,
      title: `${rng.pick(LEVELS)} ${topic} and ${second} ${i + 1}`,
      format,
      durationMinutes: rng.pick([120, 240, 420, 840]),
      published: status === 'published',
      objectives,
    };
    list.push(course);
    const row = {
      id: course.id,
      code: course.code,
      title: course.title,
      summary: `A ${format} course on ${topic}, with ${second} in practice.`,
      description: `This course helps people ${rng.pick(SKILLS)} and ${rng.pick(SKILLS)}. It covers ${topic}, ${second} and ${rng.pick(TOPICS)} through cases from our own work.`,
      audience: `Anyone whose work involves ${topic}.`,
      prerequisites: rng.chance(0.3) ? `Some experience of ${second}.` : '',
      format,
      durationMinutes: course.durationMinutes,
      languages: rng.chance(0.2) ? ['en', 'pt'] : ['en'],
      contactPersonId: contact.id,
      status,
      createdBy: org.admin.id,
      createdAt: new Date(now.getTime() - 800 * DAY),
      updatedAt: new Date(now.getTime() - 800 * DAY),
      publishedAt: status === 'draft' ? null : new Date(now.getTime() - 800 * DAY),
      retiredAt: status === 'retired' ? new Date(now.getTime() - 30 * DAY) : null,
    } satisfies typeof courses.$inferInsert;
    courseRows.push(row);
    objectives.forEach((o, k) => objectiveRows.push({ id: o.id, courseId: course.id, position: k + 1, text: o.text }));
    chosen.forEach((interest) => interestLinks.push({ courseId: course.id, interestId: interest.id }));
    audience.forEach((unit) => audienceRows.push({ courseId: course.id, businessUnitId: unit.id }));
    const snapshot: CourseSnapshot = {
      code: row.code, status: row.status, title: row.title, summary: row.summary, description: row.description, audience: row.audience,
      prerequisites: row.prerequisites, format, durationMinutes: row.durationMinutes, languages: row.languages, contactPerson: { id: contact.id, name: contact.name },
      contactPhone: null, objectives, interests: chosen.map(({ id, key, name }) => ({ id, key, name })), audienceBusinessUnits: audience,
      completionMinPercent: 100, followUpDays: 30, followUpAnonymous: false,
    };
    revisionRows.push({ id: rng.uuid(), courseId: course.id, revision: 1, action: 'created', snapshot, savedBy: org.admin.id, savedAt: row.createdAt });
  }
  // courses.languages is an array column: Drizzle's own multi-row insert, a few hundred at a time.
  for (let i = 0; i < courseRows.length; i += 500) await database.db.insert(courses).values(courseRows.slice(i, i + 500));
  await bulkInsert(database, courseObjectives, objectiveRows);
  await bulkInsert(database, courseInterests, interestLinks);
  await bulkInsert(database, courseAudienceUnits, audienceRows);
  await bulkInsert(database, courseRevisions, revisionRows);
  // The same search document the catalog writes on every save (decision 013).
  const ids = list.map((c) => c.id);
  for (let i = 0; i < ids.length; i += 1000) await indexCoursesForSearch(database.db, ids.slice(i, i + 1000));

  const scheduled = list.filter((c) => c.format !== 'e-learning' && c.published);
  const sessions: Session[] = [];
  const sessionRows: (typeof courseSessions.$inferInsert)[] = [];
  for (let i = 0; i < sizes.sessions; i++) {
    const course = scheduled[i % scheduled.length]!;
    // Two years: one behind, one ahead; weekdays at 09:00 UTC give or take the zone.
    const day = Math.floor(now.getTime() / DAY) + rng.int(-365, 364);
    const startsAt = new Date(day * DAY + 9 * 3600_000);
    const days = course.durationMinutes > 420 ? 2 : 1;
    const endsAt = new Date(startsAt.getTime() + (days - 1) * DAY + Math.min(course.durationMinutes, 420) * 60_000);
    const approvalMode = rng.chance(0.7) ? 'none' : rng.chance(0.67) ? 'supervisor' : 'coordinator';
    const cancelled = rng.chance(0.02);
    const timeZone = rng.pick(TIME_ZONES);
    const session: Session = { id: rng.uuid(), course, startsAt, endsAt, capacity: rng.int(20, 40), approvalMode, cancelled, timeZone };
    sessions.push(session);
    sessionRows.push({
      id: session.id,
      courseId: course.id,
      startsAt,
      endsAt,
      timeZone,
      language: 'en',
      place: rng.pick(PLACES),
      instructorId: rng.pick(org.instructors).id,
      capacity: session.capacity,
      enrolmentDeadline: new Date(startsAt.getTime() - 2 * DAY),
      approvalMode,
      status: cancelled ? 'cancelled' : 'scheduled',
      cancelledAt: cancelled ? new Date(Math.min(now.getTime(), startsAt.getTime() - 10 * DAY)) : null,
      cancellationReason: cancelled ? 'The instructor is unavailable.' : null,
      createdBy: org.admin.id,
      createdAt: new Date(startsAt.getTime() - 120 * DAY),
      updatedAt: new Date(startsAt.getTime() - 120 * DAY),
    });
  }
  await bulkInsert(database, courseSessions, sessionRows);
  return { courses: list, sessions };
}
