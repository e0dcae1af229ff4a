import type { Db } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import type { Actor } from '../platform/auth/actor';
import { recordAudit } from '../platform/audit/record-audit';
import { recordClockEvent } from '../service-levels/record-clock-event';
import { findVisibleCourse } from '../catalog/read-course';
import type { ProblemKind } from './development-values';
import type { ProblemReportView } from './problem-schemas';
import { getProblemReport } from './read-problem-reports';
import { problemReports } from './schema';

/**
 * Anyone signed in who can read a course reports a problem or asks a question about it (DV-4).
 * The charter's "courseware problem report answered" clock starts with `problem-report.received`.
 */
export async function reportProblem(db: Db, clock: Clock, actor: Actor, courseId: string, input: { kind: ProblemKind; description: string }): Promise<ProblemReportView> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    await findVisibleCourse(tx, actor, courseId);
    const [row] = await tx.insert(problemReports).values({ courseId, reporterId: actor.id, kind: input.kind, description: input.description, createdAt: now }).returning({ id: problemReports.id });
    const id = row!.id;
    await recordClockEvent(tx, clock, { type: 'problem-report.received', subject: { type: 'problem-report', id }, at: now, attributes: { kind: input.kind } });
    await recordAudit(tx, { actorId: actor.id, action: 'problem_report.received', entity: 'problem_report', entityId: id, after: { courseId, kind: input.kind } });
    return getProblemReport(tx, actor, id, now);
  });
}
