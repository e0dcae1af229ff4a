import { sql, type SQL } from 'drizzle-orm';
import { isStaff, type Actor } from '../platform/auth/actor';
import type { DbOrTx } from '../platform/db/database';
import { AppError } from '../platform/http/app-error';
import { isInManagementChain } from './find-people';
import { people } from './schema';

// Who may see a person's record: the person, anyone above them in the org
// chart (a supervisor sees their reports'), and training-unit staff and
// leaders. Everyone also sees their own managers, whose names are on their record.
export function visiblePeopleFilter(actor: Actor): SQL | undefined {
  if (isStaff(actor)) return undefined;
  return sql`${people.id} IN (
    WITH RECURSIVE team(id, depth) AS (
      SELECT id, 0 FROM people WHERE id = ${actor.id}
      UNION ALL SELECT p.id, t.depth + 1 FROM people p JOIN team t ON p.manager_id = t.id WHERE t.depth < 50
    ), up(id, manager_id, depth) AS (
      SELECT id, manager_id, 0 FROM people WHERE id = ${actor.id}
      UNION ALL SELECT p.id, p.manager_id, u.depth + 1 FROM people p JOIN up u ON p.id = u.manager_id WHERE u.depth < 50
    )
    SELECT id FROM team UNION SELECT id FROM up)`;
}

export async function assertCanSeePerson(db: DbOrTx, actor: Actor, personId: string): Promise<void> {
  if (isStaff(actor) || actor.id === personId) return;
  if (await isInManagementChain(db, actor.id, personId)) return;
  if (await isInManagementChain(db, personId, actor.id)) return;
  // Not "forbidden": whether the record exists is itself not theirs to know.
  throw AppError.notFound('This person');
}
