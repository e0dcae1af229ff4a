import { desc, eq, notInArray, type SQL } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor';
import type { DbOrTx } from '../platform/db/database';
import { AppError } from '../platform/http/app-error';
import { findCourses } from '../catalog/sessions-for-enrolment';
import { findVisibleCourse } from '../catalog/read-course';
import { listSubjectClocks } from '../service-levels/list-subject-clocks';
import { problemKinds } from './development-values';
import type { CourseProblemSummary, ProblemReportView } from './problem-schemas';
import { isDevelopmentStaff } from './project-access';
import { findPeopleNames } from '../people/find-people-names';
import { problemReports } from './schema';

export type ProblemRow = typeof problemReports.$inferSelect;

export async function problemViews(tx: DbOrTx, actor: Actor, rows: ProblemRow[], now: Date): Promise<ProblemReportView[]> {
  const clocks = await listSubjectClocks(tx, 'problem-report', rows.map((r) => r.id), now);
  const courses = await findCourses(tx, [...new Set(rows.map((r) => r.courseId))]);
  const name = await findPeopleNames(tx, rows.flatMap((r) => [r.reporterId, r.ownerId, r.answeredBy]));
  const handles = isDevelopmentStaff(actor);
  return rows.map((r) => {
    const course = courses.get(r.courseId);
    return {
      id: r.id,
      course: { id: r.courseId, code: course?.code ?? '', title: course?.title ?? 'Unknown course' },
      reporter: name(r.reporterId),
      kind: r.kind,
      description: r.description,
      state: r.state,
      owner: r.ownerId ? name(r.ownerId) : null,
      answer: r.answer,
      answeredBy: r.answeredBy ? name(r.answeredBy) : null,
      answeredAt: r.answeredAt?.toISOString() ?? null,
      fixedRevision: r.fixedRevision,
      fixNote: r.fixNote,
      fixedAt: r.fixedAt?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
      canHandle: handles,
      clocks: clocks.get(r.id) ?? [],
    };
  });
}

/** One report, for its reporter or the unit's staff; to anyone else it does not exist (DV-4). */
export async function findVisibleProblem(tx: DbOrTx, actor: Actor, id: string, lock = false): Promise<ProblemRow> {
  const query = tx.select().from(problemReports).where(eq(problemReports.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row || (row.reporterId !== actor.id && !isDevelopmentStaff(actor))) throw AppError.notFound('This problem report');
  return row;
}

export async function getProblemReport(tx: DbOrTx, actor: Actor, id: string, now: Date): Promise<ProblemReportView> {
  return (await problemViews(tx, actor, [await findVisibleProblem(tx, actor, id)], now))[0]!;
}

const list = async (tx: DbOrTx, actor: Actor, where: SQL | undefined, now: Date) =>
  problemViews(tx, actor, await tx.select().from(problemReports).where(where).orderBy(desc(problemReports.createdAt), desc(problemReports.id)).limit(300), now);

/** What the reader reported, newest first, with the answers they got (DV-4). */
export const listMyProblemReports = (tx: DbOrTx, actor: Actor, now: Date) => list(tx, actor, eq(problemReports.reporterId, actor.id), now);

/** The unit's queue: open reports (not yet fixed or closed), or all of them. */
export const listProblemQueue = (tx: DbOrTx, actor: Actor, state: 'open' | 'all', now: Date) => list(tx, actor, state === 'open' ? notInArray(problemReports.state, ['fixed', 'closed']) : undefined, now);

/** Recurring problems on one course (DV-4): counts by kind for the staff view of the course. */
export async function readCourseProblems(tx: DbOrTx, actor: Actor, courseId: string, now: Date): Promise<CourseProblemSummary> {
  await findVisibleCourse(tx, actor, courseId);
  const rows = await tx.select().from(problemReports).where(eq(problemReports.courseId, courseId)).orderBy(desc(problemReports.createdAt)).limit(500);
  const open = (r: ProblemRow) => r.state !== 'fixed' && r.state !== 'closed';
  return {
    courseId,
    byKind: problemKinds.map((kind) => ({ kind, total: rows.filter((r) => r.kind === kind).length, open: rows.filter((r) => r.kind === kind && open(r)).length })).filter((k) => k.total > 0),
    items: await problemViews(tx, actor, rows, now),
  };
}
