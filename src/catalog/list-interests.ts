import { asc } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import type { InterestView } from './course-schemas';
import { interests } from './schema';

/** The controlled list of interests courses are filed under (and, later, people opt into: CA-6). */
export async function listInterests(db: DbOrTx): Promise<InterestView[]> {
  return db.select({ id: interests.id, key: interests.key, name: interests.name, description: interests.description }).from(interests).orderBy(asc(interests.name));
}
