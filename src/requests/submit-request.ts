import { eq } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor';
import type { Db, DbOrTx } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import { AppError } from '../platform/http/app-error';
import { recordAudit } from '../platform/audit/record-audit';
import { recordClockEvent } from '../service-levels/record-clock-event';
import { submittableRequest, type RequestView } from './request-schemas';
import { requestView, type RequestRow } from './read-request';
import { lockRequest, refuseStale } from './lock-request';
import { requestOnlyForRequester } from './save-request-draft';
import { findRequestRule } from './charter-request-rule';
import { trainingRequests } from './schema';
import { recordRequestEvent } from './record-request-event';

/**
 * RQ-1, RQ-2: the requester sends the draft to the unit. It must say what the problem is, who is
 * affected and how many, and the outcome needed (field errors otherwise). The charter in force says
 * who triages and who decides; the triage clock starts now, on the charter's service level.
 */
export async function submitRequest(db: Db, clock: Clock, actor: Actor, id: string, revision: number): Promise<RequestView> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const row = await lockRequest(tx, actor, id, ['draft'], 'sent');
    if (row.requesterId !== actor.id) throw requestOnlyForRequester();
    refuseStale(row, revision);
    const checked = submittableRequest.safeParse(row);
    if (!checked.success) {
      throw AppError.invalid(checked.error.issues.map((i) => ({ field: String(i.path[0] ?? 'request'), message: i.message })), 'The request needs a little more before the unit can take it:');
    }
    const submitted = await markSubmitted(tx, clock, row, actor.id, now);
    return requestView(tx, actor, submitted, now);
  });
}

/** Submitted from a draft row: the charter's rule copied, the triage clock started, history and audit written. */
export async function markSubmitted(tx: DbOrTx, clock: Clock, row: RequestRow, actorId: string | null, now: Date): Promise<RequestRow> {
  const rule = await findRequestRule(tx, now);
  const [saved] = await tx
    .update(trainingRequests)
    .set({ state: 'submitted', submittedAt: now, requestType: rule.requestType, triageRole: rule.triagedBy, decisionRole: rule.decidedBy, revision: row.revision + 1, updatedAt: now })
    .where(eq(trainingRequests.id, row.id))
    .returning();
  await recordClockEvent(tx, clock, { type: 'training-request.submitted', subject: { type: 'training-request', id: row.id }, at: now, attributes: { urgency: row.urgency }, businessUnitId: row.businessUnitId });
  await recordRequestEvent(tx, { requestId: row.id, type: 'submitted', actorId, at: now, details: { triagedBy: rule.triagedBy, decidedBy: rule.decidedBy } });
  await recordAudit(tx, { actorId, action: 'training_request.submitted', entity: 'training_request', entityId: row.id, before: { state: 'draft' }, after: { state: 'submitted', requestType: rule.requestType, triageRole: rule.triagedBy, decisionRole: rule.decidedBy } });
  return saved!;
}
