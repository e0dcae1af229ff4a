import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import { businessUnits } from './schema';

/** One business unit by id, or undefined: a filter names the unit it is about. */
export async function findBusinessUnit(db: DbOrTx, id: string): Promise<{ id: string; code: string; name: string } | undefined> {
  const [row] = await db.select({ id: businessUnits.id, code: businessUnits.code, name: businessUnits.name }).from(businessUnits).where(eq(businessUnits.id, id));
  return row;
}

/**
 * The business units with these ids (unknown ids are left out). A page that names a few units asks
 * for those: listing every unit with its head count reads every person (issue 10: 100,000 people
 * made the catalog's search and course page spend most of their time there).
 */
export async function findBusinessUnits(db: DbOrTx, ids: readonly string[]): Promise<{ id: string; code: string; name: string }[]> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return [];
  return db.select({ id: businessUnits.id, code: businessUnits.code, name: businessUnits.name }).from(businessUnits).where(inArray(businessUnits.id, wanted));
}
