import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBusinessUnit, createPerson, type TestPerson } from '../../tests/support/factories';
import { createTestStride, type TestStride } from '../../tests/support/test-stride';
import type { TestClient } from '../../tests/support/test-client';
import { callTeamRequest, escalationDiagnosis, triagedRequest } from '../../tests/support/request-factories';
import { seedDemoCharter } from '../charter/demo-charter';
import { toLocalDateTime } from '../catalog/zoned-time';

let s: TestStride;
const p = {} as Record<'supervisor' | 'salesLead' | 'consultant' | 'lead' | 'leader', TestPerson>;
const c = {} as Record<keyof typeof p, TestClient>;
const units = {} as Record<'care' | 'sales' | 'quiet', { id: string }>;

beforeAll(async () => {
  s = await createTestStride();
  units.care = await createBusinessUnit(s.db, { name: 'Customer Care' });
  units.sales = await createBusinessUnit(s.db, { name: 'Sales' });
  units.quiet = await createBusinessUnit(s.db, { name: 'Archives' });
  p.supervisor = await createPerson(s.db, { name: 'Sue Supervisor', businessUnitId: units.care.id });
  p.salesLead = await createPerson(s.db, { name: 'Sam Sales', businessUnitId: units.sales.id });
  p.consultant = await createPerson(s.db, { name: 'Cyd Consultant', roles: ['consultant'] });
  p.lead = await createPerson(s.db, { name: 'Uma Unitlead', roles: ['unit_lead'] });
  p.leader = await createPerson(s.db, { name: 'Lee Leader', roles: ['leader'] });
  for (const key of Object.keys(p) as (keyof typeof p)[]) c[key] = await s.signInAs(p[key]);
  await seedDemoCharter(s.db, s.clock, p.lead.id);
});
afterAll(() => s.close());

// The unit's calendar day (the test unit keeps Paris time): the portfolio's periods are its days,
// so between 23:00 and midnight UTC a UTC date would already be a day behind the period's end.
const today = () => toLocalDateTime(s.clock.now(), 'Europe/Paris').slice(0, 10);

describe('RQ-7 strategic goals and prime segments', () => {
  it('RQ-7 the unit lead keeps the goals: adds, renames, retires; a goal requests serve is retired, never deleted', async () => {
    expect((await c.consultant.post('/api/v1/strategic-goals', { title: 'Not mine to set' })).status).toBe(403);
    const bad = await c.lead.post('/api/v1/strategic-goals', { title: ' ', description: 'x'.repeat(2001) });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['description', 'title']);

    const goal = await c.lead.post('/api/v1/strategic-goals', { title: 'Resolve problems on first contact', description: 'One owner per customer problem.' });
    expect(goal.status, goal.text).toBe(201);
    expect((await c.lead.post('/api/v1/strategic-goals', { title: 'resolve problems on FIRST contact' })).body.errors).toEqual([expect.objectContaining({ field: 'title' })]);
    const typo = await c.lead.post('/api/v1/strategic-goals', { title: 'Grow sales' });

    // A requester picks from the current goals.
    const draft = await c.supervisor.post('/api/v1/requests', { ...callTeamRequest, goalId: goal.body.id });
    expect(draft.body.goal).toEqual({ id: goal.body.id, title: 'Resolve problems on first contact' });
    const listed = await c.supervisor.get('/api/v1/strategic-goals');
    expect(listed.body).toMatchObject({ canKeep: false });
    expect(listed.body.items.find((g: { id: string }) => g.id === goal.body.id)).toMatchObject({ active: true, requests: 1 });

    const renamed = await c.lead.put(`/api/v1/strategic-goals/${goal.body.id}`, { title: 'First-contact resolution', description: 'One owner per customer problem.', active: true });
    expect(renamed.body).toMatchObject({ title: 'First-contact resolution', requests: 1 });
    expect((await c.lead.delete(`/api/v1/strategic-goals/${goal.body.id}`)).status).toBe(409);
    const retired = await c.lead.put(`/api/v1/strategic-goals/${goal.body.id}`, { title: 'First-contact resolution', description: '', active: false });
    expect(retired.body.active).toBe(false);
    // A retired goal stays on the requests that served it but is no longer offered.
    expect((await c.supervisor.get(`/api/v1/requests/${draft.body.id}`)).body.goal.title).toBe('First-contact resolution');
    const refused = await c.supervisor.post('/api/v1/requests', { title: 'Another', goalId: goal.body.id });
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'goalId' })]);
    await c.lead.put(`/api/v1/strategic-goals/${goal.body.id}`, { title: 'First-contact resolution', description: '', active: true });

    expect((await c.lead.delete(`/api/v1/strategic-goals/${typo.body.id}`)).status).toBe(204);
    expect((await c.lead.get('/api/v1/strategic-goals')).body.items.map((g: { title: string }) => g.title)).not.toContain('Grow sales');
  });

  it('RQ-7 the unit lead marks prime customer segments; others read them', async () => {
    expect((await c.consultant.put(`/api/v1/prime-segments/${units.sales.id}`, { note: 'x' })).status).toBe(403);
    const marked = await c.lead.put(`/api/v1/prime-segments/${units.care.id}`, { note: 'Most customer contact.' });
    expect(marked.body).toMatchObject({ prime: true, note: 'Most customer contact.', businessUnit: { name: 'Customer Care' } });
    await c.lead.put(`/api/v1/prime-segments/${units.sales.id}`, { note: '' });
    expect((await c.lead.delete(`/api/v1/prime-segments/${units.sales.id}`)).body.prime).toBe(false);
    expect((await c.lead.put('/api/v1/prime-segments/00000000-0000-4000-8000-000000000000', { note: '' })).status).toBe(404);
    const list = await c.consultant.get('/api/v1/prime-segments');
    expect(list.body.items.filter((i: { prime: boolean }) => i.prime).map((i: { businessUnit: { name: string } }) => i.businessUnit.name)).toEqual(['Customer Care']);
  });
});

