import { eq } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor';
import type { Db } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import { recordAudit } from '../platform/audit/record-audit';
import type { DiagnosisInput, RequestView } from './request-schemas';
import { requestView } from './read-request';
import { lockRequest, refuseStale } from './lock-request';
import { refuseUnlessWorker } from './request-work';
import { recordRequestEvent } from './record-request-event';
import { weighCauses } from './weigh-causes';
import { trainingRequests } from './schema';

/**
 * RQ-3 diagnosis first: the owner states the performance gap (now, wanted, measured how) and weighs
 * every cause with its evidence, saved whole on the revision read. The first save moves a triaged
 * request to 'diagnosing'; the diagnosis may be refined until the requester accepts a recommendation.
 */
export async function diagnoseRequest(db: Db, clock: Clock, actor: Actor, id: string, input: DiagnosisInput): Promise<RequestView> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const row = await lockRequest(tx, actor, id, ['triaged', 'diagnosing', 'recommended', 'discussing'], 'diagnosed');
    refuseUnlessWorker(actor, row);
    refuseStale(row, input.revision);
    const { revision, ...diagnosis } = input;
    const [saved] = await tx
      .update(trainingRequests)
      .set({ ...diagnosis, diagnosedAt: now, ...(row.state === 'triaged' ? { state: 'diagnosing' as const } : {}), revision: revision + 1, updatedAt: now })
      .where(eq(trainingRequests.id, id))
      .returning();
    const { dominant } = weighCauses(input.causes);
    await recordRequestEvent(tx, { requestId: id, type: 'diagnosed', actorId: actor.id, at: now, details: { dominant, first: !row.diagnosedAt } });
    await recordAudit(tx, { actorId: actor.id, action: 'training_request.diagnosed', entity: 'training_request', entityId: id, before: { state: row.state, gapCurrent: row.gapCurrent, gapDesired: row.gapDesired, gapMeasure: row.gapMeasure, causes: row.causes }, after: { state: saved!.state, ...diagnosis } });
    return requestView(tx, actor, saved!, now);
  });
}
