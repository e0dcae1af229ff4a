import { asc, eq, inArray } from 'drizzle-orm';
import type { Db, DbOrTx } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import type { Actor } from '../platform/auth/actor';
import { AppError } from '../platform/http/app-error';
import { people } from '../people/schema';
import { unitToday } from '../platform/settings/unit-today';
import { findParties, liveObjectives, mayClose, mayEdit, objectivesByIds, sideOf, type PlanParties, type Side } from './plan-parties';
import type { ActionView, PlanView } from './retention-schemas';
import { retentionActions, retentionCheckIns, retentionPlans } from './schema';

export type PlanRow = typeof retentionPlans.$inferSelect;
export type LoadedPlan = { plan: PlanRow; parties: PlanParties; side: Side };

/** "Today" where the training unit is: check-in days are calendar days of the unit. */
export const unitDay = async (tx: DbOrTx, now: Date): Promise<string> => (await unitToday(tx, now)).today;

/** A plan with its parties and the caller's side; 404 for a plan that is not there or not theirs. `lock` takes the row for update. */
export async function loadPlan(tx: DbOrTx, actor: Actor, planId: string, lock = false): Promise<LoadedPlan> {
  const query = tx.select().from(retentionPlans).where(eq(retentionPlans.id, planId));
  const [plan] = lock ? await query.for('update') : await query;
  if (!plan) throw AppError.notFound('The retention plan');
  const parties = await findParties(tx, plan.enrolmentId);
  if (!parties) throw AppError.notFound('The retention plan');
  return { plan, parties, side: sideOf(actor, parties) };
}

/** The whole plan as the page shows it: objectives as sections with their actions, check-ins in date order. */
export async function planViewOf(tx: DbOrTx, loaded: LoadedPlan, today: string): Promise<PlanView> {
  const { plan, parties, side } = loaded;
  const actions = await tx.select().from(retentionActions).where(eq(retentionActions.planId, plan.id)).orderBy(asc(retentionActions.position));
  const checkIns = await tx.select().from(retentionCheckIns).where(eq(retentionCheckIns.planId, plan.id)).orderBy(asc(retentionCheckIns.dueOn), asc(retentionCheckIns.id));
  const live = await liveObjectives(tx, parties.course.id);
  // An action kept for an objective the course has since dropped still shows, under its old wording.
  const dropped = [...new Set(actions.map((a) => a.objectiveId).filter((id): id is string => !!id && !live.some((o) => o.id === id)))];
  const droppedTexts = await objectivesByIds(tx, dropped);
  const objectives = [...live, ...dropped.map((id) => ({ id, text: droppedTexts.get(id) ?? 'A removed objective' }))];
  const names = new Map(
    (await tx.select({ id: people.id, name: people.name }).from(people).where(inArray(people.id, [plan.updatedBy, ...(plan.closedBy ? [plan.closedBy] : [])]))).map((p) => [p.id, p.name]),
  );
  const view = (a: (typeof actions)[number]): ActionView => ({ id: a.id, objectiveId: a.objectiveId, kind: a.kind, description: a.description, owner: a.owner, dueOn: a.dueOn, done: !!a.doneAt });
  const active = plan.state === 'active';
  return {
    id: plan.id,
    enrolmentId: plan.enrolmentId,
    state: plan.state,
    revision: plan.revision,
    learner: { id: parties.learner.id, name: parties.learner.name },
    supervisor: parties.supervisor ? { id: parties.supervisor.id, name: parties.supervisor.name } : null,
    course: parties.course,
    completedAt: parties.completedAt?.toISOString() ?? null,
    objectives: objectives.map((o) => ({ id: o.id, text: o.text, actions: actions.filter((a) => a.objectiveId === o.id).map(view) })),
    otherActions: actions.filter((a) => !a.objectiveId).map(view),
    checkIns: checkIns.map((c) => ({ id: c.id, dueOn: c.dueOn, held: !!c.heldAt, note: c.note, reminded: !!c.remindedAt })),
    createdAt: plan.createdAt.toISOString(),
    updatedAt: plan.updatedAt.toISOString(),
    updatedBy: { id: plan.updatedBy, name: names.get(plan.updatedBy) ?? 'Someone' },
    closedAt: plan.closedAt?.toISOString() ?? null,
    closedBy: plan.closedBy ? { id: plan.closedBy, name: names.get(plan.closedBy) ?? 'Someone' } : null,
    closingNote: plan.closingNote,
    mayEdit: active && mayEdit(side),
    mayClose: active && mayClose(side, parties),
    today,
  };
}

/** GET a plan: the learner, their supervisor, and the training unit's staff. */
export async function readRetentionPlan(db: Db, clock: Clock, actor: Actor, planId: string): Promise<PlanView> {
  const loaded = await loadPlan(db, actor, planId);
  return planViewOf(db, loaded, await unitDay(db, clock.now()));
}
