import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import { businessUnits } from './schema';

/** One business unit by id, or undefined: a filter names the unit it is about. */
export async function findBusinessUnit(db: DbOrTx, id: string): Promise<{ id: string; code: string; name: string } | undefined> {
  const [row] = await db.select({ id: businessUnits.id, code: businessUnits.code, name: businessUnits.name }).from(businessUnits).where(eq(businessUnits.id, id));
  return row;
}
