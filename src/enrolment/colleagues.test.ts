import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBusinessUnit, createPerson, type TestPerson } from '../../tests/support/factories';
import { createTestStride, type TestStride } from '../../tests/support/test-stride';
import type { TestClient } from '../../tests/support/test-client';
import { publishedCourse, scheduledSession } from '../../tests/support/enrolment-factories';

// CA-3 substitution from the learner's side: a learner does not see the whole directory, but may
// find the teammates who could take their seat — and nobody else learns who those are.

let s: TestStride;
const p = {} as Record<'boss' | 'lena' | 'cole' | 'una' | 'far' | 'coordinator' | 'stranger', TestPerson>;
const c = {} as Record<keyof typeof p, TestClient>;
let enrolmentId: string;

beforeAll(async () => {
  s = await createTestStride();
  const care = await createBusinessUnit(s.db, { name: 'Customer Care' });
  const grid = await createBusinessUnit(s.db, { name: 'Grid' });
  p.boss = await createPerson(s.db, { name: 'Sam Supervisor', businessUnitId: care.id });
  p.lena = await createPerson(s.db, { name: 'Lena Learner', businessUnitId: care.id, managerId: p.boss.id });
  p.cole = await createPerson(s.db, { name: 'Cole Colleague', businessUnitId: grid.id, managerId: p.boss.id, jobTitle: 'Field Agent' });
  p.una = await createPerson(s.db, { name: 'Una Unitmate', businessUnitId: care.id });
  p.far = await createPerson(s.db, { name: 'Farah Faraway', businessUnitId: grid.id });
  p.coordinator = await createPerson(s.db, { name: 'Cora Coordinator', roles: ['coordinator'] });
  p.stranger = await createPerson(s.db, { name: 'Stan Stranger' });
  for (const key of Object.keys(p) as (keyof typeof p)[]) c[key] = await s.signInAs(p[key]);
  const courseId = await publishedCourse(c.coordinator, p.coordinator.id);
  const sessionId = await scheduledSession(c.coordinator, courseId, s.clock.now(), { approvalMode: 'none' });
  const applied = await c.lena.post(`/api/v1/course-sessions/${sessionId}/enrolments`, {});
  expect(applied.status, applied.text).toBe(201);
  enrolmentId = applied.body.id;
});
afterAll(() => s.close());

describe('CA-3 colleagues who could take a seat', () => {
  it('CA-3 the learner finds teammates (same unit or same manager) by name, never people outside the team or themself', async () => {
    const all = await c.lena.get(`/api/v1/enrolments/${enrolmentId}/colleagues`);
    expect(all.status, all.text).toBe(200);
    expect(all.body.map((x: { name: string }) => x.name)).toEqual(['Cole Colleague', 'Sam Supervisor', 'Una Unitmate']);
    expect(all.body[0]).toEqual({ id: p.cole.id, name: 'Cole Colleague', jobTitle: 'Field Agent', businessUnit: 'Grid' });
    const found = await c.lena.get(`/api/v1/enrolments/${enrolmentId}/colleagues?q=un`);
    expect(found.body.map((x: { name: string }) => x.name)).toEqual(['Una Unitmate']);
    // LIKE's wildcards are searched for literally.
    expect((await c.lena.get(`/api/v1/enrolments/${enrolmentId}/colleagues?q=%25`)).body).toEqual([]);

    const passed = await c.lena.post(`/api/v1/enrolments/${enrolmentId}/substitute`, { personId: p.una.id });
    expect(passed.status, passed.text).toBe(201);
    expect(passed.body).toMatchObject({ state: 'confirmed', person: { id: p.una.id } });
  });

  it('CA-3 supervisors and coordinators may look too; anyone else is told the enrolment does not exist', async () => {
    expect((await c.boss.get(`/api/v1/enrolments/${enrolmentId}/colleagues`)).status).toBe(200);
    expect((await c.coordinator.get(`/api/v1/enrolments/${enrolmentId}/colleagues?q=cole`)).body).toHaveLength(1);
    for (const other of [c.stranger, c.far]) expect((await other.get(`/api/v1/enrolments/${enrolmentId}/colleagues`)).status).toBe(404);
    const tooLong = await c.lena.get(`/api/v1/enrolments/${enrolmentId}/colleagues?q=${'x'.repeat(101)}`);
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors[0].field).toMatch(/q$/);
  });
});
