import { and, eq, ne, sql } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor';
import type { Db, DbOrTx } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import { AppError } from '../platform/http/app-error';
import { recordAudit } from '../platform/audit/record-audit';
import type { GoalInput, GoalUpdateInput, GoalView } from './portfolio-schemas';
import { findGoal } from './list-goals';
import { strategicGoals, trainingRequests } from './schema';

// RQ-7: the unit lead keeps the organization's strategic goals. A goal requests point at is
// retired (no longer offered to new requests) rather than deleted, so the portfolio keeps it.

/** Two current goals with the same name would split the portfolio; compared without case. */
async function refuseDuplicate(tx: DbOrTx, title: string, except: string | null): Promise<void> {
  const [same] = await tx
    .select({ id: strategicGoals.id })
    .from(strategicGoals)
    .where(and(sql`lower(${strategicGoals.title}) = lower(${title})`, except ? ne(strategicGoals.id, except) : undefined));
  if (same) throw AppError.invalid([{ field: 'title', message: 'There is already a goal with this name; rename or bring back that one.' }]);
}

export async function createGoal(db: Db, clock: Clock, actor: Actor, input: GoalInput): Promise<GoalView> {
  return db.transaction(async (tx) => {
    await refuseDuplicate(tx, input.title, null);
    const [row] = await tx.insert(strategicGoals).values({ ...input, createdAt: clock.now() }).returning();
    await recordAudit(tx, { actorId: actor.id, action: 'strategic_goal.created', entity: 'strategic_goal', entityId: row!.id, before: null, after: input });
    return { ...row!, requests: 0 };
  });
}

export async function updateGoal(db: Db, actor: Actor, id: string, input: GoalUpdateInput): Promise<GoalView> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(strategicGoals).where(eq(strategicGoals.id, id)).for('update');
    if (!before) throw AppError.notFound('This goal');
    await refuseDuplicate(tx, input.title, id);
    await tx.update(strategicGoals).set(input).where(eq(strategicGoals.id, id));
    const action = before.active && !input.active ? 'retired' : !before.active && input.active ? 'reinstated' : 'changed';
    await recordAudit(tx, { actorId: actor.id, action: `strategic_goal.${action}`, entity: 'strategic_goal', entityId: id, before: { title: before.title, description: before.description, active: before.active }, after: input });
    return (await findGoal(tx, id))!;
  });
}

/** A goal entered by mistake goes; one a request serves stays (retire it instead). */
export async function deleteGoal(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(strategicGoals).where(eq(strategicGoals.id, id)).for('update');
    if (!before) throw AppError.notFound('This goal');
    const [used] = await tx.select({ id: trainingRequests.id }).from(trainingRequests).where(eq(trainingRequests.goalId, id)).limit(1);
    if (used) throw new AppError('conflict', 'Requests serve this goal, so it stays in their history: retire it instead, and it is no longer offered.');
    await tx.delete(strategicGoals).where(eq(strategicGoals.id, id));
    await recordAudit(tx, { actorId: actor.id, action: 'strategic_goal.deleted', entity: 'strategic_goal', entityId: id, before: { title: before.title, description: before.description, active: before.active }, after: null });
  });
}
