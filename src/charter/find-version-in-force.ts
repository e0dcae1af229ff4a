import { and, desc, isNotNull, lte } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import type { BusinessCalendar } from '../service-levels/business-calendar-schema';
import { charterVersions } from './schema';

export type VersionInForce = { id: string; version: number; calendar: BusinessCalendar; publishedAt: Date };

/** The charter version in force at `at`: the last one published at or before it (CH-4). */
export async function findVersionInForce(tx: DbOrTx, at: Date): Promise<VersionInForce | undefined> {
  const [row] = await tx
    .select({ id: charterVersions.id, version: charterVersions.version, calendar: charterVersions.calendar, publishedAt: charterVersions.publishedAt })
    .from(charterVersions)
    .where(and(isNotNull(charterVersions.publishedAt), lte(charterVersions.publishedAt, at)))
    .orderBy(desc(charterVersions.publishedAt), desc(charterVersions.version))
    .limit(1);
  if (!row?.publishedAt) return undefined;
  return { id: row.id, version: row.version, calendar: row.calendar, publishedAt: row.publishedAt };
}
