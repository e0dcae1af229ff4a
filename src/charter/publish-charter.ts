import { eq } from 'drizzle-orm';
import type { Db } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import type { Actor } from '../platform/auth/actor';
import { AppError } from '../platform/http/app-error';
import type { CharterVersionView, PublishRequest } from './charter-view-schemas';
import { concurrentEditMessage, isUniqueViolation } from './edit-charter-draft';
import { publishCharterDraft } from './publish-charter-draft';
import { charterVersionViewOf, findVersionRow } from './read-charter-version';
import { charterVersions } from './schema';

/**
 * Publishes the draft as the version in force from now on (CH-4), optionally with the summary
 * readers see in the history. Only the draft is written; published versions stay as they are.
 */
export async function publishCharter(db: Db, clock: Clock, actor: Actor, input: PublishRequest): Promise<CharterVersionView> {
  try {
    return await db.transaction(async (tx) => {
      if (input.changeSummary) {
        await tx.update(charterVersions).set({ changeSummary: input.changeSummary }).where(eq(charterVersions.status, 'draft'));
      }
      const published = await publishCharterDraft(tx, clock, actor.id);
      const row = await findVersionRow(tx, published.version);
      if (!row) throw new AppError('internal', 'The published version could not be read back.');
      return charterVersionViewOf(tx, row);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', concurrentEditMessage);
    throw error;
  }
}
