import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import { courseSessions } from '../catalog/schema';
import { endedStates } from './enrolment-values';
import { enrolments } from './schema';

// For the marketing digest (CA-6): the courses people already hold a place on — a live enrolment
// (applied, waiting, confirmed, and later attended or completed) on any session of the course or
// on the course itself — so a digest does not advertise them. Many people at once: one query.

export async function liveEnrolledCourseIds(tx: DbOrTx, personIds: string[]): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  const ids = [...new Set(personIds)];
  if (ids.length === 0) return out;
  const rows = await tx
    .select({ personId: enrolments.personId, courseId: sql<string>`coalesce(${enrolments.courseId}, ${courseSessions.courseId})` })
    .from(enrolments)
    .leftJoin(courseSessions, eq(courseSessions.id, enrolments.sessionId))
    .where(and(inArray(enrolments.personId, ids), notInArray(enrolments.state, [...endedStates])));
  for (const row of rows) out.set(row.personId, (out.get(row.personId) ?? new Set()).add(row.courseId));
  return out;
}
