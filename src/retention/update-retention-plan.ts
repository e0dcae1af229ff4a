import { and, eq, notInArray } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor';
import type { Db, Tx } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import { AppError, type FieldError } from '../platform/http/app-error';
import { recordAudit } from '../platform/audit/record-audit';
import { liveObjectives } from './plan-parties';
import { loadPlan, planViewOf, unitDay, type LoadedPlan } from './read-retention-plan';
import type { PlanView, UpdatePlanInput } from './retention-schemas';
import { retentionActions, retentionCheckIns, retentionPlans } from './schema';

type Deps = { db: Db; clock: Clock };

/** A save on top of an older revision: refused with the plan as it is now, so the editor can merge. */
export class StalePlanError extends AppError {
  constructor(
    readonly current: PlanView,
    edited: number,
  ) {
    const message = `Someone saved this plan since you opened it (you edited revision ${edited}; it is now at revision ${current.revision}). Nothing of yours was saved: load the latest, reapply your changes and save again.`;
    super('conflict', message, { fields: [{ field: 'revision', message }] });
  }
}

/** Refuses an edit of a closed plan, or by a reader; a stale revision with the current plan. */
export async function assertEditable(tx: Tx, loaded: LoadedPlan, revision: number, today: string, what: string): Promise<void> {
  if (loaded.side === 'reader') throw AppError.forbidden(`Only the learner, their supervisor and the training unit’s coordinators ${what} a retention plan.`);
  if (loaded.plan.state !== 'active') throw new AppError('conflict', 'This retention plan is closed: the objectives were confirmed applied.');
  if (loaded.plan.revision !== revision) throw new StalePlanError(await planViewOf(tx, loaded, today), revision);
}

/**
 * Saves the whole plan (AF-6), all or nothing, as its next revision: the learner, the supervisor
 * or a coordinator, while it is active. The plan stays built on the course objectives: every live
 * objective keeps at least one action. A check-in added (or moved) lands today or later; one
 * already past may stay. Moving a check-in re-arms its reminder.
 */
export async function updateRetentionPlan(deps: Deps, actor: Actor, planId: string, input: UpdatePlanInput): Promise<PlanView> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const loaded = await loadPlan(tx, actor, planId, true);
    const today = await unitDay(tx, now);
    await assertEditable(tx, loaded, input.revision, today, 'change');
    const actions = await tx.select().from(retentionActions).where(eq(retentionActions.planId, planId));
    const checkIns = await tx.select().from(retentionCheckIns).where(eq(retentionCheckIns.planId, planId));
    const live = await liveObjectives(tx, loaded.parties.course.id);
    const actionById = new Map(actions.map((a) => [a.id, a]));
    const checkInById = new Map(checkIns.map((c) => [c.id, c]));
    const fields: FieldError[] = [];
    const seen = new Set<string>();

    input.actions.forEach((a, i) => {
      const before = a.id ? actionById.get(a.id) : undefined;
      if (a.id && !before) fields.push({ field: `actions.${i}.id`, message: 'This plan has no action with this id; reload the plan.' });
      if (a.id && seen.has(a.id)) fields.push({ field: `actions.${i}.id`, message: 'This action is listed twice.' });
      if (a.id) seen.add(a.id);
      // An objective the course has since dropped may keep the actions it had; new ones go to live objectives.
      if (a.objectiveId && !live.some((o) => o.id === a.objectiveId) && before?.objectiveId !== a.objectiveId) {
        fields.push({ field: `actions.${i}.objectiveId`, message: 'Choose one of the course’s objectives, or none for the plan as a whole.' });
      }
    });
    for (const o of live) {
      if (!input.actions.some((a) => a.objectiveId === o.id)) fields.push({ field: `objectives.${o.id}`, message: `Keep at least one action for the objective “${o.text}”: the plan is built on the course objectives.` });
    }
    input.checkIns.forEach((c, i) => {
      const before = c.id ? checkInById.get(c.id) : undefined;
      if (c.id && !before) fields.push({ field: `checkIns.${i}.id`, message: 'This plan has no check-in with this id; reload the plan.' });
      else if (c.id && seen.has(c.id)) fields.push({ field: `checkIns.${i}.id`, message: 'This check-in is listed twice.' });
      if (c.id) seen.add(c.id);
      if ((!before || before.dueOn !== c.dueOn) && c.dueOn < today) fields.push({ field: `checkIns.${i}.dueOn`, message: `A check-in is planned for today (${today}) or later.` });
    });
    if (fields.length) throw AppError.invalid(fields, 'The plan was not saved:');

    const keptActions = input.actions.flatMap((a) => (a.id ? [a.id] : []));
    await tx.delete(retentionActions).where(keptActions.length ? and(eq(retentionActions.planId, planId), notInArray(retentionActions.id, keptActions)) : eq(retentionActions.planId, planId));
    for (const [i, a] of input.actions.entries()) {
      const before = a.id ? actionById.get(a.id) : undefined;
      const values = { objectiveId: a.objectiveId, position: i + 1, kind: a.kind, description: a.description, owner: a.owner, dueOn: a.dueOn ?? null, doneAt: a.done ? (before?.doneAt ?? now) : null };
      if (before) await tx.update(retentionActions).set(values).where(eq(retentionActions.id, before.id));
      else await tx.insert(retentionActions).values({ planId, ...values });
    }
    const keptCheckIns = input.checkIns.flatMap((c) => (c.id ? [c.id] : []));
    await tx.delete(retentionCheckIns).where(keptCheckIns.length ? and(eq(retentionCheckIns.planId, planId), notInArray(retentionCheckIns.id, keptCheckIns)) : eq(retentionCheckIns.planId, planId));
    for (const c of input.checkIns) {
      const before = c.id ? checkInById.get(c.id) : undefined;
      // Left out means unchanged: a client that sends only the date never un-holds a check-in or drops its note.
      const held = c.held ?? !!before?.heldAt;
      const values = { dueOn: c.dueOn, heldAt: held ? (before?.heldAt ?? now) : null, note: c.note === undefined ? (before?.note ?? null) : c.note?.trim() || null };
      if (before) await tx.update(retentionCheckIns).set({ ...values, remindedAt: before.dueOn === c.dueOn ? before.remindedAt : null }).where(eq(retentionCheckIns.id, before.id));
      else await tx.insert(retentionCheckIns).values({ planId, ...values });
    }
    const revision = loaded.plan.revision + 1;
    await tx.update(retentionPlans).set({ revision, updatedBy: actor.id, updatedAt: now }).where(eq(retentionPlans.id, planId));
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'retention_plan.updated',
      entity: 'retention_plan',
      entityId: planId,
      before: { revision: loaded.plan.revision, actions: actions.length, checkIns: checkIns.length },
      after: { revision, actions: input.actions.length, checkIns: input.checkIns.length },
    });
    return planViewOf(tx, await loadPlan(tx, actor, planId), today);
  });
}

