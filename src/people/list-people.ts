import { and, asc, count, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Actor } from '../platform/auth/actor';
import type { Role } from '../platform/auth/roles';
import type { DbOrTx } from '../platform/db/database';
import { businessUnits, people, personRoles } from './schema';
import type { PersonSummary } from './people-schemas';
import { visiblePeopleFilter } from './visibility';

const manager = alias(people, 'manager');

export const summaryColumns = {
  id: people.id,
  employeeId: people.employeeId,
  name: people.name,
  email: people.email,
  jobTitle: people.jobTitle,
  active: people.active,
  timeZone: people.timeZone,
  locale: people.locale,
  buId: businessUnits.id,
  buCode: businessUnits.code,
  buName: businessUnits.name,
  managerId: manager.id,
  managerName: manager.name,
  managerTitle: manager.jobTitle,
  roles: sql<Role[]>`coalesce((SELECT array_agg(r.role ORDER BY r.role) FROM person_roles r WHERE r.person_id = ${people.id}), '{}')`,
  directReportCount: sql<number>`(SELECT count(*)::int FROM people d WHERE d.manager_id = ${people.id})`,
};

type SummaryRow = { [K in keyof typeof summaryColumns]: unknown };

export function toSummary(r: SummaryRow): PersonSummary {
  return {
    id: r.id as string,
    employeeId: r.employeeId as string,
    name: r.name as string,
    email: r.email as string,
    jobTitle: r.jobTitle as string,
    active: r.active as boolean,
    businessUnit: r.buId ? { id: r.buId as string, code: r.buCode as string, name: r.buName as string } : null,
    manager: r.managerId ? { id: r.managerId as string, name: r.managerName as string, jobTitle: r.managerTitle as string } : null,
    roles: (r.roles as Role[]) ?? [],
    directReportCount: Number(r.directReportCount),
  };
}

export function summaryQuery(db: DbOrTx) {
  return db
    .select(summaryColumns)
    .from(people)
    .leftJoin(businessUnits, eq(businessUnits.id, people.businessUnitId))
    .leftJoin(manager, eq(manager.id, people.managerId));
}

export type ListPeopleInput = { q?: string; businessUnitId?: string; role?: Role; page: number; pageSize: number };

export async function listPeople(db: DbOrTx, actor: Actor, input: ListPeopleInput) {
  const filters: (SQL | undefined)[] = [visiblePeopleFilter(actor)];
  if (input.q) {
    const like = `%${input.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    filters.push(or(ilike(people.name, like), ilike(people.email, like), ilike(people.employeeId, like), ilike(people.jobTitle, like)));
  }
  if (input.businessUnitId) filters.push(eq(people.businessUnitId, input.businessUnitId));
  if (input.role) filters.push(sql`EXISTS (SELECT 1 FROM ${personRoles} r WHERE r.person_id = ${people.id} AND r.role = ${input.role})`);
  const where = and(...filters);
  const [rows, [total]] = await Promise.all([
    summaryQuery(db)
      .where(where)
      .orderBy(asc(people.name), asc(people.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ n: count() }).from(people).where(where),
  ]);
  return { items: rows.map(toSummary), total: total?.n ?? 0, page: input.page, pageSize: input.pageSize };
}
