import { and, asc, eq, gte, inArray, lt } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import type { CourseFormat } from './catalog-values';
import { loadCourseParts } from './course-parts';
import { courseSessions, courses } from './schema';

// For the marketing digest (CA-6): what the catalog offers in a window, with the interests and
// audience units a digest is matched on. Published courses and scheduled sessions only — what
// everyone signed in may see — so there is no visibility check. One call per digest run: an
// organization's catalog over two months is hundreds of rows, not a person's worth of queries.

export type OfferedCourse = {
  id: string;
  code: string;
  title: string;
  summary: string;
  format: CourseFormat;
  durationMinutes: number;
  publishedAt: Date;
  interestIds: string[];
  /** Empty: open to everyone. */
  audienceUnitIds: string[];
};

export type OfferedSession = {
  id: string;
  courseId: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  language: string;
  place: string | null;
  online: boolean;
  capacity: number;
  enrolmentDeadline: Date;
};

export type Offerings = {
  /** Courses published in the window, and the courses of the sessions below. */
  courses: Map<string, OfferedCourse>;
  /** Courses published at or after `publishedSince`, newest first. */
  newCourseIds: string[];
  /** Scheduled sessions of published courses starting in [sessionsFrom, sessionsUntil) whose enrolment is open at `sessionsFrom`, soonest first. */
  sessions: OfferedSession[];
};

export async function findOfferings(tx: DbOrTx, window: { publishedSince: Date; sessionsFrom: Date; sessionsUntil: Date }): Promise<Offerings> {
  const newRows = await tx
    .select({ id: courses.id })
    .from(courses)
    .where(and(eq(courses.status, 'published'), gte(courses.publishedAt, window.publishedSince)))
    .orderBy(asc(courses.publishedAt));
  const sessionRows = await tx
    .select({
      id: courseSessions.id,
      courseId: courseSessions.courseId,
      startsAt: courseSessions.startsAt,
      endsAt: courseSessions.endsAt,
      timeZone: courseSessions.timeZone,
      language: courseSessions.language,
      place: courseSessions.place,
      joinUrl: courseSessions.joinUrl,
      capacity: courseSessions.capacity,
      enrolmentDeadline: courseSessions.enrolmentDeadline,
    })
    .from(courseSessions)
    .innerJoin(courses, eq(courses.id, courseSessions.courseId))
    .where(
      and(
        eq(courses.status, 'published'),
        eq(courseSessions.status, 'scheduled'),
        gte(courseSessions.startsAt, window.sessionsFrom),
        lt(courseSessions.startsAt, window.sessionsUntil),
        gte(courseSessions.enrolmentDeadline, window.sessionsFrom),
      ),
    )
    .orderBy(asc(courseSessions.startsAt), asc(courseSessions.id));

  const ids = [...new Set([...newRows.map((r) => r.id), ...sessionRows.map((r) => r.courseId)])];
  const courseRows = ids.length ? await tx.select().from(courses).where(inArray(courses.id, ids)) : [];
  const parts = await loadCourseParts(tx, ids, false);
  const offered = new Map<string, OfferedCourse>();
  for (const c of courseRows) {
    offered.set(c.id, {
      id: c.id,
      code: c.code,
      title: c.title,
      summary: c.summary,
      format: c.format,
      durationMinutes: c.durationMinutes,
      publishedAt: c.publishedAt ?? c.updatedAt,
      interestIds: (parts.interests.get(c.id) ?? []).map((i) => i.id),
      audienceUnitIds: parts.audienceUnitIds.get(c.id) ?? [],
    });
  }
  return {
    courses: offered,
    newCourseIds: newRows.map((r) => r.id).reverse(),
    sessions: sessionRows.map(({ joinUrl, ...s }) => ({ ...s, online: !!joinUrl })),
  };
}
