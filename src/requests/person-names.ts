import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import { people } from '../people/schema';

/** Names of the people a request's view mentions, in one query. */
export async function namesOf(tx: DbOrTx, ids: (string | null | undefined)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((x): x is string => !!x))];
  if (!unique.length) return new Map();
  const rows = await tx.select({ id: people.id, name: people.name }).from(people).where(inArray(people.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}
