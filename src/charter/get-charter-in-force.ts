import type { DbOrTx } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import { AppError } from '../platform/http/app-error';
import type { CharterView } from './charter-view-schemas';
import { findVersionInForce } from './find-version-in-force';
import { charterViewOf, findVersionRow } from './read-charter-version';

/** The charter everyone signed in reads: the version in force now (CH-1). */
export async function getCharterInForce(db: DbOrTx, clock: Clock): Promise<CharterView> {
  const inForce = await findVersionInForce(db, clock.now());
  const row = inForce && (await findVersionRow(db, inForce.version));
  if (!row) throw new AppError('not_found', 'No charter has been published yet.');
  return charterViewOf(db, row);
}
