import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import { people } from '../people/schema';

// The people a digest goes to: name and address for the message, whether they are still with the
// organization, and their business unit (a course meant for other units is not offered to them).
// Read-only, and only here (like enrolment/enrolment-people.ts and admin/list-audit.ts): a batch of
// 200 subscribers is one query, not 200 look-ups through people/find-people.ts.

export type Subscriber = { id: string; name: string; email: string; active: boolean; businessUnitId: string | null };

export async function findSubscribers(tx: DbOrTx, ids: string[]): Promise<Map<string, Subscriber>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await tx
    .select({ id: people.id, name: people.name, email: people.email, active: people.active, businessUnitId: people.businessUnitId })
    .from(people)
    .where(inArray(people.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
}
