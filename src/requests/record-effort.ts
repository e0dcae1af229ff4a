import type { Actor } from '../platform/auth/actor';
import type { Db } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import { recordAudit } from '../platform/audit/record-audit';
import type { RequestView } from './request-schemas';
import type { EffortInput } from './portfolio-schemas';
import { requestView } from './read-request';
import { lockRequest } from './lock-request';
import { recordRequestEvent } from './record-request-event';
import { requestStates } from './request-values';
import { requestEffort } from './schema';

/**
 * RQ-7: a member of the unit records the hours they spent on a request (triage, interviews, the
 * diagnosis, the questionnaire…), for the portfolio's effort by goal and business unit. Their own
 * hours only; any request the unit can see, even after it closed (time is often logged late).
 */
export async function recordEffort(db: Db, clock: Clock, actor: Actor, id: string, input: EffortInput): Promise<RequestView> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const row = await lockRequest(tx, actor, id, requestStates.filter((s) => s !== 'draft'), 'given effort');
    const minutes = Math.round(input.hours * 60);
    const [saved] = await tx.insert(requestEffort).values({ requestId: id, personId: actor.id, minutes, workedOn: input.workedOn, note: input.note, at: now }).returning({ id: requestEffort.id });
    await recordRequestEvent(tx, { requestId: id, type: 'effort', actorId: actor.id, at: now, note: input.note || null, details: { hours: input.hours, workedOn: input.workedOn } });
    await recordAudit(tx, { actorId: actor.id, action: 'training_request.effort_recorded', entity: 'training_request', entityId: id, before: null, after: { effortId: saved!.id, minutes, workedOn: input.workedOn, note: input.note } });
    return requestView(tx, actor, row, now);
  });
}
