import { eq } from 'drizzle-orm';
import type { Db } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import type { Actor } from '../platform/auth/actor';
import { AppError } from '../platform/http/app-error';
import { recordAudit } from '../platform/audit/record-audit';
import type { CourseDetailView, UpdateCourseInput } from './course-schemas';
import { compareCourseSnapshots } from './compare-course-snapshots';
import { loadCourseSnapshot } from './course-snapshot';
import { courseDetail, findVisibleCourse, type CourseRow } from './read-course';
import { indexCoursesForSearch } from './index-course-search';
import { recordCourseRevision } from './record-course-revision';
import { checkUpcomingSessionsFit } from './session-rules';
import { checkCourseReferences, courseColumns, writeCourseParts } from './write-course-content';
import { courses } from './schema';

/**
 * Optimistic concurrency: an editor names the revision they edited. If someone saved in between,
 * the save is refused rather than silently overwriting their work.
 */
export function assertCurrentRevision(row: CourseRow, revision: number): void {
  if (row.revision === revision) return;
  const message = `Someone saved this course since you opened it (you edited revision ${revision}; it is now at revision ${row.revision}). Reload it, reapply your changes and save again.`;
  throw new AppError('conflict', message, { fields: [{ field: 'revision', message }] });
}

/** Saves an edit of a course as its next revision (CA-1); an edit that changes nothing keeps the revision. */
export async function updateCourse(db: Db, clock: Clock, actor: Actor, id: string, input: UpdateCourseInput): Promise<CourseDetailView> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const row = await findVisibleCourse(tx, actor, id, true);
    assertCurrentRevision(row, input.revision);
    const { revision: _edited, ...content } = input;
    await checkCourseReferences(tx, id, content);
    await checkUpcomingSessionsFit(tx, id, content, now);
    const before = await loadCourseSnapshot(tx, id);
    await tx.update(courses).set(courseColumns(content)).where(eq(courses.id, id));
    await writeCourseParts(tx, id, content, now);
    const after = await loadCourseSnapshot(tx, id);
    const changes = compareCourseSnapshots(before, after);
    if (changes.length === 0) return courseDetail(tx, row, actor, now);

    const revision = row.revision + 1;
    await tx.update(courses).set({ revision, updatedAt: now }).where(eq(courses.id, id));
    await indexCoursesForSearch(tx, [id]);
    await recordCourseRevision(tx, id, revision, 'edited', actor.id, now, after);
    await recordAudit(tx, { actorId: actor.id, action: 'course.edited', entity: 'course', entityId: id, before: { revision: row.revision }, after: { revision, changed: changes.map((c) => c.field) } });
    const [saved] = await tx.select().from(courses).where(eq(courses.id, id));
    return courseDetail(tx, saved!, actor, now);
  });
}
