import { eq } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor';
import type { Db } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import { AppError } from '../platform/http/app-error';
import { recordAudit } from '../platform/audit/record-audit';
import { mayClose } from './plan-parties';
import { loadPlan, planViewOf, unitDay } from './read-retention-plan';
import { assertEditable } from './update-retention-plan';
import { mailPlanClosed } from './retention-mails';
import type { ClosePlanInput, PlanView } from './retention-schemas';
import { retentionPlans } from './schema';

type Deps = { db: Db; clock: Clock; publicUrl: string };

/**
 * The supervisor confirms the objectives are applied (AF-6): the plan closes and the learner is
 * mailed. Only the supervisor — a coordinator stands in when the learner has no supervisor; the
 * learner cannot close their own plan.
 */
export async function closeRetentionPlan(deps: Deps, actor: Actor, planId: string, input: ClosePlanInput): Promise<PlanView> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const loaded = await loadPlan(tx, actor, planId, true);
    if (!mayClose(loaded.side, loaded.parties)) {
      throw AppError.forbidden(loaded.parties.supervisor ? `Only ${loaded.parties.supervisor.name}, the learner’s supervisor, confirms the objectives are applied.` : 'The learner has no supervisor: a coordinator confirms the objectives are applied.');
    }
    const today = await unitDay(tx, now);
    await assertEditable(tx, loaded, input.revision, today, 'close');
    const note = input.note?.trim() || null;
    await tx.update(retentionPlans).set({ state: 'closed', closedAt: now, closedBy: actor.id, closingNote: note, revision: loaded.plan.revision + 1, updatedBy: actor.id, updatedAt: now }).where(eq(retentionPlans.id, planId));
    await recordAudit(tx, { actorId: actor.id, action: 'retention_plan.closed', entity: 'retention_plan', entityId: planId, before: { state: 'active' }, after: { state: 'closed', note } });
    await mailPlanClosed(tx, deps, planId, loaded.parties, actor, note);
    return planViewOf(tx, await loadPlan(tx, actor, planId), today);
  });
}
