import { and, desc, eq, lt } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import { courseSessions, courses } from '../catalog/schema';
import type { DemoCheckSubjects } from '../standards/demo-standards';

/** The demo courses by code, and each one's latest session that already took place, for the standards' demo checks. */
export async function demoCheckSubjects(tx: DbOrTx, clock: Clock): Promise<DemoCheckSubjects> {
  const rows = await tx.select({ id: courses.id, code: courses.code }).from(courses);
  const lastPastSessionOf = new Map<string, string>();
  for (const course of rows) {
    const [next] = await tx
      .select({ id: courseSessions.id })
      .from(courseSessions)
      .where(and(eq(courseSessions.courseId, course.id), eq(courseSessions.status, 'scheduled'), lt(courseSessions.startsAt, clock.now())))
      .orderBy(desc(courseSessions.startsAt))
      .limit(1);
    if (next) lastPastSessionOf.set(course.code, next.id);
  }
  return { courses: new Map(rows.map((r) => [r.code, r.id])), lastPastSessionOf };
}
