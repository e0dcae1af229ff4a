import { eq } from 'drizzle-orm';
import type { Db } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import type { Actor } from '../platform/auth/actor';
import { AppError } from '../platform/http/app-error';
import { recordAudit } from '../platform/audit/record-audit';
import type { StandardKind } from './standard-kinds';
import type { StandardVersionView } from './standard-views';
import { findStandardByStatus, standardVersionViewOf } from './read-standard-version';
import { standardVersions } from './schema';

/**
 * Publishes the standard's draft: from now on work is checked against it. The version it replaces
 * is kept, unchanged, with every check recorded against it (ST-1, ST-2).
 */
export async function publishStandardDraft(db: Db, clock: Clock, actor: Actor, kind: StandardKind, changeSummary?: string): Promise<StandardVersionView> {
  return db.transaction(async (tx) => {
    const draft = await findStandardByStatus(tx, kind, 'draft', true);
    if (!draft) throw new AppError('conflict', 'There is no draft of this standard to publish.');
    const now = clock.now();
    const previous = await findStandardByStatus(tx, kind, 'published', true);
    if (previous) await tx.update(standardVersions).set({ status: 'superseded', updatedAt: now }).where(eq(standardVersions.id, previous.id));
    const summary = changeSummary?.trim() || draft.changeSummary;
    const [row] = await tx
      .update(standardVersions)
      .set({ status: 'published', publishedAt: now, publishedBy: actor.id, updatedAt: now, changeSummary: summary })
      .where(eq(standardVersions.id, draft.id))
      .returning();
    if (!row) throw new AppError('internal', 'The draft could not be published.');
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'standard.published',
      entity: 'standard-version',
      entityId: row.id,
      before: previous ? { version: previous.version } : undefined,
      after: { kind, version: row.version, changeSummary: summary },
    });
    return standardVersionViewOf(tx, row);
  });
}
