import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { createTestStride, type TestStride } from '../../tests/support/test-stride';
import { createBusinessUnit, createPerson, type TestPerson } from '../../tests/support/factories';
import type { TestClient } from '../../tests/support/test-client';
import type { Role } from '../platform/auth/roles';
import { people, personRoles } from './schema';

// The organization every test here reads (nobody is added or changed after setup,
// except by the write tests at the end, which assert that nothing was written):
//
//   ceo
//   ├── m1 (supervisor of a two-level team)
//   │   └── s1
//   │       ├── l1 (learner)
//   │       └── l2 (l1's peer)
//   └── m2 (another manager)
//       ├── t1
//       ├── partner   (role partner, no reports)
//       └── instructor (role instructor, no reports)
// plus one person of each staff role, outside any chain.

let s: TestStride;
let ceo: TestPerson, m1: TestPerson, s1: TestPerson, l1: TestPerson, l2: TestPerson, m2: TestPerson, t1: TestPerson;
let partner: TestPerson, instructor: TestPerson;
const staff = {} as Record<'coordinator' | 'consultant' | 'unit_lead' | 'leader' | 'admin', TestPerson>;
let unitA: { id: string }, unitB: { id: string };
const clients = new Map<string, TestClient>();

async function as(person: TestPerson): Promise<TestClient> {
  let c = clients.get(person.id);
  if (!c) {
    c = await s.signInAs(person);
    clients.set(person.id, c);
  }
  return c;
}

const idsOf = (items: { id: string }[]) => items.map((i) => i.id).sort();

async function peopleCount(): Promise<number> {
  const [row] = await s.db.select({ n: count() }).from(people);
  return row!.n;
}

beforeAll(async () => {
  s = await createTestStride();
  unitA = await createBusinessUnit(s.db, { code: 'ACC-SALES', name: 'Access Sales' });
  unitB = await createBusinessUnit(s.db, { code: 'ACC-OPS', name: 'Access Operations' });
  ceo = await createPerson(s.db, { name: 'Cora Chief', businessUnitId: unitA.id });
  m1 = await createPerson(s.db, { name: 'Mona Manager', managerId: ceo.id, businessUnitId: unitA.id });
  s1 = await createPerson(s.db, { name: 'Sam Supervisor', managerId: m1.id, businessUnitId: unitA.id });
  l1 = await createPerson(s.db, { name: 'Lea Learner', managerId: s1.id, businessUnitId: unitA.id });
  l2 = await createPerson(s.db, { name: 'Pia Peer', managerId: s1.id, businessUnitId: unitA.id });
  m2 = await createPerson(s.db, { name: 'Otto Othermanager', managerId: ceo.id, businessUnitId: unitB.id });
  t1 = await createPerson(s.db, { name: 'Tomás Otherteam', managerId: m2.id, businessUnitId: unitB.id });
  partner = await createPerson(s.db, { name: 'Pat Partner', managerId: m2.id, roles: ['partner'] });
  instructor = await createPerson(s.db, { name: 'Ian Instructor', managerId: m2.id, roles: ['instructor'] });
  for (const role of ['coordinator', 'consultant', 'unit_lead', 'leader', 'admin'] as const) {
    staff[role] = await createPerson(s.db, { name: `Staff ${role}`, roles: [role] });
  }
});
afterAll(() => s.close());

describe('deny by default', () => {
  it.each(['/api/v1/people', '/api/v1/org-chart', '/api/v1/business-units'])('anonymous GET %s is 401', async (url) => {
    const res = await s.client().get(url);
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.code).toBe('unauthenticated');
  });

  it('anonymous GET /people/:id is 401 and reveals nothing', async () => {
    const res = await s.client().get(`/api/v1/people/${l1.id}`);
    expect(res.status).toBe(401);
    expect(res.text).not.toContain(l1.name);
  });
});

