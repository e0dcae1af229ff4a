import { and, eq, ne } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor';
import type { Db } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import { AppError } from '../platform/http/app-error';
import { recordAudit } from '../platform/audit/record-audit';
import type { CloseSupportCaseInput, SupportCaseView } from './support-schemas';
import { supportCaseView } from './read-support-case';
import { lockSupportCase } from './lock-support-case';
import { supportCaseEvents, supportCases } from './schema';
import { isUniqueViolation } from '../catalog/unique-violation';

/** Closes a decided case with its outcome (AF-5): a case is tracked until someone says how it ended. */
export async function closeSupportCase(deps: { db: Db; clock: Clock }, actor: Actor, id: string, input: CloseSupportCaseInput): Promise<SupportCaseView> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const row = await lockSupportCase(tx, id);
    if (row.state === 'closed') throw new AppError('conflict', 'This support case is already closed.');
    if (!row.decision) throw new AppError('conflict', 'Decide what will help (or that no further training will) before closing the case.');
    const objectivesNowMet = input.objectivesNowMet ?? null;
    await tx.update(supportCases).set({ state: 'closed', outcome: input.outcome, closedBy: actor.id, closedAt: now, updatedAt: now }).where(eq(supportCases.id, id));
    await tx.insert(supportCaseEvents).values({ caseId: id, type: 'closed', actorId: actor.id, note: input.outcome, details: { objectivesNowMet, decision: row.decision }, at: now });
    await recordAudit(tx, { actorId: actor.id, action: 'support_case.closed', entity: 'support_case', entityId: id, before: { state: row.state }, after: { state: 'closed', outcome: input.outcome, objectivesNowMet } });
    return supportCaseView(tx, id, true);
  });
}

/**
 * Opens a closed case again (AF-5): back to in_progress with its decision if it had one, else
 * open. Refused while a newer case for the same enrolment is live: there is one live case per
 * enrolment, and the new one is where the work goes on.
 */
export async function reopenSupportCase(deps: { db: Db; clock: Clock }, actor: Actor, id: string, reason: string): Promise<SupportCaseView> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const row = await lockSupportCase(tx, id);
    if (row.state !== 'closed') throw new AppError('conflict', 'This support case is not closed.');
    const [live] = await tx.select({ id: supportCases.id }).from(supportCases).where(and(eq(supportCases.enrolmentId, row.enrolmentId), ne(supportCases.state, 'closed'))).for('update');
    if (live) throw new AppError('conflict', 'A newer support case for this enrolment is open; carry on there.');
    const state = row.decision ? 'in_progress' : 'open';
    // A follow-up answer may open a live case for the enrolment meanwhile (one live case each):
    // then this one stays closed and the caller hears so, instead of a 500 from the unique index.
    await tx
      .update(supportCases)
      .set({ state, outcome: null, closedBy: null, closedAt: null, updatedAt: now })
      .where(eq(supportCases.id, id))
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) throw new AppError('conflict', 'A newer support case for this enrolment is open; carry on there.');
        throw error;
      });
    await tx.insert(supportCaseEvents).values({ caseId: id, type: 'reopened', actorId: actor.id, note: reason, details: { previousOutcome: row.outcome }, at: now });
    await recordAudit(tx, { actorId: actor.id, action: 'support_case.reopened', entity: 'support_case', entityId: id, before: { state: 'closed', outcome: row.outcome }, after: { state, reason } });
    return supportCaseView(tx, id, true);
  });
}
