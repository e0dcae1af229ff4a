import { and, desc, eq, isNotNull, lt } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import { findPersonById } from '../people/find-people';
import { listServiceLevels, type StoredServiceLevel } from '../service-levels/list-service-levels';
import { compareCharterVersions } from './compare-charter-versions';
import type { CharterVersionView, CharterView } from './charter-view-schemas';
import { charterVersions } from './schema';

type VersionRow = typeof charterVersions.$inferSelect;

// Shared by the charter's read use cases: one stored version as the API shows it.

export async function findVersionRow(tx: DbOrTx, version: number): Promise<VersionRow | undefined> {
  const [row] = await tx.select().from(charterVersions).where(eq(charterVersions.version, version));
  return row;
}

export async function findDraftRow(tx: DbOrTx): Promise<VersionRow | undefined> {
  const [row] = await tx.select().from(charterVersions).where(eq(charterVersions.status, 'draft'));
  return row;
}

/** The publisher's name as the page shows it; a person removed since still has their id. */
export async function personRef(tx: DbOrTx, id: string | null): Promise<{ id: string; name: string } | null> {
  if (!id) return null;
  const person = await findPersonById(tx, id);
  return { id, name: person?.name ?? 'Unknown person' };
}

function serviceLevelView(level: StoredServiceLevel): CharterView['serviceLevels'][number] {
  return {
    key: level.key,
    name: level.name,
    description: level.description,
    subjectType: level.subjectType,
    targetMinutes: level.targetBusinessMinutes,
    atRiskShare: level.atRiskShare,
    startEvent: level.startEvent,
    stopEvents: level.stopEvents,
    pauseEvents: level.pauseEvents,
    resumeEvents: level.resumeEvents,
    match: level.attributeMatch ?? null,
    ownerRole: level.ownerRole,
  };
}

export async function charterViewOf(tx: DbOrTx, row: VersionRow, levels?: StoredServiceLevel[]): Promise<CharterView> {
  levels ??= await listServiceLevels(tx, row.id);
  return {
    version: row.version,
    status: row.status,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    publishedBy: await personRef(tx, row.publishedBy),
    changeSummary: row.changeSummary,
    content: row.content,
    calendar: row.calendar,
    serviceLevels: levels.map(serviceLevelView),
  };
}

/** A version with what changed against the last version published before it (CH-4). */
export async function charterVersionViewOf(tx: DbOrTx, row: VersionRow): Promise<CharterVersionView> {
  const [previous] = await tx
    .select()
    .from(charterVersions)
    .where(and(isNotNull(charterVersions.publishedAt), lt(charterVersions.version, row.version)))
    .orderBy(desc(charterVersions.version))
    .limit(1);
  const levels = await listServiceLevels(tx, row.id);
  const before = previous ? { content: previous.content, calendar: previous.calendar, serviceLevels: await listServiceLevels(tx, previous.id) } : undefined;
  const changes = compareCharterVersions(before, { content: row.content, calendar: row.calendar, serviceLevels: levels });
  return { ...(await charterViewOf(tx, row, levels)), changes };
}
