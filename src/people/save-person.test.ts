import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { createTestStride, type TestStride } from '../../tests/support/test-stride';
import { createBusinessUnit, createPerson, type TestPerson } from '../../tests/support/factories';
import type { TestClient } from '../../tests/support/test-client';
import { auditLog } from '../platform/audit/schema';
import { people, personRoles } from './schema';

let s: TestStride;
let admin: TestPerson;
let c: TestClient;
let unit: { id: string; code: string };

beforeAll(async () => {
  s = await createTestStride();
  admin = await createPerson(s.db, { name: 'Ada Admin', roles: ['admin'] });
  c = await s.signInAs(admin);
  unit = await createBusinessUnit(s.db, { code: 'SAVE-FIN', name: 'Finance' });
});
afterAll(() => s.close());

let n = 0;
const fresh = () => {
  n += 1;
  return { employeeId: `SV-${n}-${randomUUID().slice(0, 6)}`, name: `Saved Person ${n}`, email: `saved.${n}.${randomUUID().slice(0, 6)}@example.org` };
};

/** Everything a rejected request could have touched, to compare before and after. */
async function snapshot() {
  const [p, r, a] = await Promise.all([
    s.db.select().from(people).orderBy(asc(people.id)),
    s.db.select().from(personRoles).orderBy(asc(personRoles.personId), asc(personRoles.role)),
    s.db.select().from(auditLog).orderBy(asc(auditLog.id)),
  ]);
  return { people: p, roles: r, audit: a };
}

async function rolesOf(id: string) {
  return (await s.db.select({ role: personRoles.role }).from(personRoles).where(eq(personRoles.personId, id)).orderBy(asc(personRoles.role))).map((r) => r.role);
}

async function auditFor(id: string) {
  return s.db.select().from(auditLog).where(and(eq(auditLog.entity, 'person'), eq(auditLog.entityId, id))).orderBy(asc(auditLog.id));
}

