import type { Db } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import type { Actor } from '../platform/auth/actor';
import { AppError } from '../platform/http/app-error';
import type { CharterDraftInput } from './charter-schema';
import type { CharterVersionView } from './charter-view-schemas';
import { saveCharterDraft } from './save-charter-draft';
import { charterVersionViewOf, findVersionRow } from './read-charter-version';

/** PostgreSQL's unique_violation, however deep the driver wrapped it. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

export const concurrentEditMessage = 'Someone else changed the charter draft at the same moment; reload it and save your changes again.';

/** Creates or replaces the one draft (CH-4) and answers with it as the editor will see it. */
export async function editCharterDraft(db: Db, clock: Clock, actor: Actor, input: CharterDraftInput): Promise<CharterVersionView> {
  try {
    return await db.transaction(async (tx) => {
      const saved = await saveCharterDraft(tx, clock, actor.id, input);
      const row = await findVersionRow(tx, saved.version);
      if (!row) throw new AppError('internal', 'The saved draft could not be read back.');
      return charterVersionViewOf(tx, row);
    });
  } catch (error) {
    // Two first saves at once both find no draft; the one-draft index lets one of them in.
    if (isUniqueViolation(error)) throw new AppError('conflict', concurrentEditMessage);
    throw error;
  }
}
