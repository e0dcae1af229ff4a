import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import { people } from '../people/schema';

/** Names for the people a page of projects or reports points at, in one query. */
export async function personNames(tx: DbOrTx, ids: (string | null | undefined)[]): Promise<(id: string) => { id: string; name: string }> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  const rows = wanted.length ? await tx.select({ id: people.id, name: people.name }).from(people).where(inArray(people.id, wanted)) : [];
  const names = new Map(rows.map((r) => [r.id, r.name]));
  return (id) => ({ id, name: names.get(id) ?? 'Unknown person' });
}
