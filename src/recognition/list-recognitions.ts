import { desc } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import { findPeopleNames } from '../people/find-people-names';
import type { RecognitionView } from './recognition-schemas';
import { recognitions } from './schema';

/**
 * The recent recognitions, newest first (FB-4): stories, not a scoreboard — no totals, no
 * counts per person, no order other than time.
 */
export async function listRecognitions(db: DbOrTx, limit = 100): Promise<RecognitionView[]> {
  const rows = await db.select().from(recognitions).orderBy(desc(recognitions.at)).limit(limit);
  const named = await findPeopleNames(db, rows.flatMap((r) => [r.fromId, r.toId]));
  return rows.map((r) => ({ id: r.id, from: named(r.fromId), to: named(r.toId), act: r.act, value: r.value, at: r.at.toISOString() }));
}
