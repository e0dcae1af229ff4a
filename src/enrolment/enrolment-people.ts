import { eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../platform/db/database';
import { businessUnits, people } from '../people/schema';
import { enrolments } from './schema';

// The people behind enrolments: names for rosters and lists, the learner's manager for an approval
// request, a supervisor's reports. Read-only, and only here (like admin/list-audit.ts): a roster of
// a thousand names is one join, not a thousand look-ups through people/find-people.ts. The audience
// analysis (CA-4) reads a person's job title and business unit, and the units' names, the same way.

export type PersonRef = { id: string; name: string; jobTitle: string };
export type Enrollee = { id: string; name: string; email: string; active: boolean; manager: { id: string; name: string; email: string; active: boolean } | null };

const manager = alias(people, 'manager');

/** A person with their direct manager, or undefined when there is no such person. */
export async function findEnrollee(tx: DbOrTx, id: string): Promise<Enrollee | undefined> {
  const [row] = await tx
    .select({ id: people.id, name: people.name, email: people.email, active: people.active, managerId: manager.id, managerName: manager.name, managerEmail: manager.email, managerActive: manager.active })
    .from(people)
    .leftJoin(manager, eq(manager.id, people.managerId))
    .where(eq(people.id, id));
  if (!row) return undefined;
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    active: row.active,
    manager: row.managerId ? { id: row.managerId, name: row.managerName!, email: row.managerEmail!, active: row.managerActive! } : null,
  };
}

export async function peopleRefs(tx: DbOrTx, ids: (string | null)[]): Promise<Map<string, PersonRef>> {
  const unique = [...new Set(ids.filter((id): id is string => !!id))];
  if (unique.length === 0) return new Map();
  const rows = await tx.select({ id: people.id, name: people.name, jobTitle: people.jobTitle }).from(people).where(inArray(people.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Enrolments of the people below `managerId` in the org chart, at any depth (not their own). */
export function ofReportsOf(managerId: string): SQL {
  return sql`${enrolments.personId} IN (
    WITH RECURSIVE team(id, depth) AS (
      SELECT id, 0 FROM people WHERE manager_id = ${managerId}
      UNION ALL SELECT p.id, t.depth + 1 FROM people p JOIN team t ON p.manager_id = t.id WHERE t.depth < 50
    )
    SELECT id FROM team WHERE id <> ${managerId})`;
}

/** Of `personIds`, those below `actorId` in the org chart: one query for a whole list. */
export async function managedAmong(tx: DbOrTx, actorId: string, personIds: string[]): Promise<Set<string>> {
  const ids = [...new Set(personIds)].filter((id) => id !== actorId);
  if (ids.length === 0) return new Set();
  const result = await tx.execute<{ id: string }>(sql`
    WITH RECURSIVE team(id, depth) AS (
      SELECT id, 0 FROM people WHERE manager_id = ${actorId}
      UNION ALL SELECT p.id, t.depth + 1 FROM people p JOIN team t ON p.manager_id = t.id WHERE t.depth < 50
    )
    SELECT DISTINCT id FROM team WHERE id IN (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`);
  return new Set((result as unknown as { rows: { id: string }[] }).rows.map((r) => r.id));
}

export type FitPerson = { name: string; jobTitle: string; unit: { id: string; name: string } | null };

/** What the fit check (CA-4) needs of a person: their name, job title and business unit. */
export async function fitPerson(tx: DbOrTx, id: string): Promise<FitPerson | undefined> {
  return (await fitPeople(tx, [id])).get(id);
}

/** The same for several people at once, by id; unknown ids are left out. */
export async function fitPeople(tx: DbOrTx, ids: string[]): Promise<Map<string, FitPerson>> {
  const rows = await tx
    .select({ id: people.id, name: people.name, jobTitle: people.jobTitle, unitId: businessUnits.id, unitName: businessUnits.name })
    .from(people)
    .leftJoin(businessUnits, eq(businessUnits.id, people.businessUnitId))
    .where(inArray(people.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.id, { name: row.name, jobTitle: row.jobTitle, unit: row.unitId ? { id: row.unitId, name: row.unitName! } : null }]));
}

/** Business units by id, with their names. */
export async function unitsByIds(tx: DbOrTx, ids: string[]): Promise<{ id: string; name: string }[]> {
  if (ids.length === 0) return [];
  return tx.select({ id: businessUnits.id, name: businessUnits.name }).from(businessUnits).where(inArray(businessUnits.id, [...new Set(ids)]));
}

export type Colleague = PersonRef & { businessUnit: string | null };

/**
 * Who could take someone's seat (CA-3 substitution): active people in their business unit or
 * with their manager, found by name. Name, title and unit only — what a colleague would know.
 */
export async function findColleagues(tx: DbOrTx, personId: string, q: string, limit: number): Promise<Colleague[]> {
  const [holder] = await tx.select({ unitId: people.businessUnitId, managerId: people.managerId }).from(people).where(eq(people.id, personId));
  if (!holder || (!holder.unitId && !holder.managerId)) return [];
  const sameTeam = [holder.unitId ? sql`${people.businessUnitId} = ${holder.unitId}` : null, holder.managerId ? sql`${people.managerId} = ${holder.managerId}` : null].filter((c): c is SQL => c !== null);
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await tx
    .select({ id: people.id, name: people.name, jobTitle: people.jobTitle, businessUnit: businessUnits.name })
    .from(people)
    .leftJoin(businessUnits, eq(businessUnits.id, people.businessUnitId))
    .where(sql`${people.active} AND ${people.id} <> ${personId} AND (${sql.join(sameTeam, sql` OR `)}) AND ${people.name} ILIKE ${pattern}`)
    .orderBy(people.name)
    .limit(limit);
  return rows;
}
