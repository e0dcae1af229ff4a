import { and, eq } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor';
import type { Db } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import { AppError } from '../platform/http/app-error';
import { recordAudit } from '../platform/audit/record-audit';
import { enrolForRequest } from '../enrolment/enrol-for-request';
import type { ActionEnrolInput, RequestView } from './request-schemas';
import { requestView } from './read-request';
import { lockRequest } from './lock-request';
import { mayWork } from './request-work';
import { recordRequestEvent } from './record-request-event';
import { requestActions, trainingRequests } from './schema';

/**
 * RQ-6: an accepted "existing course" intervention is followed through by enrolling the affected
 * people in a session of that course — through the enrolment capability, whose seat rules hold —
 * by the item's owner or whoever works the request. The enrolments are kept on the item, so the
 * request shows where each place stands; the item stays open until its owner closes it.
 */
export async function enrolFromAction(deps: { db: Db; clock: Clock; publicUrl: string }, actor: Actor, id: string, actionId: string, input: ActionEnrolInput): Promise<RequestView> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const row = await lockRequest(tx, actor, id, ['accepted'], 'followed through');
    const [action] = await tx.select().from(requestActions).where(and(eq(requestActions.id, actionId), eq(requestActions.requestId, id))).for('update');
    if (!action) throw AppError.notFound('This follow-through item');
    if (actor.id !== action.ownerId && !mayWork(actor, row)) throw AppError.forbidden('Only the item’s owner or whoever works the request enrols people from it.');
    if (action.kind !== 'enrolments' || !action.courseId) throw new AppError('conflict', 'Only an existing course’s item enrols people.');
    if (action.state !== 'open') throw new AppError('conflict', `This item is already ${action.state}.`);
    const enrolmentIds = await enrolForRequest(tx, deps, actor, { sessionId: input.sessionId, courseId: action.courseId, personIds: input.personIds, note: input.note || `From request ${id}` });
    await tx.update(requestActions).set({ enrolmentIds: [...action.enrolmentIds, ...enrolmentIds] }).where(eq(requestActions.id, actionId));
    const [saved] = await tx.update(trainingRequests).set({ revision: row.revision + 1, updatedAt: now }).where(eq(trainingRequests.id, id)).returning();
    await recordRequestEvent(tx, { requestId: id, type: 'follow_through', actorId: actor.id, at: now, note: input.note || null, details: { actionId, sessionId: input.sessionId, enrolled: enrolmentIds.length } });
    await recordAudit(tx, { actorId: actor.id, action: 'training_request.enrolled', entity: 'training_request', entityId: id, before: null, after: { actionId, sessionId: input.sessionId, enrolmentIds } });
    return requestView(tx, actor, saved!, now);
  });
}
