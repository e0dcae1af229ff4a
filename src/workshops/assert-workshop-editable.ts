import type { Tx } from '../platform/db/database';
import { AppError } from '../platform/http/app-error';
import type { WorkshopView } from './workshop-schemas';
import { workshopViewOf, type WorkshopRow } from './read-workshop';

/** A save on top of an older revision: refused with the workshop as it is now, so the editor can merge. */
export class StaleWorkshopError extends AppError {
  constructor(
    readonly current: WorkshopView,
    edited: number,
  ) {
    const message = `Someone saved this workshop since you opened it (you edited revision ${edited}; it is now at revision ${current.revision}). Nothing of yours was saved: load the latest, reapply your changes and save again.`;
    super('conflict', message, { fields: [{ field: 'revision', message }] });
  }
}

/** Only a workshop under way changes, and only on the revision it was read at. */
export async function assertWorkshopEditable(tx: Tx, row: WorkshopRow, revision: number): Promise<void> {
  if (row.step === 'done') throw new AppError('conflict', 'This workshop is finished: its report stands as it was agreed.');
  if (row.revision !== revision) throw new StaleWorkshopError(await workshopViewOf(tx, row.id, true), revision);
}
