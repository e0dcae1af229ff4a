import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor';
import type { Db } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import { AppError, type FieldError } from '../platform/http/app-error';
import { recordAudit } from '../platform/audit/record-audit';
import { courseObjectives, courseSessions } from '../catalog/schema';
import { enrolments } from '../enrolment/schema';
import type { OpenSupportCaseInput, SupportCaseView } from './support-schemas';
import { openSupportCase } from './open-support-case';
import { supportCaseView } from './read-support-case';

/**
 * A coordinator opens a case by hand (AF-5): a learner or supervisor told the unit an objective is
 * not met outside the follow-up form. Only for a completed enrolment, with objectives of its
 * course; joins the enrolment's live case if there is one, like a follow-up answer does.
 */
export async function openCaseByHand(deps: { db: Db; clock: Clock }, actor: Actor, input: OpenSupportCaseInput): Promise<{ view: SupportCaseView; opened: boolean }> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [enrolment] = await tx
      .select({ state: enrolments.state, courseId: sql<string>`coalesce(${enrolments.courseId}, ${courseSessions.courseId})` })
      .from(enrolments)
      .leftJoin(courseSessions, eq(courseSessions.id, enrolments.sessionId))
      .where(eq(enrolments.id, input.enrolmentId));
    if (!enrolment) throw AppError.invalid([{ field: 'enrolmentId', message: 'No enrolment has this id.' }]);
    if (enrolment.state !== 'completed') throw AppError.invalid([{ field: 'enrolmentId', message: `Support cases follow a completed course; this enrolment is ${enrolment.state.replace('_', ' ')}.` }]);
    const found = new Set(
      (await tx.select({ id: courseObjectives.id }).from(courseObjectives).where(and(eq(courseObjectives.courseId, enrolment.courseId), inArray(courseObjectives.id, input.objectiveIds), isNull(courseObjectives.removedAt)))).map((o) => o.id),
    );
    const fields: FieldError[] = input.objectiveIds.flatMap((id, i) => (found.has(id) ? [] : [{ field: `objectiveIds.${i}`, message: 'This is not an objective of the completed course.' }]));
    if (fields.length) throw AppError.invalid(fields);
    const { caseId, opened } = await openSupportCase(tx, { enrolmentId: input.enrolmentId, objectiveIds: input.objectiveIds, origin: 'coordinator', actorId: actor.id, now, note: input.note ?? null });
    await recordAudit(tx, { actorId: actor.id, action: opened ? 'support_case.opened' : 'support_case.objectives_added', entity: 'support_case', entityId: caseId, after: { enrolmentId: input.enrolmentId, objectiveIds: input.objectiveIds } });
    return { view: await supportCaseView(tx, caseId, true), opened };
  });
}
