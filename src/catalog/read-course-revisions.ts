import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor';
import type { DbOrTx } from '../platform/db/database';
import { AppError } from '../platform/http/app-error';
import type { RevisionSummaryView, RevisionView } from './course-schemas';
import { compareCourseSnapshots } from './compare-course-snapshots';
import { peopleDirectory } from './course-parts';
import { findVisibleCourse } from './read-course';
import { courseRevisions } from './schema';

type RevisionRow = typeof courseRevisions.$inferSelect;

async function summaries(tx: DbOrTx, rows: RevisionRow[]): Promise<RevisionSummaryView[]> {
  const people = await peopleDirectory(tx, rows.map((r) => r.savedBy));
  return rows.map((r) => ({
    revision: r.revision,
    action: r.action,
    savedAt: r.savedAt.toISOString(),
    savedBy: r.savedBy ? { id: r.savedBy, name: people.get(r.savedBy)?.name ?? 'Unknown' } : null,
  }));
}

/** Every saved state of a course, newest first (CA-1). */
export async function listCourseRevisions(db: DbOrTx, actor: Actor, courseId: string): Promise<RevisionSummaryView[]> {
  await findVisibleCourse(db, actor, courseId);
  const rows = await db.select().from(courseRevisions).where(eq(courseRevisions.courseId, courseId)).orderBy(desc(courseRevisions.revision));
  return summaries(db, rows);
}

/** One saved state, whole, and what it changed against the one before it. */
export async function getCourseRevision(db: DbOrTx, actor: Actor, courseId: string, revision: number): Promise<RevisionView> {
  await findVisibleCourse(db, actor, courseId);
  const rows = await db
    .select()
    .from(courseRevisions)
    .where(and(eq(courseRevisions.courseId, courseId), inArray(courseRevisions.revision, [revision, revision - 1])));
  const row = rows.find((r) => r.revision === revision);
  if (!row) throw AppError.notFound(`Revision ${revision} of this course`);
  const previous = rows.find((r) => r.revision === revision - 1);
  const [summary] = await summaries(db, [row]);
  return { ...summary!, courseId, snapshot: row.snapshot, changes: compareCourseSnapshots(previous?.snapshot, row.snapshot) };
}
