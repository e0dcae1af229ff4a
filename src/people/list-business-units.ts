import { asc, count, eq } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import { businessUnits, people } from './schema';

export async function listBusinessUnits(db: DbOrTx) {
  const rows = await db
    .select({ id: businessUnits.id, code: businessUnits.code, name: businessUnits.name, peopleCount: count(people.id) })
    .from(businessUnits)
    .leftJoin(people, eq(people.businessUnitId, businessUnits.id))
    .groupBy(businessUnits.id)
    .orderBy(asc(businessUnits.name));
  return rows.map((r) => ({ ...r, peopleCount: Number(r.peopleCount) }));
}
