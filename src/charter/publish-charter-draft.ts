import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import { AppError } from '../platform/http/app-error';
import { recordAudit } from '../platform/audit/record-audit';
import { listServiceLevels } from '../service-levels/list-service-levels';
import { charterVersions } from './schema';
import { parseCharterDraft } from './save-charter-draft';

export type PublishedVersion = { id: string; version: number; publishedAt: Date };

/**
 * Publishes the draft: from now on it is the version in force, and clocks that start from now on
 * are judged by its service levels. Clocks already running keep the version they started under.
 */
export async function publishCharterDraft(tx: DbOrTx, clock: Clock, actorId: string | null): Promise<PublishedVersion> {
  const [draft] = await tx.select().from(charterVersions).where(eq(charterVersions.status, 'draft')).for('update');
  if (!draft) throw new AppError('conflict', 'There is no charter draft to publish.');
  // Event types may have changed since the draft was saved; publish only what can be measured.
  const levels = await listServiceLevels(tx, draft.id);
  parseCharterDraft({
    content: draft.content,
    calendar: draft.calendar,
    serviceLevels: levels.map(({ id: _id, charterVersionId: _version, ...level }) => level),
    changeSummary: draft.changeSummary,
  });
  const now = clock.now();
  const [previous] = await tx
    .update(charterVersions)
    .set({ status: 'superseded' })
    .where(eq(charterVersions.status, 'published'))
    .returning({ id: charterVersions.id, version: charterVersions.version, publishedAt: charterVersions.publishedAt });
  if (previous?.publishedAt && previous.publishedAt > now) {
    throw new AppError('conflict', `Version ${previous.version} was published after this moment; check the server's clock.`);
  }
  await tx
    .update(charterVersions)
    .set({ status: 'published', publishedAt: now, publishedBy: actorId, updatedAt: now })
    .where(eq(charterVersions.id, draft.id));
  await recordAudit(tx, {
    actorId,
    action: 'charter.published',
    entity: 'charter-version',
    entityId: draft.id,
    before: previous ? { version: previous.version } : undefined,
    after: { version: draft.version, changeSummary: draft.changeSummary, serviceLevels: levels.map((l) => l.key) },
  });
  return { id: draft.id, version: draft.version, publishedAt: now };
}
