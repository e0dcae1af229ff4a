import { eq } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor';
import type { Db } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import { AppError } from '../platform/http/app-error';
import { recordAudit } from '../platform/audit/record-audit';
import { getPersonDetail } from '../people/get-person';
import type { RequestDraftInput, RequestView, UpdateRequestDraftInput } from './request-schemas';
import { requestView } from './read-request';
import { lockRequest, refuseStale } from './lock-request';
import { checkGoal } from './check-goal';
import { recordRequestEvent } from './record-request-event';
import { trainingRequests } from './schema';

/**
 * RQ-1: anyone signed in starts a request for their team or unit; a draft keeps whatever is typed
 * so far (only a title is needed) until they submit it. The business unit is the requester's.
 */
export async function createRequestDraft(db: Db, clock: Clock, actor: Actor, input: RequestDraftInput): Promise<RequestView> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    await checkGoal(tx, input.goalId);
    const person = await getPersonDetail(tx, actor.id);
    const [row] = await tx.insert(trainingRequests).values({ ...input, requesterId: actor.id, businessUnitId: person.businessUnit?.id ?? null, createdAt: now, updatedAt: now }).returning();
    await recordRequestEvent(tx, { requestId: row!.id, type: 'drafted', actorId: actor.id, at: now });
    await recordAudit(tx, { actorId: actor.id, action: 'training_request.drafted', entity: 'training_request', entityId: row!.id, after: input });
    return requestView(tx, actor, row!, now);
  });
}

/** The requester saves the draft again, whole, on the revision they read (a stale one is a 409). */
export async function updateRequestDraft(db: Db, clock: Clock, actor: Actor, id: string, input: UpdateRequestDraftInput): Promise<RequestView> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const row = await lockRequest(tx, actor, id, ['draft'], 'edited');
    if (row.requesterId !== actor.id) throw requestOnlyForRequester();
    refuseStale(row, input.revision);
    await checkGoal(tx, input.goalId);
    const { revision, ...fields } = input;
    const [saved] = await tx.update(trainingRequests).set({ ...fields, revision: revision + 1, updatedAt: now }).where(eq(trainingRequests.id, id)).returning();
    await recordAudit(tx, { actorId: actor.id, action: 'training_request.draft_saved', entity: 'training_request', entityId: id, before: pick(row), after: fields });
    return requestView(tx, actor, saved!, now);
  });
}

export const requestOnlyForRequester = () => AppError.forbidden('Only the person who asked can change or send their request.');

const pick = (r: typeof trainingRequests.$inferSelect) => ({ title: r.title, problem: r.problem, audience: r.audience, audienceSize: r.audienceSize, desiredOutcome: r.desiredOutcome, proposedSolution: r.proposedSolution, urgency: r.urgency, goalId: r.goalId });