describe('an admin adds and changes people', () => {
  it('creates a person with roles, unit and manager, and audits it', async () => {
    const manager = await createPerson(s.db, { name: 'Mira Manager' });
    const body = { ...fresh(), name: '  Zoë Ørsted ', email: 'Zoe.Orsted@Example.ORG', jobTitle: 'Buyer', businessUnitId: unit.id, managerId: manager.id, timeZone: 'America/Sao_Paulo', locale: 'pt-BR', roles: ['coordinator', 'consultant'] };
    const res = await c.post('/api/v1/people', body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'Zoë Ørsted', email: 'zoe.orsted@example.org', jobTitle: 'Buyer', timeZone: 'America/Sao_Paulo', locale: 'pt-BR', active: true });
    expect(res.body.roles).toEqual(['consultant', 'coordinator']);
    expect(res.body.manager).toMatchObject({ id: manager.id, name: 'Mira Manager' });
    expect(res.body.businessUnit).toMatchObject({ id: unit.id, code: 'SAVE-FIN' });

    const [row] = await s.db.select().from(people).where(eq(people.id, res.body.id));
    expect(row).toMatchObject({ employeeId: body.employeeId, name: 'Zoë Ørsted', email: 'zoe.orsted@example.org', managerId: manager.id, businessUnitId: unit.id, timeZone: 'America/Sao_Paulo', locale: 'pt-BR' });
    expect(await rolesOf(res.body.id)).toEqual(['consultant', 'coordinator']);

    const audit = await auditFor(res.body.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: admin.id, action: 'create', before: null });
    expect(audit[0]!.after).toMatchObject({ name: 'Zoë Ørsted', email: 'zoe.orsted@example.org', roles: ['consultant', 'coordinator'] });
  });

  it('patches only the given fields, replaces the roles, and audits before and after', async () => {
    const person = await createPerson(s.db, { name: 'Paul Patch', jobTitle: 'Clerk', roles: ['instructor', 'partner'], timeZone: 'Europe/Berlin' });
    const res = await c.patch(`/api/v1/people/${person.id}`, { jobTitle: 'Senior clerk', roles: ['coordinator'] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'Paul Patch', jobTitle: 'Senior clerk', timeZone: 'Europe/Berlin', roles: ['coordinator'] });
    const [row] = await s.db.select().from(people).where(eq(people.id, person.id));
    expect(row).toMatchObject({ name: 'Paul Patch', email: person.email, jobTitle: 'Senior clerk', timeZone: 'Europe/Berlin' });
    expect(await rolesOf(person.id)).toEqual(['coordinator']);

    const audit = await auditFor(person.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: admin.id, action: 'update' });
    expect(audit[0]!.before).toMatchObject({ jobTitle: 'Clerk', roles: ['instructor', 'partner'] });
    expect(audit[0]!.after).toMatchObject({ jobTitle: 'Senior clerk', roles: ['coordinator'] });
  });

  it('a PATCH of one field leaves every other field as it was', async () => {
    const boss = await createPerson(s.db);
    const person = await createPerson(s.db, { jobTitle: 'Welder', managerId: boss.id, businessUnitId: unit.id, timeZone: 'Asia/Tokyo', roles: ['partner'] });
    await s.db.update(people).set({ locale: 'ja', active: false }).where(eq(people.id, person.id));
    const [before] = await s.db.select().from(people).where(eq(people.id, person.id));
    const res = await c.patch(`/api/v1/people/${person.id}`, { name: 'Renamed Welder' });
    expect(res.status).toBe(200);
    const [after] = await s.db.select().from(people).where(eq(people.id, person.id));
    expect({ ...after, updatedAt: null }).toEqual({ ...before, name: 'Renamed Welder', updatedAt: null });
    expect(await rolesOf(person.id)).toEqual(['partner']);
  });

  it('an admin changes their own job title without restating their roles', async () => {
    const res = await c.patch(`/api/v1/people/${admin.id}`, { jobTitle: 'Head of people data' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(await rolesOf(admin.id)).toEqual(['admin']);
  });

  it('an empty role list removes every role', async () => {
    const person = await createPerson(s.db, { roles: ['leader', 'unit_lead'] });
    const res = await c.patch(`/api/v1/people/${person.id}`, { roles: [] });
    expect(res.status).toBe(200);
    expect(res.body.roles).toEqual([]);
    expect(await rolesOf(person.id)).toEqual([]);
  });

  it('a role named twice is kept once, on create and on change', async () => {
    const created = await c.post('/api/v1/people', { ...fresh(), roles: ['coordinator', 'coordinator'] });
    expect(created.status).toBe(201);
    expect(await rolesOf(created.body.id)).toEqual(['coordinator']);
    const patched = await c.patch(`/api/v1/people/${created.body.id}`, { roles: ['leader', 'leader'] });
    expect(patched.status).toBe(200);
    expect(await rolesOf(created.body.id)).toEqual(['leader']);
  });

  it('moves a person to another manager and the org chart follows', async () => {
    const oldBoss = await createPerson(s.db);
    const newBoss = await createPerson(s.db);
    const person = await createPerson(s.db, { managerId: oldBoss.id });
    const res = await c.patch(`/api/v1/people/${person.id}`, { managerId: newBoss.id });
    expect(res.status).toBe(200);
    expect(res.body.manager.id).toBe(newBoss.id);
    expect((await c.get(`/api/v1/people/${oldBoss.id}`)).body.reports).toEqual([]);
    expect((await c.get(`/api/v1/people/${newBoss.id}`)).body.reports.map((r: { id: string }) => r.id)).toEqual([person.id]);
    const cleared = await c.patch(`/api/v1/people/${person.id}`, { managerId: null });
    expect(cleared.body.manager).toBeNull();
  });

  it('keeps a person their own e-mail in another case', async () => {
    const person = await createPerson(s.db, { email: 'case.keeper@example.org' });
    const res = await c.patch(`/api/v1/people/${person.id}`, { email: 'Case.Keeper@example.org' });
    expect(res.status).toBe(200);
    expect(res.body.email).toBe('case.keeper@example.org');
  });
});