describe('RQ-7 effort and the portfolio', () => {
  it('RQ-7 consultants record effort; the portfolio shows requests, effort and the non-training share by goal and business unit, as CSV too', async () => {
    const goal = await c.lead.post('/api/v1/strategic-goals', { title: 'Loyal customers' });
    const request = await triagedRequest(c.supervisor, c.lead, p.consultant.id, { ...callTeamRequest, goalId: goal.body.id });
    const diagnosed = await c.consultant.put(`/api/v1/requests/${request.id}/diagnosis`, { revision: request.revision, ...escalationDiagnosis });
    expect(diagnosed.status, diagnosed.text).toBe(200);

    const badEffort = await c.consultant.post(`/api/v1/requests/${request.id}/effort`, { hours: 0, workedOn: '2026-02-30' });
    expect(badEffort.status).toBe(400);
    expect(badEffort.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['hours', 'workedOn']);
    expect((await c.supervisor.post(`/api/v1/requests/${request.id}/effort`, { hours: 1, workedOn: today() })).status).toBe(403);
    const effort = await c.consultant.post(`/api/v1/requests/${request.id}/effort`, { hours: 2.5, workedOn: today(), note: 'Listened to twelve calls.' });
    expect(effort.status, effort.text).toBe(201);
    expect(effort.body.effort).toMatchObject({ totalHours: 2.5, entries: [{ person: { name: 'Cyd Consultant' }, hours: 2.5, note: 'Listened to twelve calls.' }] });
    expect((await c.supervisor.get(`/api/v1/requests/${request.id}`)).body.effort).toBeNull();

    await c.consultant.post(`/api/v1/requests/${request.id}/recommendations`, {
      summary: 'One escalation procedure and a job aid; no course.',
      explanation: 'Your agents know how to serve callers; three escalation guides disagree. One procedure and a job aid at every desk instead of a course.',
      interventions: [{ kind: 'procedure_change', title: 'One escalation procedure', rationale: 'The main cause.', ownerId: p.supervisor.id }],
    });
    expect((await c.supervisor.post(`/api/v1/requests/${request.id}/recommendations/1/response`, { response: 'accepted' })).status).toBe(200);
    // A second request from Sales, no goal, still open.
    const sales = await c.salesLead.post('/api/v1/requests', { ...callTeamRequest, title: 'Negotiation course' });
    await c.salesLead.post(`/api/v1/requests/${sales.body.id}/submit`, { revision: sales.body.revision });
    await c.lead.put(`/api/v1/prime-segments/${units.care.id}`, { note: '' });

    const from = today().slice(0, 8) + '01';
    expect((await c.supervisor.get(`/api/v1/requests/portfolio?from=${from}&to=${today()}`)).status).toBe(403);
    const bad = await c.lead.get(`/api/v1/requests/portfolio?from=${today()}&to=${from}-x`);
    expect(bad.status).toBe(400);
    const view = await c.leader.get(`/api/v1/requests/portfolio?from=${from}&to=${today()}`);
    expect(view.status, view.text).toBe(200);
    expect(view.body.byGoal.find((g: { id: string }) => g.id === goal.body.id)).toEqual({ id: goal.body.id, name: 'Loyal customers', active: true, requests: 1, decided: 1, nonTraining: 1, hours: 2.5 });
    expect(view.body.byGoal.find((g: { id: string | null }) => g.id === null)).toMatchObject({ name: 'No goal named', requests: 1, decided: 0 });
    expect(view.body.byUnit.find((u: { id: string }) => u.id === units.care.id)).toMatchObject({ prime: true, requests: 1, decided: 1, nonTraining: 1, hours: 2.5 });
    expect(view.body.byUnit.find((u: { id: string }) => u.id === units.sales.id)).toMatchObject({ prime: false, requests: 1, decided: 0, hours: 0 });
    expect(view.body.byUnit.map((u: { name: string }) => u.name)).not.toContain('Archives');
    expect(view.body.totals).toMatchObject({ requests: 2, decided: 1, nonTraining: 1, nonTrainingShare: 1, hours: 2.5 });

    // A period before any of it counts nothing, but still lists the current goals.
    const before = await c.lead.get('/api/v1/requests/portfolio?from=2020-01-01&to=2020-12-31');
    expect(before.body.totals).toMatchObject({ requests: 0, decided: 0, nonTrainingShare: null });

    const csv = await c.lead.get(`/api/v1/requests/portfolio.csv?from=${from}&to=${today()}`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text).toContain('Loyal customers,yes,1,1,1,100,2.5\r\n');
    expect(csv.text).toContain('Customer Care,yes,1,1,1,100,2.5\r\n');
  });
});
