import type { DbOrTx } from '../platform/db/database';
import type { Actor } from '../platform/auth/actor';
import { AppError } from '../platform/http/app-error';
import type { CharterVersionView } from './charter-view-schemas';
import { mayEditCharter } from './charter-editors';
import { charterVersionViewOf, findDraftRow, findVersionRow } from './read-charter-version';

/**
 * One version with what it changed (CH-4). A draft is not found for anyone who does not edit the
 * charter: whether one is being written is not theirs to know.
 */
export async function getCharterVersion(db: DbOrTx, actor: Actor, version: number): Promise<CharterVersionView> {
  const row = await findVersionRow(db, version);
  if (!row || (row.status === 'draft' && !mayEditCharter(actor))) throw AppError.notFound(`Version ${version} of the charter`);
  return charterVersionViewOf(db, row);
}

/** The one draft, with what it would change against the version in force. */
export async function getCharterDraft(db: DbOrTx): Promise<CharterVersionView> {
  const row = await findDraftRow(db);
  if (!row) throw new AppError('not_found', 'There is no charter draft; save one to start.');
  return charterVersionViewOf(db, row);
}
