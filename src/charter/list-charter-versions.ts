import { desc, ne } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import type { Actor } from '../platform/auth/actor';
import type { CharterVersionSummary } from './charter-view-schemas';
import { mayEditCharter } from './charter-editors';
import { personRef } from './read-charter-version';
import { charterVersions } from './schema';

/** The charter's history, newest first (CH-4); the draft only for those who edit it. */
export async function listCharterVersions(db: DbOrTx, actor: Actor): Promise<CharterVersionSummary[]> {
  const query = db.select().from(charterVersions);
  const rows = await (mayEditCharter(actor) ? query : query.where(ne(charterVersions.status, 'draft'))).orderBy(desc(charterVersions.version));
  return Promise.all(
    rows.map(async (row) => ({
      version: row.version,
      status: row.status,
      publishedAt: row.publishedAt?.toISOString() ?? null,
      publishedBy: await personRef(db, row.publishedBy),
      changeSummary: row.changeSummary,
      createdAt: row.createdAt.toISOString(),
    })),
  );
}
