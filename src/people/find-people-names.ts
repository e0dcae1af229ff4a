import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import { people } from './schema';

export type PersonName = { id: string; name: string };

/**
 * The names of the given people, in one query, for pages that show who acted (a history, a list).
 * Ids of nobody (deleted, never existed) come back as "Unknown", so a view never breaks on them.
 */
export async function findPeopleNames(db: DbOrTx, ids: Iterable<string | null | undefined>): Promise<(id: string) => PersonName> {
  const wanted = [...new Set([...ids].filter((id): id is string => !!id))];
  const rows = wanted.length ? await db.select({ id: people.id, name: people.name }).from(people).where(inArray(people.id, wanted)) : [];
  const names = new Map(rows.map((r) => [r.id, r]));
  return (id) => names.get(id) ?? { id, name: 'Unknown' };
}
