import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import type { EffortView } from './portfolio-schemas';
import { namesOf } from './person-names';
import { requestEffort } from './schema';

/** The hours recorded on a request, oldest first, with who spent them. */
export async function effortOf(tx: DbOrTx, requestId: string): Promise<EffortView> {
  const rows = await tx.select().from(requestEffort).where(eq(requestEffort.requestId, requestId)).orderBy(asc(requestEffort.workedOn), asc(requestEffort.at));
  const names = await namesOf(tx, rows.map((r) => r.personId));
  const entries = rows.map((r) => ({ id: r.id, person: { id: r.personId, name: names.get(r.personId) ?? 'Someone' }, hours: r.minutes / 60, workedOn: r.workedOn, note: r.note }));
  return { totalHours: entries.reduce((sum, e) => sum + e.hours, 0), entries };
}
