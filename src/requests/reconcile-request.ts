import { eq } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor';
import type { Db } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import { recordAudit } from '../platform/audit/record-audit';
import type { RequestView } from './request-schemas';
import type { ReconciliationInput } from './survey-schemas';
import { requestView } from './read-request';
import { lockRequest, refuseStale } from './lock-request';
import { refuseUnlessWorker } from './request-work';
import { recordRequestEvent } from './record-request-event';
import { surveyStates } from './send-survey';
import { trainingRequests } from './schema';

/**
 * RQ-4: the consultant's reconciliation of the two voices — what the stakeholder wants (in the
 * consultant's summary, the request's own words beside it) and what the learners say — saved whole
 * on the revision read. The requester reads it; it is the learners' voice as they may hear it.
 */
export async function reconcileRequest(db: Db, clock: Clock, actor: Actor, id: string, input: ReconciliationInput): Promise<RequestView> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const row = await lockRequest(tx, actor, id, surveyStates, 'reconciled');
    refuseUnlessWorker(actor, row);
    refuseStale(row, input.revision);
    const [saved] = await tx
      .update(trainingRequests)
      .set({ stakeholderWants: input.stakeholderWants || null, reconciliation: input.reconciliation, revision: input.revision + 1, updatedAt: now })
      .where(eq(trainingRequests.id, id))
      .returning();
    await recordRequestEvent(tx, { requestId: id, type: 'reconciled', actorId: actor.id, at: now, details: { first: !row.reconciliation } });
    await recordAudit(tx, { actorId: actor.id, action: 'training_request.reconciled', entity: 'training_request', entityId: id, before: { stakeholderWants: row.stakeholderWants, reconciliation: row.reconciliation }, after: { stakeholderWants: input.stakeholderWants, reconciliation: input.reconciliation } });
    return requestView(tx, actor, saved!, now);
  });
}
