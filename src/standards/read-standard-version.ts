import { and, desc, eq, isNotNull, lt } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import { findPersonById } from '../people/find-people';
import { compareStandardVersions } from './compare-standard-versions';
import { standardKindInfo, type StandardKind } from './standard-kinds';
import type { StandardVersionView } from './standard-views';
import { standardVersions } from './schema';

export type StandardVersionRow = typeof standardVersions.$inferSelect;

// Shared by the standards' read and write use cases: one stored version as the API shows it.

export async function findStandardVersion(tx: DbOrTx, kind: StandardKind, version: number): Promise<StandardVersionRow | undefined> {
  const [row] = await tx.select().from(standardVersions).where(and(eq(standardVersions.kind, kind), eq(standardVersions.version, version)));
  return row;
}

export async function findStandardByStatus(tx: DbOrTx, kind: StandardKind, status: 'draft' | 'published', lock = false): Promise<StandardVersionRow | undefined> {
  const query = tx.select().from(standardVersions).where(and(eq(standardVersions.kind, kind), eq(standardVersions.status, status)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function personRef(tx: DbOrTx, id: string | null): Promise<{ id: string; name: string } | null> {
  if (!id) return null;
  const person = await findPersonById(tx, id);
  return { id, name: person?.name ?? 'Unknown person' };
}

/** A version with what changed against the last version published before it (ST-1). */
export async function standardVersionViewOf(tx: DbOrTx, row: StandardVersionRow): Promise<StandardVersionView> {
  const [previous] = await tx
    .select()
    .from(standardVersions)
    .where(and(eq(standardVersions.kind, row.kind), isNotNull(standardVersions.publishedAt), lt(standardVersions.version, row.version)))
    .orderBy(desc(standardVersions.version))
    .limit(1);
  const info = standardKindInfo[row.kind];
  return {
    id: row.id,
    kind: row.kind,
    name: info.name,
    governs: info.governs,
    version: row.version,
    status: row.status,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    publishedBy: await personRef(tx, row.publishedBy),
    updatedAt: row.updatedAt.toISOString(),
    changeSummary: row.changeSummary,
    content: row.content,
    changes: previous ? compareStandardVersions(previous.content, row.content) : [],
    previousVersion: previous?.version ?? null,
  };
}
