import { eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import type { Actor } from '../platform/auth/actor';
import { AppError } from '../platform/http/app-error';
import { recordAudit } from '../platform/audit/record-audit';
import type { CourseDetailView, CreateCourseInput } from './course-schemas';
import { courseDetailById } from './read-course';
import { indexCoursesForSearch } from './index-course-search';
import { recordCourseRevision } from './record-course-revision';
import { isUniqueViolation } from './unique-violation';
import { checkCourseReferences, courseColumns, writeCourseParts } from './write-course-content';
import { courses } from './schema';

const codeTaken = (code: string) => new AppError('conflict', `The code ${code} is taken; choose another.`, { fields: [{ field: 'code', message: `Another course already has the code ${code}.` }] });

/** Writes a new draft course as revision 1, inside the caller's transaction; returns its id. */
export async function insertCourse(tx: DbOrTx, now: Date, actorId: string | null, input: CreateCourseInput): Promise<string> {
  const [taken] = await tx.select({ id: courses.id }).from(courses).where(eq(courses.code, input.code));
  if (taken) throw codeTaken(input.code);
  await checkCourseReferences(tx, null, input);
  const [row] = await tx
    .insert(courses)
    .values({ code: input.code, ...courseColumns(input), status: 'draft', revision: 1, createdBy: actorId, createdAt: now, updatedAt: now })
    .returning({ id: courses.id });
  const id = row!.id;
  await writeCourseParts(tx, id, input, now);
  await indexCoursesForSearch(tx, [id]);
  const snapshot = await recordCourseRevision(tx, id, 1, 'created', actorId, now);
  await recordAudit(tx, { actorId, action: 'course.created', entity: 'course', entityId: id, after: { revision: 1, code: snapshot.code, title: snapshot.title } });
  return id;
}

/** A coordinator adds a course to the catalog as a draft (CA-1); publishing is a separate step. */
export async function createCourse(db: Db, clock: Clock, actor: Actor, input: CreateCourseInput): Promise<CourseDetailView> {
  const now = clock.now();
  try {
    return await db.transaction(async (tx) => {
      const id = await insertCourse(tx, now, actor.id, input);
      return courseDetailById(tx, actor, id, now);
    });
  } catch (error) {
    // Two editors choosing the same code at the same moment: the index decides, the loser hears why.
    if (isUniqueViolation(error)) throw codeTaken(input.code);
    throw error;
  }
}
