import { asc, count, eq, desc } from 'drizzle-orm';
import { hasRole, type Actor } from '../platform/auth/actor';
import type { DbOrTx } from '../platform/db/database';
import type { GoalListView, GoalView } from './portfolio-schemas';
import { goalKeeperRoles } from './request-staff';
import { strategicGoals, trainingRequests } from './schema';

/**
 * RQ-7: the organization's strategic goals, current ones first, each with how many requests serve
 * it. Everyone signed in reads them: a requester picks the goal their request serves.
 */
export async function listGoals(db: DbOrTx, actor: Actor): Promise<GoalListView> {
  const rows = await db
    .select({ id: strategicGoals.id, title: strategicGoals.title, description: strategicGoals.description, active: strategicGoals.active, requests: count(trainingRequests.id) })
    .from(strategicGoals)
    .leftJoin(trainingRequests, eq(trainingRequests.goalId, strategicGoals.id))
    .groupBy(strategicGoals.id)
    .orderBy(desc(strategicGoals.active), asc(strategicGoals.title));
  return { items: rows.map((r) => ({ ...r, requests: Number(r.requests) })), canKeep: hasRole(actor, ...goalKeeperRoles) };
}

export async function findGoal(db: DbOrTx, id: string): Promise<GoalView | undefined> {
  const [row] = await db
    .select({ id: strategicGoals.id, title: strategicGoals.title, description: strategicGoals.description, active: strategicGoals.active, requests: count(trainingRequests.id) })
    .from(strategicGoals)
    .leftJoin(trainingRequests, eq(trainingRequests.goalId, strategicGoals.id))
    .where(eq(strategicGoals.id, id))
    .groupBy(strategicGoals.id);
  return row ? { ...row, requests: Number(row.requests) } : undefined;
}