describe('who sees whom in the directory', () => {
  it('a learner sees only themselves and their chain of managers, not a peer or another team', async () => {
    const c = await as(l1);
    const res = await c.get('/api/v1/people?pageSize=200');
    expect(res.status).toBe(200);
    expect(idsOf(res.body.items)).toEqual([l1.id, s1.id, m1.id, ceo.id].sort());
    expect(res.body.total).toBe(4);
  });

  it("a learner gets 404 (not 403) for a peer's record and for another team's", async () => {
    const c = await as(l1);
    for (const other of [l2, t1, m2]) {
      const res = await c.get(`/api/v1/people/${other.id}`);
      expect(res.status).toBe(404);
      expect(res.text).not.toContain(other.name);
      expect(res.text).not.toContain(other.email);
    }
  });

  it('a learner opens their own record and their managers, with the chain top to bottom', async () => {
    const c = await as(l1);
    const own = await c.get(`/api/v1/people/${l1.id}`);
    expect(own.status).toBe(200);
    expect(own.body.email).toBe(l1.email);
    expect(own.body.managerChain.map((p: { id: string }) => p.id)).toEqual([ceo.id, m1.id, s1.id]);
    expect(own.body.manager.id).toBe(s1.id);
    for (const manager of [s1, m1, ceo]) expect((await c.get(`/api/v1/people/${manager.id}`)).status).toBe(200);
  });

  it("a learner's search cannot find a peer by name", async () => {
    const c = await as(l1);
    const res = await c.get(`/api/v1/people?q=${encodeURIComponent('Pia Peer')}`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(0);
    expect(res.body.items).toEqual([]);
  });

  it('a supervisor sees their direct and indirect reports and their own managers, not another manager\'s team', async () => {
    const c = await as(m1);
    const res = await c.get('/api/v1/people?pageSize=200');
    expect(res.status).toBe(200);
    expect(idsOf(res.body.items)).toEqual([m1.id, ceo.id, s1.id, l1.id, l2.id].sort());
    expect(res.body.total).toBe(5);
    expect((await c.get(`/api/v1/people/${l2.id}`)).status).toBe(200); // indirect report
    expect((await c.get(`/api/v1/people/${s1.id}`)).status).toBe(200); // direct report
    expect((await c.get(`/api/v1/people/${t1.id}`)).status).toBe(404);
    expect((await c.get(`/api/v1/people/${m2.id}`)).status).toBe(404);
  });

  it('the top of the organization sees everyone below them', async () => {
    const c = await as(ceo);
    const res = await c.get('/api/v1/people?pageSize=200');
    expect(idsOf(res.body.items)).toEqual([ceo.id, m1.id, s1.id, l1.id, l2.id, m2.id, t1.id, partner.id, instructor.id].sort());
  });

  it.each(['coordinator', 'consultant', 'unit_lead', 'leader', 'admin'] as const)('staff role %s sees everyone', async (role) => {
    const c = await as(staff[role]);
    const all = await peopleCount();
    const res = await c.get('/api/v1/people?pageSize=200');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(all);
    expect(res.body.items).toHaveLength(all);
    expect((await c.get(`/api/v1/people/${l2.id}`)).status).toBe(200);
    expect((await c.get(`/api/v1/people/${t1.id}`)).status).toBe(200);
  });

  it.each([
    ['partner', () => partner],
    ['instructor', () => instructor],
  ] as const)('someone with only the %s role is treated like a learner', async (_role, who) => {
    const person = who();
    const c = await as(person);
    const res = await c.get('/api/v1/people?pageSize=200');
    expect(res.status).toBe(200);
    expect(idsOf(res.body.items)).toEqual([person.id, m2.id, ceo.id].sort());
    expect((await c.get(`/api/v1/people/${l1.id}`)).status).toBe(404);
    expect((await c.get(`/api/v1/people/${t1.id}`)).status).toBe(404);
  });
});

describe('search, filters and pages', () => {
  let needle: TestPerson;
  let pageUnit: { id: string };
  beforeAll(async () => {
    needle = await createPerson(s.db, { name: 'Quirinus Xylander', email: 'q.xylander@search.example', employeeId: 'EMP-SRCH-4711', jobTitle: 'Cartographer' });
    pageUnit = await createBusinessUnit(s.db, { code: 'ACC-PAGES', name: 'Access Pages' });
    for (const n of ['Page Anna', 'Page Bert', 'Page Carl', 'Page Dora', 'Page Emil']) await createPerson(s.db, { name: n, businessUnitId: pageUnit.id });
  });

  it.each([
    ['name, any case', 'xyLANder'],
    ['e-mail', 'q.xylander@search'],
    ['employee id', 'SRCH-4711'],
  ])('q matches the %s', async (_what, q) => {
    const c = await as(staff.coordinator);
    const res = await c.get(`/api/v1/people?q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((p: { id: string }) => p.id)).toEqual([needle.id]);
    expect(res.body.total).toBe(1);
  });

  it('q treats % and _ literally, not as wildcards', async () => {
    const c = await as(staff.coordinator);
    for (const q of ['%', 'Xyl%der', 'Xyl_nder']) {
      const res = await c.get(`/api/v1/people?q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(0);
    }
    // Only "Staff unit_lead" has an underscore in their name.
    const underscore = await c.get('/api/v1/people?q=_');
    expect(idsOf(underscore.body.items)).toEqual([staff.unit_lead.id]);
  });

  it('filters by business unit and by role', async () => {
    const c = await as(staff.coordinator);
    const byUnit = await c.get(`/api/v1/people?businessUnitId=${unitB.id}&pageSize=200`);
    expect(idsOf(byUnit.body.items)).toEqual([m2.id, t1.id].sort());
    expect(byUnit.body.items.every((p: { businessUnit: { id: string } }) => p.businessUnit.id === unitB.id)).toBe(true);
    const byRole = await c.get('/api/v1/people?role=instructor');
    expect(idsOf(byRole.body.items)).toEqual([instructor.id]);
    expect(byRole.body.items[0].roles).toEqual(['instructor']);
    const both = await c.get(`/api/v1/people?role=partner&businessUnitId=${unitB.id}`);
    expect(both.body.total).toBe(0);
  });

  it('the learner filter still applies when a learner filters by unit', async () => {
    const c = await as(l1);
    const res = await c.get(`/api/v1/people?businessUnitId=${unitA.id}&pageSize=200`);
    expect(idsOf(res.body.items)).toEqual([l1.id, s1.id, m1.id, ceo.id].sort());
  });

  it('pages are ordered by name, disjoint, and carry the total', async () => {
    const c = await as(staff.admin);
    const pages = [];
    for (const page of [1, 2, 3, 4]) {
      const res = await c.get(`/api/v1/people?businessUnitId=${pageUnit.id}&pageSize=2&page=${page}`);
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(5);
      expect(res.body.page).toBe(page);
      expect(res.body.pageSize).toBe(2);
      pages.push(res.body.items.map((p: { name: string }) => p.name));
    }
    expect(pages).toEqual([['Page Anna', 'Page Bert'], ['Page Carl', 'Page Dora'], ['Page Emil'], []]);
  });

  it('rejects a bad filter with a 400 naming the field', async () => {
    const c = await as(staff.admin);
    const res = await c.get('/api/v1/people?businessUnitId=nope&role=wizard&pageSize=1000');
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['querystring.businessUnitId', 'querystring.pageSize', 'querystring.role']);
  });

  it('lists business units with their head counts', async () => {
    const c = await as(l1);
    const res = await c.get('/api/v1/business-units');
    expect(res.status).toBe(200);
    const byCode = new Map(res.body.map((u: { code: string; peopleCount: number }) => [u.code, u.peopleCount]));
    expect(byCode.get('ACC-SALES')).toBe(5);
    expect(byCode.get('ACC-OPS')).toBe(2);
    expect(byCode.get('ACC-PAGES')).toBe(5);
  });
});

