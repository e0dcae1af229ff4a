import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import type { BusinessCalendar } from '../service-levels/business-calendar-schema';
import { charterVersions } from './schema';

/** The business calendar of each given charter version: a clock counts on its own version's calendar. */
export async function findVersionCalendars(tx: DbOrTx, versionIds: string[]): Promise<Map<string, BusinessCalendar>> {
  const unique = [...new Set(versionIds)];
  if (unique.length === 0) return new Map();
  const rows = await tx.select({ id: charterVersions.id, calendar: charterVersions.calendar }).from(charterVersions).where(inArray(charterVersions.id, unique));
  return new Map(rows.map((row) => [row.id, row.calendar]));
}
