import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestStride, type TestStride } from '../../tests/support/test-stride';
import { createBusinessUnit, createPerson, type TestPerson } from '../../tests/support/factories';
import type { TestClient } from '../../tests/support/test-client';
import { people } from './schema';

//   Alma Top (Board)           Zed Top (no unit)
//   ├── Bea Mid                └── (nobody)
//   │   ├── Cy Low
//   │   │   └── Dee Bottom
//   │   ├── Cal Low
//   │   └── (Gone Low, inactive)
//   └── Bo Mid
// (Ina Inactive, inactive, no manager)
// Read by Vera Viewer, a plain learner: the org chart is everyone's (decision 005).

let s: TestStride;
let c: TestClient;
let alma: TestPerson, zed: TestPerson, bea: TestPerson, bo: TestPerson, cy: TestPerson, cal: TestPerson, dee: TestPerson;

type Node = { id: string; name: string; jobTitle: string; businessUnit: string | null; reportCount: number };

beforeAll(async () => {
  s = await createTestStride();
  const board = await createBusinessUnit(s.db, { code: 'OC-BOARD', name: 'Board' });
  alma = await createPerson(s.db, { name: 'Alma Top', jobTitle: 'Chief executive', businessUnitId: board.id });
  zed = await createPerson(s.db, { name: 'Zed Top', jobTitle: 'Ombudsman' });
  bea = await createPerson(s.db, { name: 'Bea Mid', jobTitle: 'Director', managerId: alma.id, businessUnitId: board.id });
  bo = await createPerson(s.db, { name: 'Bo Mid', jobTitle: 'Director', managerId: alma.id });
  cy = await createPerson(s.db, { name: 'Cy Low', jobTitle: 'Manager', managerId: bea.id });
  cal = await createPerson(s.db, { name: 'Cal Low', jobTitle: 'Manager', managerId: bea.id });
  dee = await createPerson(s.db, { name: 'Dee Bottom', jobTitle: 'Analyst', managerId: cy.id });
  const gone = await createPerson(s.db, { name: 'Gone Low', managerId: bea.id });
  const ina = await createPerson(s.db, { name: 'Ina Inactive' });
  await s.db.update(people).set({ active: false }).where(eq(people.id, gone.id));
  await s.db.update(people).set({ active: false }).where(eq(people.id, ina.id));
  const viewer = await createPerson(s.db, { name: 'Vera Viewer', managerId: bo.id });
  c = await s.signInAs(viewer);
});
afterAll(() => s.close());

const names = (nodes: Node[]) => nodes.map((n) => n.name);

describe('org chart', () => {
  it('the top level is everyone active without a manager, by name', async () => {
    const res = await c.get('/api/v1/org-chart');
    expect(res.status).toBe(200);
    expect(res.body.root).toBeNull();
    expect(res.body.chain).toEqual([]);
    expect(names(res.body.reports)).toEqual(['Alma Top', 'Zed Top']);
    expect(res.body.reports[0]).toEqual({ id: alma.id, name: 'Alma Top', jobTitle: 'Chief executive', businessUnit: 'Board', reportCount: 2 });
    expect(res.body.reports[1]).toEqual({ id: zed.id, name: 'Zed Top', jobTitle: 'Ombudsman', businessUnit: null, reportCount: 0 });
  });

  it('drilling into a person gives their chain top to bottom and their active direct reports with counts', async () => {
    const res = await c.get(`/api/v1/org-chart?rootId=${cy.id}`);
    expect(res.status).toBe(200);
    expect(res.body.root).toMatchObject({ id: cy.id, name: 'Cy Low', reportCount: 1 });
    expect(res.body.chain.map((n: Node) => n.id)).toEqual([alma.id, bea.id]);
    expect(res.body.reports).toEqual([{ id: dee.id, name: 'Dee Bottom', jobTitle: 'Analyst', businessUnit: null, reportCount: 0 }]);
  });

  it('a middle manager: inactive reports are neither listed nor counted', async () => {
    const res = await c.get(`/api/v1/org-chart?rootId=${bea.id}`);
    expect(res.body.root).toMatchObject({ id: bea.id, businessUnit: 'Board', reportCount: 2 });
    expect(res.body.chain.map((n: Node) => n.name)).toEqual(['Alma Top']);
    expect(res.body.reports.map((n: Node) => [n.id, n.reportCount])).toEqual([
      [cal.id, 0],
      [cy.id, 1],
    ]);
  });

  it('the top person has an empty chain', async () => {
    const res = await c.get(`/api/v1/org-chart?rootId=${alma.id}`);
    expect(res.body.chain).toEqual([]);
    expect(names(res.body.reports)).toEqual(['Bea Mid', 'Bo Mid']);
    expect(res.body.reports.map((n: Node) => n.reportCount)).toEqual([2, 1]);
  });

  it('the deepest person: a four-level chain and no reports', async () => {
    const res = await c.get(`/api/v1/org-chart?rootId=${dee.id}`);
    expect(res.body.chain.map((n: Node) => n.name)).toEqual(['Alma Top', 'Bea Mid', 'Cy Low']);
    expect(res.body.reports).toEqual([]);
    expect(res.body.root.reportCount).toBe(0);
  });

  it('an unknown person is a 404, a malformed id a 400', async () => {
    expect((await c.get(`/api/v1/org-chart?rootId=${randomUUID()}`)).status).toBe(404);
    const bad = await c.get('/api/v1/org-chart?rootId=nope');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('querystring.rootId');
  });

  it('needs a signed-in person', async () => {
    expect((await s.client().get(`/api/v1/org-chart?rootId=${alma.id}`)).status).toBe(401);
  });
});
