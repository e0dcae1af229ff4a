import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import { referenceOf } from './read-question';
import { questions } from './schema';

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Q-000123 for each question id: what a report may show of a question to anyone who reads it. */
export async function questionReferences(db: DbOrTx, ids: readonly string[]): Promise<Map<string, string>> {
  // A clock's subject id is free text to the engine; only a uuid can name a question.
  const uuids = ids.filter((id) => uuidShape.test(id));
  if (uuids.length === 0) return new Map();
  const rows = await db.select({ id: questions.id, number: questions.number }).from(questions).where(inArray(questions.id, uuids));
  return new Map(rows.map((row) => [row.id, referenceOf(row.number)]));
}
