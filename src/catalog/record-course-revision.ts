import type { DbOrTx } from '../platform/db/database';
import type { RevisionAction } from './catalog-values';
import { loadCourseSnapshot, type CourseSnapshot } from './course-snapshot';
import { courseRevisions } from './schema';

/** Keeps the course as it now stands as revision `revision` (CA-1: every change keeps a revision). */
export async function recordCourseRevision(tx: DbOrTx, courseId: string, revision: number, action: RevisionAction, actorId: string | null, now: Date, current?: CourseSnapshot): Promise<CourseSnapshot> {
  const snapshot = current ?? (await loadCourseSnapshot(tx, courseId));
  await tx.insert(courseRevisions).values({ courseId, revision, action, snapshot, savedBy: actorId, savedAt: now });
  return snapshot;
}
