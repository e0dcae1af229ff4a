import { eq, max } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor';
import type { Db } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import { AppError, type FieldError } from '../platform/http/app-error';
import { recordAudit } from '../platform/audit/record-audit';
import { findPersonById } from '../people/find-people';
import { findVisibleCourse } from '../catalog/read-course';
import type { RecommendationInput, RequestView } from './request-schemas';
import { onlyTraining } from './request-schemas';
import { requestView } from './read-request';
import { lockRequest } from './lock-request';
import { refuseUnlessWorker } from './request-work';
import { recordRequestEvent } from './record-request-event';
import { mailRecommendation } from './request-mails';
import { requestRecommendations, trainingRequests, type Intervention } from './schema';

/**
 * RQ-5: the owner recommends one or more interventions, each with its rationale and owner, after a
 * diagnosis (never before: "diagnosis before solutions"). Each issue is a new version; a revision
 * after the requester asked to discuss is the next one. The requester is mailed the recommendation
 * and, where training is not (only) the answer, the written explanation with the alternatives.
 */
export async function issueRecommendation(deps: { db: Db; clock: Clock; publicUrl: string }, actor: Actor, id: string, input: RecommendationInput): Promise<RequestView> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const row = await lockRequest(tx, actor, id, ['diagnosing', 'recommended', 'discussing'], 'given a recommendation');
    refuseUnlessWorker(actor, row);
    const interventions = await checkInterventions(tx, actor, input);
    const [last] = await tx.select({ n: max(requestRecommendations.version) }).from(requestRecommendations).where(eq(requestRecommendations.requestId, id));
    const version = (last?.n ?? 0) + 1;
    const explanation = onlyTraining(input.interventions) ? '' : input.explanation;
    await tx.insert(requestRecommendations).values({ requestId: id, version, summary: input.summary, explanation, interventions, issuedBy: actor.id, issuedAt: now });
    const [saved] = await tx.update(trainingRequests).set({ state: 'recommended', revision: row.revision + 1, updatedAt: now }).where(eq(trainingRequests.id, id)).returning();
    await recordRequestEvent(tx, { requestId: id, type: 'recommended', actorId: actor.id, at: now, details: { version, kinds: interventions.map((i) => i.kind) } });
    await recordAudit(tx, { actorId: actor.id, action: 'training_request.recommended', entity: 'training_request', entityId: id, before: { state: row.state }, after: { state: 'recommended', version, summary: input.summary, explanation, interventions } });
    await mailRecommendation(tx, deps.publicUrl, saved!, version, input.summary, explanation);
    return requestView(tx, actor, saved!, now);
  });
}

/** Owners must be active people; an existing course must be in the catalog. Field errors name the row. */
async function checkInterventions(tx: Parameters<typeof findPersonById>[0], actor: Actor, input: RecommendationInput): Promise<Intervention[]> {
  const fields: FieldError[] = [];
  const result: Intervention[] = [];
  for (const [n, i] of input.interventions.entries()) {
    const owner = await findPersonById(tx, i.ownerId);
    if (!owner?.active) fields.push({ field: `interventions.${n}.ownerId`, message: 'Choose an active person to own this intervention.' });
    let course: Intervention['course'] = null;
    if (i.courseId) {
      const found = await findVisibleCourse(tx, actor, i.courseId).catch(() => undefined);
      if (!found || found.status !== 'published') fields.push({ field: `interventions.${n}.courseId`, message: 'Choose a course that is in the catalog.' });
      else course = { id: found.id, code: found.code, title: found.title };
    }
    result.push({ kind: i.kind, title: i.title, rationale: i.rationale, ownerId: i.ownerId, course, size: i.kind === 'new_course' ? i.size : null });
  }
  if (fields.length) throw AppError.invalid(fields);
  return result;
}
