import { asc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor';
import type { DbOrTx } from '../platform/db/database';
import { AppError } from '../platform/http/app-error';
import { people } from './schema';
import type { PersonDetail } from './people-schemas';
import { summaryQuery, toSummary } from './list-people';
import { assertCanSeePerson } from './visibility';

export async function getPersonDetail(db: DbOrTx, id: string): Promise<PersonDetail> {
  const [row] = await summaryQuery(db).where(eq(people.id, id));
  if (!row) throw AppError.notFound('This person');
  const chainResult = await db.execute<{ id: string; name: string; job_title: string; depth: number }>(sql`
    WITH RECURSIVE up(id, manager_id, depth) AS (
      SELECT id, manager_id, 0 FROM people WHERE id = ${id}
      UNION ALL SELECT p.id, p.manager_id, u.depth + 1 FROM people p JOIN up u ON p.id = u.manager_id WHERE u.depth < 50
    )
    SELECT p.id, p.name, p.job_title, up.depth FROM up JOIN people p ON p.id = up.id WHERE up.depth > 0 ORDER BY up.depth DESC`);
  const chainRows = (chainResult as unknown as { rows: { id: string; name: string; job_title: string }[] }).rows;
  const reports = await db
    .select({ id: people.id, name: people.name, jobTitle: people.jobTitle })
    .from(people)
    .where(eq(people.managerId, id))
    .orderBy(asc(people.name));
  return {
    ...toSummary(row),
    timeZone: row.timeZone,
    locale: row.locale,
    managerChain: chainRows.map((c) => ({ id: c.id, name: c.name, jobTitle: c.job_title })),
    reports,
  };
}

export async function getPerson(db: DbOrTx, actor: Actor, id: string): Promise<PersonDetail> {
  await assertCanSeePerson(db, actor, id);
  return getPersonDetail(db, id);
}
