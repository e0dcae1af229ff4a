import { desc } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import { findPersonById } from '../people/find-people';
import type { RecognitionView } from './recognition-schemas';
import { recognitions } from './schema';

/**
 * The recent recognitions, newest first (FB-4): stories, not a scoreboard — no totals, no
 * counts per person, no order other than time.
 */
export async function listRecognitions(db: DbOrTx, limit = 100): Promise<RecognitionView[]> {
  const rows = await db.select().from(recognitions).orderBy(desc(recognitions.at)).limit(limit);
  const names = new Map<string, string>();
  for (const id of new Set(rows.flatMap((r) => [r.fromId, r.toId]))) names.set(id, (await findPersonById(db, id))?.name ?? 'Unknown');
  return rows.map((r) => ({ id: r.id, from: { id: r.fromId, name: names.get(r.fromId)! }, to: { id: r.toId, name: names.get(r.toId)! }, act: r.act, value: r.value, at: r.at.toISOString() }));
}
