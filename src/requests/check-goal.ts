import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import { AppError } from '../platform/http/app-error';
import { strategicGoals } from './schema';

/** A request may only serve a goal the unit lead keeps (RQ-7); a retired or unknown one is a field error. */
export async function checkGoal(tx: DbOrTx, goalId: string | null): Promise<void> {
  if (!goalId) return;
  const [goal] = await tx.select({ id: strategicGoals.id }).from(strategicGoals).where(and(eq(strategicGoals.id, goalId), eq(strategicGoals.active, true)));
  if (!goal) throw AppError.invalid([{ field: 'goalId', message: 'Choose one of the organization’s current strategic goals.' }]);
}
