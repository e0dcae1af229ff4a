import { and, desc, eq, ne } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import type { Actor } from '../platform/auth/actor';
import { AppError } from '../platform/http/app-error';
import { mayEditStandards } from './standard-editors';
import { standardKindInfo, standardKinds, type StandardKind } from './standard-kinds';
import type { StandardOverview, StandardVersionSummary, StandardVersionView } from './standard-views';
import { findStandardByStatus, findStandardVersion, personRef, standardVersionViewOf } from './read-standard-version';
import { standardVersions } from './schema';

// Reading the standards: everyone signed in reads what is published; only the editors learn
// that a draft exists (ST-1).

export async function listStandards(db: DbOrTx, actor: Actor): Promise<StandardOverview[]> {
  const editor = mayEditStandards(actor);
  const overviews: StandardOverview[] = [];
  for (const kind of standardKinds) {
    const published = await findStandardByStatus(db, kind, 'published');
    const draft = editor ? await findStandardByStatus(db, kind, 'draft') : undefined;
    overviews.push({
      kind,
      ...standardKindInfo[kind],
      inForce: published?.publishedAt
        ? { version: published.version, publishedAt: published.publishedAt.toISOString(), summary: published.content.summary, checklistItems: published.content.checklist.length }
        : null,
      draftVersion: draft?.version ?? null,
    });
  }
  return overviews;
}

export async function getStandardInForce(db: DbOrTx, kind: StandardKind): Promise<StandardVersionView> {
  const row = await findStandardByStatus(db, kind, 'published');
  if (!row) throw AppError.notFound(`A published ${standardKindInfo[kind].name.toLowerCase()}`);
  return standardVersionViewOf(db, row);
}

export async function getStandardVersion(db: DbOrTx, actor: Actor, kind: StandardKind, version: number): Promise<StandardVersionView> {
  const row = await findStandardVersion(db, kind, version);
  // A draft is the editors' work in progress; to anyone else it does not exist.
  if (!row || (row.status === 'draft' && !mayEditStandards(actor))) throw AppError.notFound(`Version ${version} of the ${standardKindInfo[kind].name.toLowerCase()}`);
  return standardVersionViewOf(db, row);
}

export async function getStandardDraft(db: DbOrTx, kind: StandardKind): Promise<StandardVersionView> {
  const row = await findStandardByStatus(db, kind, 'draft');
  if (!row) throw AppError.notFound(`A draft of the ${standardKindInfo[kind].name.toLowerCase()}`);
  return standardVersionViewOf(db, row);
}

/** A standard's history, newest first; the draft only for its editors. */
export async function listStandardVersions(db: DbOrTx, actor: Actor, kind: StandardKind): Promise<StandardVersionSummary[]> {
  const where = mayEditStandards(actor) ? eq(standardVersions.kind, kind) : and(eq(standardVersions.kind, kind), ne(standardVersions.status, 'draft'));
  const rows = await db.select().from(standardVersions).where(where).orderBy(desc(standardVersions.version));
  const summaries: StandardVersionSummary[] = [];
  for (const row of rows) {
    summaries.push({
      version: row.version,
      status: row.status,
      publishedAt: row.publishedAt?.toISOString() ?? null,
      publishedBy: await personRef(db, row.publishedBy),
      changeSummary: row.changeSummary,
      updatedAt: row.updatedAt.toISOString(),
    });
  }
  return summaries;
}
