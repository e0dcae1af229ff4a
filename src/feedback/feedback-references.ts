import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import { feedback } from './schema';

export const feedbackReference = (number: number) => `F-${String(number).padStart(6, '0')}`;

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** F-000123 for each feedback id: what the compliance report may show, never what it says. */
export async function feedbackReferences(db: DbOrTx, ids: readonly string[]): Promise<Map<string, string>> {
  const uuids = ids.filter((id) => uuidShape.test(id));
  if (uuids.length === 0) return new Map();
  const rows = await db.select({ id: feedback.id, number: feedback.number }).from(feedback).where(inArray(feedback.id, uuids));
  return new Map(rows.map((row) => [row.id, feedbackReference(row.number)]));
}
