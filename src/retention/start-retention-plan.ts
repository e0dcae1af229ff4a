import { eq } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor';
import type { Db } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import { AppError } from '../platform/http/app-error';
import { recordAudit } from '../platform/audit/record-audit';
import { isUniqueViolation } from '../catalog/unique-violation';
import { findParties, liveObjectives, sideOf } from './plan-parties';
import { loadPlan, planViewOf, unitDay } from './read-retention-plan';
import { mailPlanStarted } from './retention-mails';
import type { PlanView } from './retention-schemas';
import { retentionActions, retentionCheckIns, retentionPlans } from './schema';

type Deps = { db: Db; clock: Clock; publicUrl: string };

/** Default check-ins: two and six weeks after the plan is started, when the first habits form or fade. */
export const DEFAULT_CHECK_IN_DAYS = [14, 42] as const;

export const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

function existing(planId: string): AppError {
  return new AppError('conflict', `This enrolment already has a retention plan: /retention-plans/${planId}. Open it there; there is one plan per course completed.`, {
    fields: [{ field: 'enrolmentId', message: `/retention-plans/${planId}` }],
  });
}

/**
 * Starts the retention plan of a completed enrolment (AF-6): the learner, their supervisor or a
 * coordinator. Pre-filled with one "apply on the job" action per live objective, owned by the
 * learner, and two check-ins; more training is never suggested. One plan per enrolment: a second
 * start is a 409 naming the plan there is.
 */
export async function startRetentionPlan(deps: Deps, actor: Actor, enrolmentId: string): Promise<PlanView> {
  const now = deps.clock.now();
  try {
    return await deps.db.transaction(async (tx) => {
      const parties = await findParties(tx, enrolmentId);
      if (!parties) throw AppError.notFound('The enrolment');
      const side = sideOf(actor, parties);
      if (side === 'reader') throw AppError.forbidden('A retention plan is started by the learner, their supervisor or a coordinator.');
      if (parties.state !== 'completed') throw new AppError('conflict', 'A retention plan follows a completed course; this enrolment is not completed.');
      const [already] = await tx.select({ id: retentionPlans.id }).from(retentionPlans).where(eq(retentionPlans.enrolmentId, enrolmentId));
      if (already) throw existing(already.id);
      const [plan] = await tx.insert(retentionPlans).values({ enrolmentId, createdBy: actor.id, createdAt: now, updatedBy: actor.id, updatedAt: now }).returning();
      const objectives = await liveObjectives(tx, parties.course.id);
      if (objectives.length) {
        await tx.insert(retentionActions).values(objectives.map((o, i) => ({ planId: plan!.id, objectiveId: o.id, position: i + 1, kind: 'apply_on_the_job' as const, description: `Apply: ${o.text}`, owner: 'learner' as const })));
      }
      const today = await unitDay(tx, now);
      await tx.insert(retentionCheckIns).values(DEFAULT_CHECK_IN_DAYS.map((d) => ({ planId: plan!.id, dueOn: addDays(today, d) })));
      await recordAudit(tx, { actorId: actor.id, action: 'retention_plan.started', entity: 'retention_plan', entityId: plan!.id, after: { enrolmentId, actions: objectives.length, checkIns: DEFAULT_CHECK_IN_DAYS.length } });
      await mailPlanStarted(tx, deps, plan!.id, parties, actor);
      return planViewOf(tx, await loadPlan(tx, actor, plan!.id), today);
    });
  } catch (error) {
    // Two starts at the same moment: the unique index lets one through; the other learns of it.
    if (!isUniqueViolation(error)) throw error;
    const [plan] = await deps.db.select({ id: retentionPlans.id }).from(retentionPlans).where(eq(retentionPlans.enrolmentId, enrolmentId));
    throw plan ? existing(plan.id) : error;
  }
}
