import { eq } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor';
import type { Db } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import { recordAudit } from '../platform/audit/record-audit';
import type { DecideSupportCaseInput, SupportCaseView } from './support-schemas';
import { supportCaseView } from './read-support-case';
import { lockSupportCase, refuseClosed } from './lock-support-case';
import { mailSupportDecision } from './support-mails';
import { referToDiagnosis } from './refer-to-diagnosis';
import { supportCaseEvents, supportCases } from './schema';

/**
 * The coordinator's decision on a case (AF-5, decision 019): one of six options — "no further
 * training" among them — with a written reason, mailed to learner and supervisor. Every decision,
 * whichever option, moves the case to in_progress: closing is its own step, with an outcome.
 * Deciding again replaces the decision, as a new event with a new mail. A case nobody owned yet
 * becomes the decider's: someone has to follow the decision to its close. A 'diagnosis' referral
 * opens a training request in the same transaction (RQ-3), linked from the case's history.
 */
export async function decideSupportCase(deps: { db: Db; clock: Clock; publicUrl: string }, actor: Actor, id: string, input: DecideSupportCaseInput): Promise<SupportCaseView> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const row = await lockSupportCase(tx, id);
    refuseClosed(row, 'deciding again');
    const before = { state: row.state, decision: row.decision, decisionReason: row.decisionReason };
    await tx.update(supportCases).set({ state: 'in_progress', decision: input.option, decisionReason: input.reason, decidedBy: actor.id, decidedAt: now, ownerId: row.ownerId ?? actor.id, updatedAt: now }).where(eq(supportCases.id, id));
    const request = input.option === 'diagnosis' ? await referToDiagnosis(tx, deps.clock, id, actor.id, input.reason) : null;
    const details = { option: input.option, previous: row.decision, ...(request ? { referral: 'diagnosis', request: { id: request.requestId, reference: request.reference } } : {}) };
    const [event] = await tx.insert(supportCaseEvents).values({ caseId: id, type: 'decided', actorId: actor.id, note: input.reason, details, at: now }).returning({ id: supportCaseEvents.id });
    await mailSupportDecision(tx, deps.publicUrl, id, event!.id, { option: input.option, reason: input.reason, changed: row.decision !== null });
    await recordAudit(tx, { actorId: actor.id, action: 'support_case.decided', entity: 'support_case', entityId: id, before, after: { state: 'in_progress', decision: input.option, decisionReason: input.reason } });
    return supportCaseView(tx, id, true);
  });
}
