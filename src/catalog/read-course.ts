import { and, asc, eq, getTableColumns, gte, sql } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor';
import type { DbOrTx } from '../platform/db/database';
import type { Loaded } from '../platform/cache/versioned-cache';
import { AppError } from '../platform/http/app-error';
import { getUnitSettings } from '../platform/settings/unit-settings';
import { editsCatalog } from './catalog-editors';
import type { CourseDetailView } from './course-schemas';
import { loadCourseParts, peopleDirectory, unitDirectory, unitsOf } from './course-parts';
import { sessionViews } from './session-view';
import { courseSessions, courses } from './schema';

export type CourseRow = typeof courses.$inferSelect;

/** How many upcoming sessions a course page lists; the sessions endpoint has them all. */
const UPCOMING_ON_PAGE = 50;

/** Published courses are everyone's; drafts and retired ones exist only for the catalog's editors. */
export async function findVisibleCourse(tx: DbOrTx, actor: Actor | null, id: string, lock = false): Promise<CourseRow> {
  const query = tx.select().from(courses).where(eq(courses.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row || (row.status !== 'published' && !editsCatalog(actor))) throw AppError.notFound('This course');
  return row;
}

/** A course page: the listing, its upcoming sessions, and whom to ask (CA-1, CA-2, CA-7). */
export async function courseDetail(tx: DbOrTx, row: CourseRow, actor: Actor | null, now: Date): Promise<CourseDetailView> {
  const upcoming = and(eq(courseSessions.courseId, row.id), eq(courseSessions.status, 'scheduled'), gte(courseSessions.startsAt, now));
  // One after another: inside a transaction the queries share one connection, which runs one at a time anyway.
  const parts = await loadCourseParts(tx, [row.id]);
  const units = await unitDirectory(tx, parts.audienceUnitIds.get(row.id) ?? []);
  const unit = await getUnitSettings(tx);
  // The page's sessions and how many there are in all, in one statement (the count is taken before the limit).
  const sessionRows = await tx
    .select({ ...getTableColumns(courseSessions), upcomingCount: sql<number>`(count(*) OVER ())::int` })
    .from(courseSessions)
    .where(upcoming)
    .orderBy(asc(courseSessions.startsAt))
    .limit(UPCOMING_ON_PAGE);
  // The contact and the instructors, named in one statement.
  const people = await peopleDirectory(tx, [row.contactPersonId, ...sessionRows.map((r) => r.instructorId)]);
  const contact = people.get(row.contactPersonId);
  if (!contact) throw AppError.notFound('This person');
  const sessions = await sessionViews(tx, sessionRows, actor, people);
  const next = sessions[0];
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    summary: row.summary,
    description: row.description,
    audience: row.audience,
    prerequisites: row.prerequisites,
    format: row.format,
    durationMinutes: row.durationMinutes,
    languages: row.languages,
    status: row.status,
    objectives: parts.objectives.get(row.id) ?? [],
    completionMinPercent: row.completionMinPercent,
    followUpDays: row.followUpDays,
    followUpAnonymous: row.followUpAnonymous,
    interests: parts.interests.get(row.id) ?? [],
    audienceBusinessUnits: unitsOf(parts.audienceUnitIds.get(row.id), units),
    contact: { id: contact.id, name: contact.name, email: contact.email, jobTitle: contact.jobTitle, phone: row.contactPhone },
    unitContact: { unitName: unit.unitName, email: unit.contactEmail, phone: unit.contactPhone, location: unit.location, officeHours: unit.officeHours },
    nextSession: next ? { id: next.id, startsAt: next.startsAt, endsAt: next.endsAt, timeZone: next.timeZone, language: next.language, capacity: next.capacity } : null,
    upcomingSessionCount: Number(sessionRows[0]?.upcomingCount ?? 0),
    upcomingSessions: sessions,
    revision: row.revision,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    retiredAt: row.retiredAt?.toISOString() ?? null,
  };
}

export async function getCourse(db: DbOrTx, actor: Actor, id: string, now: Date): Promise<CourseDetailView> {
  return (await loadCoursePage(db, actor, id, now)).value;
}

/** A course page as the catalog cache keeps it: valid until its first upcoming session starts (then it is no longer upcoming). */
export async function loadCoursePage(db: DbOrTx, actor: Actor, id: string, now: Date): Promise<Loaded<CourseDetailView>> {
  const row = await findVisibleCourse(db, actor, id);
  const value = await courseDetail(db, row, actor, now);
  const first = value.upcomingSessions[0];
  return { value, validUntil: first ? new Date(Date.parse(first.startsAt) + 1) : null };
}

/** The detail of a course just written, inside the transaction that wrote it. */
export async function courseDetailById(tx: DbOrTx, actor: Actor | null, id: string, now: Date): Promise<CourseDetailView> {
  const [row] = await tx.select().from(courses).where(eq(courses.id, id));
  if (!row) throw AppError.notFound('This course');
  return courseDetail(tx, row, actor, now);
}
