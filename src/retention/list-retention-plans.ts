import { and, asc, desc, eq, inArray, isNull, notInArray, or } from 'drizzle-orm';
import { isStaff, type Actor } from '../platform/auth/actor';
import type { Db } from '../platform/db/database';
import { AppError } from '../platform/http/app-error';
import { enrolments } from '../enrolment/schema';
import { mineOrTeam, partiesOf, selectParties } from './plan-parties';
import type { PlanSummary, StartableView } from './retention-schemas';
import { retentionActions, retentionCheckIns, retentionPlans } from './schema';

// Lists of retention plans (AF-6): mine, my team's (my direct reports'), or all of them for the
// training unit's staff, with progress. Progress is the plan's own — actions done of its total —
// never ranked against anyone else's.

const LIMIT = 500;

export async function listRetentionPlans(db: Db, actor: Actor, scope: 'mine' | 'team' | 'all'): Promise<PlanSummary[]> {
  if (scope === 'all' && !isStaff(actor)) throw AppError.forbidden('All retention plans are for the training unit’s staff; choose yours or your team’s.');
  const withPlan = inArray(enrolments.id, db.select({ id: retentionPlans.enrolmentId }).from(retentionPlans));
  const found = await selectParties(db)
    .where(scope === 'all' ? withPlan : and(withPlan, mineOrTeam(actor.id, scope)))
    .orderBy(desc(enrolments.completedAt))
    .limit(LIMIT);
  if (found.length === 0) return [];
  const parties = new Map(found.map((r) => [r.enrolmentId, partiesOf(r)]));
  const plans = await db.select().from(retentionPlans).where(inArray(retentionPlans.enrolmentId, [...parties.keys()])).orderBy(asc(retentionPlans.state), desc(retentionPlans.updatedAt));
  const ids = plans.map((p) => p.id);
  const actions = await db.select({ planId: retentionActions.planId, doneAt: retentionActions.doneAt }).from(retentionActions).where(inArray(retentionActions.planId, ids));
  const checkIns = await db
    .select({ planId: retentionCheckIns.planId, dueOn: retentionCheckIns.dueOn })
    .from(retentionCheckIns)
    .where(and(inArray(retentionCheckIns.planId, ids), isNull(retentionCheckIns.heldAt)))
    .orderBy(asc(retentionCheckIns.dueOn));
  return plans.map((plan) => {
    const p = parties.get(plan.enrolmentId)!;
    const own = actions.filter((a) => a.planId === plan.id);
    return {
      id: plan.id,
      state: plan.state,
      learner: { id: p.learner.id, name: p.learner.name },
      course: p.course,
      actionsDone: own.filter((a) => a.doneAt).length,
      actionsTotal: own.length,
      nextCheckIn: plan.state === 'active' ? (checkIns.find((c) => c.planId === plan.id)?.dueOn ?? null) : null,
      updatedAt: plan.updatedAt.toISOString(),
    };
  });
}

/** Completed enrolments, mine and my direct reports', that have no retention plan yet: where a plan starts. */
export async function listStartable(db: Db, actor: Actor): Promise<StartableView[]> {
  const rows = await selectParties(db)
    .where(
      and(
        eq(enrolments.state, 'completed'),
        notInArray(enrolments.id, db.select({ id: retentionPlans.enrolmentId }).from(retentionPlans)),
        or(mineOrTeam(actor.id, 'mine'), mineOrTeam(actor.id, 'team')),
      ),
    )
    .orderBy(desc(enrolments.completedAt))
    .limit(LIMIT);
  return rows.map((r) => {
    const p = partiesOf(r);
    return { enrolmentId: p.enrolmentId, learner: { id: p.learner.id, name: p.learner.name }, course: p.course, completedAt: p.completedAt?.toISOString() ?? null };
  });
}