describe('only an admin changes people', () => {
  const input = () => ({ employeeId: `E-W-${Math.random().toString(36).slice(2, 8)}`, name: 'Wanda Write', email: `wanda.${Math.random().toString(36).slice(2, 8)}@example.org` });

  it.each([
    ['coordinator', () => staff.coordinator],
    ['unit_lead', () => staff.unit_lead],
    ['learner', () => l1],
    ['supervisor', () => m1],
  ] as const)('a %s gets 403 on POST and PATCH /people, and nothing changes', async (_who, who) => {
    const c = await as(who());
    const before = await peopleCount();
    const [rolesBefore] = await s.db.select({ n: count() }).from(personRoles);
    const created = await c.post('/api/v1/people', input());
    expect(created.status).toBe(403);
    const patched = await c.patch(`/api/v1/people/${l2.id}`, { jobTitle: 'Hacked', roles: ['admin'] as Role[] });
    expect(patched.status).toBe(403);
    const self = await c.patch(`/api/v1/people/${who().id}`, { roles: ['admin'] as Role[] });
    expect(self.status).toBe(403);
    expect(await peopleCount()).toBe(before);
    const [rolesAfter] = await s.db.select({ n: count() }).from(personRoles);
    expect(rolesAfter!.n).toBe(rolesBefore!.n);
    const l2Now = await (await as(staff.admin)).get(`/api/v1/people/${l2.id}`);
    expect(l2Now.body.jobTitle).toBe('Analyst');
  });

  it('anonymous POST /people is 401', async () => {
    expect((await s.client().post('/api/v1/people', input())).status).toBe(401);
  });

  it('an admin may', async () => {
    const c = await as(staff.admin);
    const res = await c.post('/api/v1/people', input());
    expect(res.status).toBe(201);
  });
});
