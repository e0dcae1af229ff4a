import { and, eq } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor';
import type { Db } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import { AppError } from '../platform/http/app-error';
import { recordAudit } from '../platform/audit/record-audit';
import type { RequestView, RespondInput } from './request-schemas';
import { requestView } from './read-request';
import { lockRequest } from './lock-request';
import { requestOnlyForRequester } from './save-request-draft';
import { recordRequestEvent } from './record-request-event';
import { mailResponse } from './request-mails';
import { startFollowThrough } from './start-follow-through';
import { requestRecommendations, trainingRequests } from './schema';

/**
 * RQ-5: the requester answers the latest version — accepts it (the decision is recorded, and the
 * accepted interventions become tracked items, RQ-6), or asks to discuss it with what they would
 * change (the consultant revises as a new version). The owner is mailed either way.
 */
export async function respondToRecommendation(deps: { db: Db; clock: Clock; publicUrl: string }, actor: Actor, id: string, version: number, input: RespondInput): Promise<RequestView> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const row = await lockRequest(tx, actor, id, ['recommended'], 'answered');
    if (row.requesterId !== actor.id) throw requestOnlyForRequester();
    const [rec] = await tx.select().from(requestRecommendations).where(and(eq(requestRecommendations.requestId, id), eq(requestRecommendations.version, version)));
    if (!rec) throw AppError.notFound('This version of the recommendation');
    if (rec.response) throw new AppError('conflict', `You already answered version ${version}.`);
    const [latest] = await tx.select({ version: requestRecommendations.version }).from(requestRecommendations).where(eq(requestRecommendations.requestId, id)).orderBy(requestRecommendations.version).limit(1).offset(version);
    if (latest) throw new AppError('conflict', `Version ${version} has been revised; answer version ${latest.version}.`);
    await tx.update(requestRecommendations).set({ response: input.response, responseNote: input.note || null, respondedBy: actor.id, respondedAt: now }).where(eq(requestRecommendations.id, rec.id));
    const accepted = input.response === 'accepted';
    const [saved] = await tx
      .update(trainingRequests)
      .set({ state: accepted ? 'accepted' : 'discussing', ...(accepted ? { acceptedAt: now } : {}), revision: row.revision + 1, updatedAt: now })
      .where(eq(trainingRequests.id, id))
      .returning();
    await recordRequestEvent(tx, { requestId: id, type: accepted ? 'accepted' : 'discussed', actorId: actor.id, at: now, note: input.note || null, details: { version } });
    await recordAudit(tx, { actorId: actor.id, action: `training_request.${accepted ? 'accepted' : 'discussed'}`, entity: 'training_request', entityId: id, before: { state: row.state }, after: { state: saved!.state, version, note: input.note } });
    if (accepted) await startFollowThrough(tx, deps.clock, saved!, rec, actor.id, deps.publicUrl);
    await mailResponse(tx, deps.publicUrl, saved!, version, input.response, input.note);
    const [current] = await tx.select().from(trainingRequests).where(eq(trainingRequests.id, id));
    return requestView(tx, actor, current!, now);
  });
}
