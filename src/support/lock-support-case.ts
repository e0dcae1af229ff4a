import type { DbOrTx } from '../platform/db/database';
import { AppError } from '../platform/http/app-error';
import { caseNotFound, findSupportCase, type SupportCaseRow } from './read-support-case';

/**
 * The case a staff write changes, locked FOR UPDATE so two coordinators acting at once are
 * serialized: the second sees the first's result and gets a conflict if it no longer applies.
 */
export async function lockSupportCase(tx: DbOrTx, id: string): Promise<SupportCaseRow & { personId: string }> {
  const found = await findSupportCase(tx, id, true);
  if (!found) throw caseNotFound();
  return found;
}

export function refuseClosed(row: Pick<SupportCaseRow, 'state'>, what: string): void {
  if (row.state === 'closed') throw new AppError('conflict', `This support case is closed; reopen it before ${what}.`);
}
