import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import type { Role } from '../platform/auth/roles';
import { people, personRoles } from './schema';

export type PersonIdentity = { id: string; name: string; email: string; active: boolean; roles: Role[] };

async function withRoles(db: DbOrTx, rows: { id: string; name: string; email: string; active: boolean }[]): Promise<PersonIdentity[]> {
  if (rows.length === 0) return [];
  const roleRows = await db.select().from(personRoles).where(inArray(personRoles.personId, rows.map((r) => r.id)));
  return rows.map((r) => ({ ...r, roles: roleRows.filter((x) => x.personId === r.id).map((x) => x.role) }));
}

const identityColumns = { id: people.id, name: people.name, email: people.email, active: people.active };

export async function findPersonByEmail(db: DbOrTx, email: string): Promise<PersonIdentity | undefined> {
  const rows = await db.select(identityColumns).from(people).where(eq(sql`lower(${people.email})`, email.toLowerCase()));
  return (await withRoles(db, rows))[0];
}

export async function findPersonById(db: DbOrTx, id: string): Promise<PersonIdentity | undefined> {
  const rows = await db.select(identityColumns).from(people).where(eq(people.id, id));
  return (await withRoles(db, rows))[0];
}

/** How a page names a person it points at (a contact, an instructor): without roles. */
export type PersonCard = { id: string; name: string; email: string; jobTitle: string; active: boolean };

/** Many people by id in one statement, for pages that name a handful. */
export async function findPersonCards(db: DbOrTx, ids: readonly string[]): Promise<PersonCard[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  return db.select({ ...identityColumns, jobTitle: people.jobTitle }).from(people).where(inArray(people.id, unique));
}

export async function findPeopleWithRole(db: DbOrTx, role: Role): Promise<PersonIdentity[]> {
  const rows = await db
    .select(identityColumns)
    .from(people)
    .innerJoin(personRoles, eq(personRoles.personId, people.id))
    .where(and(eq(personRoles.role, role), eq(people.active, true)));
  return withRoles(db, rows);
}

/** True when `managerId` is `personId`'s manager, or their manager's manager, and so on up. */
export async function isInManagementChain(db: DbOrTx, managerId: string, personId: string): Promise<boolean> {
  const result = await db.execute<{ found: boolean }>(sql`
    WITH RECURSIVE chain(id, manager_id, depth) AS (
      SELECT id, manager_id, 0 FROM people WHERE id = ${personId}
      UNION ALL
      SELECT p.id, p.manager_id, c.depth + 1 FROM people p JOIN chain c ON p.id = c.manager_id WHERE c.depth < 50
    )
    SELECT EXISTS (SELECT 1 FROM chain WHERE manager_id = ${managerId}) AS found`);
  const rows = (result as unknown as { rows: { found: boolean }[] }).rows;
  return rows[0]?.found === true;
}
