import { and, eq, ne, sql } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor';
import type { Db, DbOrTx } from '../platform/db/database';
import { AppError, type FieldError } from '../platform/http/app-error';
import { recordAudit } from '../platform/audit/record-audit';
import { isInManagementChain } from './find-people';
import { businessUnits, people, personRoles } from './schema';
import type { PersonDetail, PersonInput } from './people-schemas';
import { getPersonDetail } from './get-person';
import { forgetSessionsOf } from '../platform/auth/session-cache';

async function checkPerson(tx: DbOrTx, input: Partial<PersonInput>, id: string | undefined): Promise<void> {
  const fields: FieldError[] = [];
  if (input.email !== undefined) {
    const clash = await tx
      .select({ id: people.id })
      .from(people)
      .where(and(eq(sql`lower(${people.email})`, input.email.toLowerCase()), id ? ne(people.id, id) : undefined));
    if (clash.length) fields.push({ field: 'email', message: 'Someone else already has this e-mail.' });
  }
  if (input.employeeId !== undefined) {
    const clash = await tx.select({ id: people.id }).from(people).where(and(eq(people.employeeId, input.employeeId), id ? ne(people.id, id) : undefined));
    if (clash.length) fields.push({ field: 'employeeId', message: 'Someone else already has this employee id.' });
  }
  if (input.businessUnitId) {
    const [bu] = await tx.select({ id: businessUnits.id }).from(businessUnits).where(eq(businessUnits.id, input.businessUnitId));
    if (!bu) fields.push({ field: 'businessUnitId', message: 'This business unit does not exist.' });
  }
  if (input.managerId) {
    const [m] = await tx.select({ id: people.id }).from(people).where(eq(people.id, input.managerId));
    if (!m) fields.push({ field: 'managerId', message: 'This manager does not exist.' });
    else if (id && (input.managerId === id || (await isInManagementChain(tx, id, input.managerId)))) {
      fields.push({ field: 'managerId', message: 'A person cannot report to themselves or to someone in their own team.' });
    }
  }
  if (fields.length) throw AppError.invalid(fields);
}

export async function createPerson(db: Db, actor: Actor, input: PersonInput): Promise<PersonDetail> {
  return db.transaction(async (tx) => {
    await checkPerson(tx, input, undefined);
    const { roles, ...values } = input;
    const [row] = await tx.insert(people).values(values).returning({ id: people.id });
    const id = row!.id;
    if (roles.length) await tx.insert(personRoles).values([...new Set(roles)].map((role) => ({ personId: id, role })));
    const after = await getPersonDetail(tx, id);
    await recordAudit(tx, { actorId: actor.id, action: 'create', entity: 'person', entityId: id, after });
    return after;
  });
}

export async function updatePerson(db: Db, actor: Actor, id: string, patch: Partial<PersonInput>): Promise<PersonDetail> {
  const after = await db.transaction(async (tx) => {
    const before = await getPersonDetail(tx, id);
    await checkPerson(tx, patch, id);
    if (id === actor.id && patch.roles && before.roles.includes('admin') && !patch.roles.includes('admin')) {
      throw AppError.invalid([{ field: 'roles', message: 'You cannot remove your own admin role; ask another admin.' }]);
    }
    if (id === actor.id && patch.active === false) {
      throw AppError.invalid([{ field: 'active', message: 'You cannot deactivate yourself; ask another admin.' }]);
    }
    const { roles, ...values } = patch;
    if (Object.keys(values).length) await tx.update(people).set({ ...values, updatedAt: new Date() }).where(eq(people.id, id));
    if (roles) {
      await tx.delete(personRoles).where(eq(personRoles.personId, id));
      if (roles.length) await tx.insert(personRoles).values([...new Set(roles)].map((role) => ({ personId: id, role })));
    }
    const after = await getPersonDetail(tx, id);
    await recordAudit(tx, { actorId: actor.id, action: 'update', entity: 'person', entityId: id, before, after });
    return after;
  });
  // Cached sessions carry roles and the active flag: a removed role or a
  // deactivation must hold from the person's next request, not 10 s later.
  forgetSessionsOf(id);
  return after;
}