describe('rejected changes leave everything as it was', () => {
  async function expectRejected(request: () => Promise<{ status: number; body: any }>, status: number, fields?: string[]) {
    const before = await snapshot();
    const res = await request();
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    expect(res.body.status).toBe(status);
    if (fields) expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([...fields].sort());
    expect(await snapshot()).toEqual(before);
    return res;
  }

  it('a duplicate e-mail, in any case, is a 400 on the email field', async () => {
    await createPerson(s.db, { email: 'taken.address@example.org' });
    const other = await createPerson(s.db);
    await expectRejected(() => c.post('/api/v1/people', { ...fresh(), email: 'TAKEN.address@example.org' }), 400, ['email']);
    await expectRejected(() => c.patch(`/api/v1/people/${other.id}`, { email: 'taken.address@example.org', jobTitle: 'Changed' }), 400, ['email']);
  });

  it('a duplicate employee id is a 400 on the employeeId field', async () => {
    const taken = await createPerson(s.db);
    await expectRejected(() => c.post('/api/v1/people', { ...fresh(), employeeId: taken.employeeId }), 400, ['employeeId']);
  });

  it('a manager cycle is a 400 on managerId: directly, indirectly, and to oneself', async () => {
    const a = await createPerson(s.db, { name: 'Cycle A' });
    const b = await createPerson(s.db, { name: 'Cycle B', managerId: a.id });
    const cc = await createPerson(s.db, { name: 'Cycle C', managerId: b.id });
    const direct = await expectRejected(() => c.patch(`/api/v1/people/${a.id}`, { managerId: b.id }), 400, ['managerId']);
    expect(direct.body.errors[0].message).toMatch(/own team/);
    await expectRejected(() => c.patch(`/api/v1/people/${a.id}`, { managerId: cc.id, jobTitle: 'Changed' }), 400, ['managerId']);
    await expectRejected(() => c.patch(`/api/v1/people/${a.id}`, { managerId: a.id }), 400, ['managerId']);
    const [row] = await s.db.select().from(people).where(eq(people.id, a.id));
    expect(row!.managerId).toBeNull();
  });

  it('an unknown business unit or manager is a 400 on that field', async () => {
    const person = await createPerson(s.db);
    await expectRejected(() => c.post('/api/v1/people', { ...fresh(), businessUnitId: randomUUID() }), 400, ['businessUnitId']);
    await expectRejected(() => c.patch(`/api/v1/people/${person.id}`, { businessUnitId: randomUUID(), managerId: randomUUID() }), 400, ['businessUnitId', 'managerId']);
  });

  it('an invalid time zone, e-mail or locale is answered field by field', async () => {
    const person = await createPerson(s.db);
    const res = await expectRejected(() => c.post('/api/v1/people', { ...fresh(), email: 'not-an-email', timeZone: 'Mars/Olympus_Mons', locale: 'English' }), 400, ['email', 'timeZone', 'locale']);
    expect(res.body.errors.find((e: { field: string }) => e.field === 'timeZone').message).toMatch(/time zone/i);
    await expectRejected(() => c.patch(`/api/v1/people/${person.id}`, { timeZone: 'Europe/Nowhere' }), 400, ['timeZone']);
    await expectRejected(() => c.post('/api/v1/people', { ...fresh(), name: '   ' }), 400, ['name']);
    await expectRejected(() => c.post('/api/v1/people', { ...fresh(), roles: ['wizard'] }), 400, ['roles.0']);
  });

  it('an admin cannot remove their own admin role', async () => {
    const res = await expectRejected(() => c.patch(`/api/v1/people/${admin.id}`, { roles: ['coordinator'], jobTitle: 'Former admin' }), 400, ['roles']);
    expect(res.body.errors[0].message).toMatch(/own admin role/);
    expect(await rolesOf(admin.id)).toEqual(['admin']);
  });

  it('an admin cannot deactivate themselves', async () => {
    await expectRejected(() => c.patch(`/api/v1/people/${admin.id}`, { active: false }), 400, ['active']);
  });

  it('an admin may change their own other roles and details', async () => {
    const res = await c.patch(`/api/v1/people/${admin.id}`, { roles: ['admin', 'coordinator'], jobTitle: 'Administrator' });
    expect(res.status).toBe(200);
    expect(await rolesOf(admin.id)).toEqual(['admin', 'coordinator']);
  });

  it('a malformed id in the path is a 400, not a 500', async () => {
    await expectRejected(() => c.patch('/api/v1/people/not-a-uuid', { jobTitle: 'X' }), 400, ['params.id']);
    await expectRejected(() => c.get("/api/v1/people/1'%20OR%201=1"), 400, ['params.id']);
  });

  it('an unknown id is a 404', async () => {
    await expectRejected(() => c.patch(`/api/v1/people/${randomUUID()}`, { jobTitle: 'X' }), 404);
    await expectRejected(() => c.get(`/api/v1/people/${randomUUID()}`), 404);
  });
});

describe('a change takes effect at once', () => {
  it('someone whose admin role is removed cannot act as admin on their next request', async () => {
    const other = await createPerson(s.db, { name: 'Otto Otheradmin', roles: ['admin'] });
    const otherClient = await s.signInAs(other);
    expect((await otherClient.get('/api/v1/people-imports/template.csv')).status).toBe(200);
    const res = await c.patch(`/api/v1/people/${other.id}`, { roles: [] });
    expect(res.status).toBe(200);
    const attempt = await otherClient.post('/api/v1/people', fresh());
    expect(attempt.status).toBe(403);
  });

  it('someone made inactive is signed out on their next request', async () => {
    const person = await createPerson(s.db);
    const client = await s.signInAs(person);
    expect((await client.get('/api/v1/people')).status).toBe(200);
    expect((await c.patch(`/api/v1/people/${person.id}`, { active: false })).status).toBe(200);
    expect((await client.get('/api/v1/people')).status).toBe(401);
  });
});
