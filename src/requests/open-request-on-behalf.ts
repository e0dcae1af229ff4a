import { and, eq, notInArray } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import { getPersonDetail } from '../people/get-person';
import type { RequestOrigin, RequestUrgency } from './request-values';
import { referenceOf } from './read-request';
import { markSubmitted } from './submit-request';
import { recordRequestEvent } from './record-request-event';
import { trainingRequests } from './schema';

export type RequestOnBehalf = {
  /** Whose request it is: they read it, answer the recommendation and see its status (RQ-2). */
  requesterId: string;
  /** Who opened it for them (a coordinator deciding a support case); null when Stride did. */
  openedBy: string | null;
  origin: Exclude<RequestOrigin, 'intake'>;
  /** The record it came from, for the link back (a support case, a workshop). */
  originId: string;
  title: string;
  problem: string;
  audience: string;
  audienceSize: number;
  desiredOutcome: string;
  proposedSolution?: string;
  urgency?: RequestUrgency;
  goalId?: string | null;
};

/**
 * Opens a submitted request for a person on someone's behalf, inside the caller's transaction: a
 * support case referred to diagnosis, an opportunity harvested in a customer experience workshop.
 * It is submitted at once — its triage clock starts on the charter's rule like any other — and its
 * history says who opened it and from what. One record opens one live request: while the request
 * it opened before is neither closed nor withdrawn, that one is returned (`opened: false`) — a
 * support case decided 'diagnosis' twice does not ask the unit twice. Returns its id and reference.
 */
export async function openRequestOnBehalf(tx: DbOrTx, clock: Clock, input: RequestOnBehalf): Promise<{ requestId: string; reference: string; opened: boolean }> {
  const now = clock.now();
  const [live] = await tx
    .select({ id: trainingRequests.id, number: trainingRequests.number })
    .from(trainingRequests)
    .where(and(eq(trainingRequests.origin, input.origin), eq(trainingRequests.originId, input.originId), notInArray(trainingRequests.state, ['closed', 'withdrawn'])))
    .for('update');
  if (live) return { requestId: live.id, reference: referenceOf(live.number), opened: false };
  const requester = await getPersonDetail(tx, input.requesterId);
  const [row] = await tx
    .insert(trainingRequests)
    .values({
      requesterId: requester.id,
      openedBy: input.openedBy,
      origin: input.origin,
      originId: input.originId,
      businessUnitId: requester.businessUnit?.id ?? null,
      title: input.title,
      problem: input.problem,
      audience: input.audience,
      audienceSize: input.audienceSize,
      desiredOutcome: input.desiredOutcome,
      proposedSolution: input.proposedSolution ?? '',
      urgency: input.urgency ?? 'when_possible',
      goalId: input.goalId ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await recordRequestEvent(tx, { requestId: row!.id, type: 'drafted', actorId: input.openedBy, at: now, details: { onBehalfOf: requester.id, origin: input.origin, originId: input.originId } });
  await markSubmitted(tx, clock, row!, input.openedBy, now);
  return { requestId: row!.id, reference: referenceOf(row!.number), opened: true };
}
