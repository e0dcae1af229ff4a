import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createBusinessUnit, createPerson, type TestPerson } from '../../tests/support/factories';
import { createTestStride, type TestStride } from '../../tests/support/test-stride';
import type { TestClient } from '../../tests/support/test-client';
import { callTeamRequest } from '../../tests/support/request-factories';
import { seedDemoCharter } from '../charter/demo-charter';
import { auditLog } from '../platform/audit/schema';
import { openRequestOnBehalf } from './open-request-on-behalf';

let s: TestStride;
const p = {} as Record<'supervisor' | 'other' | 'consultant' | 'coordinator' | 'lead', TestPerson>;
const c = {} as Record<keyof typeof p, TestClient>;

const callTeam = callTeamRequest;

beforeAll(async () => {
  s = await createTestStride();
  const unit = await createBusinessUnit(s.db, { name: 'Customer Care' });
  p.supervisor = await createPerson(s.db, { name: 'Sue Supervisor', businessUnitId: unit.id, jobTitle: 'Call team supervisor' });
  p.other = await createPerson(s.db, { name: 'Ari Other' });
  p.consultant = await createPerson(s.db, { name: 'Cyd Consultant', roles: ['consultant'] });
  p.coordinator = await createPerson(s.db, { name: 'Cora Coordinator', roles: ['coordinator'] });
  p.lead = await createPerson(s.db, { name: 'Uma Unitlead', roles: ['unit_lead'] });
  for (const key of Object.keys(p) as (keyof typeof p)[]) c[key] = await s.signInAs(p[key]);
  await seedDemoCharter(s.db, s.clock, p.lead.id);
});
afterAll(() => s.close());

async function submitted(body: Record<string, unknown> = callTeam): Promise<{ id: string; revision: number }> {
  const draft = await c.supervisor.post('/api/v1/requests', body);
  expect(draft.status, draft.text).toBe(201);
  const sent = await c.supervisor.post(`/api/v1/requests/${draft.body.id}/submit`, { revision: draft.body.revision });
  expect(sent.status, sent.text).toBe(200);
  return { id: sent.body.id, revision: sent.body.revision };
}

describe('RQ-1 request intake', () => {
  it('RQ-1 a draft keeps what was typed; it is saved again whole and sent only when it says enough', async () => {
    const draft = await c.supervisor.post('/api/v1/requests', { title: 'Customer service training for the call team', problem: 'Callers are passed around.' });
    expect(draft.status, draft.text).toBe(201);
    expect(draft.body).toMatchObject({ state: 'draft', reference: expect.stringMatching(/^R-\d{6}$/), problem: 'Callers are passed around.', audienceSize: null, canEdit: true, owner: null, businessUnit: { name: 'Customer Care' } });

    const early = await c.supervisor.post(`/api/v1/requests/${draft.body.id}/submit`, { revision: draft.body.revision });
    expect(early.status).toBe(400);
    expect(early.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['audience', 'audienceSize', 'desiredOutcome']);

    const saved = await c.supervisor.put(`/api/v1/requests/${draft.body.id}`, { ...callTeam, revision: draft.body.revision });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body).toMatchObject({ audience: 'The first-line call team', audienceSize: 24, urgency: 'soon', revision: draft.body.revision + 1 });
    const stale = await c.supervisor.put(`/api/v1/requests/${draft.body.id}`, { ...callTeam, title: 'Late edit', revision: draft.body.revision });
    expect(stale.status).toBe(409);

    const mine = await c.supervisor.get('/api/v1/requests/mine');
    expect(mine.body.items.find((i: { id: string }) => i.id === draft.body.id)).toMatchObject({ state: 'draft', owner: null });
    const queue = await c.consultant.get('/api/v1/requests');
    expect(queue.body.items.map((i: { id: string }) => i.id)).not.toContain(draft.body.id);
  });

  it('RQ-1 bad input gets field-by-field messages, never a 500', async () => {
    const res = await c.supervisor.post('/api/v1/requests', { title: ' ', audienceSize: -3, urgency: 'yesterday', goalId: 'not-a-goal' });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['audienceSize', 'goalId', 'title', 'urgency']);
    const unknownGoal = await c.supervisor.post('/api/v1/requests', { title: 'x', goalId: '00000000-0000-4000-8000-000000000000' });
    expect(unknownGoal.status).toBe(400);
    expect(unknownGoal.body.errors).toEqual([{ field: 'goalId', message: expect.stringContaining('strategic goals') }]);
  });
});

describe('RQ-2 triage', () => {
  it('RQ-2 sending starts the charter’s triage clock; the charter’s role triages; the requester always sees state and owner', async () => {
    const { id } = await submitted();
    const seen = await c.supervisor.get(`/api/v1/requests/${id}`);
    expect(seen.body).toMatchObject({ state: 'submitted', owner: null, requestType: 'Training requests', triageRole: 'consultant', decisionRole: 'unit_lead', canManage: false, canEdit: false });
    expect(seen.body.clocks).toEqual([expect.objectContaining({ key: 'training-request.triage', state: 'on_track', stoppedAt: null })]);
    expect((await c.other.get(`/api/v1/requests/${id}`)).status).toBe(404);

    const queue = await c.consultant.get('/api/v1/requests?state=submitted&owner=nobody');
    expect(queue.body.items.map((i: { id: string }) => i.id)).toContain(id);
    expect(queue.body.counts.submitted).toBeGreaterThanOrEqual(1);

    // The charter says a consultant triages training requests: a coordinator cannot own one.
    const wrongRole = await c.coordinator.post(`/api/v1/requests/${id}/assign`, { ownerId: p.coordinator.id });
    expect(wrongRole.status).toBe(400);
    expect(wrongRole.body.errors[0]).toMatchObject({ field: 'ownerId', message: expect.stringContaining('consultant') });

    s.clock.advance(60 * 60 * 1000);
    const assigned = await c.coordinator.post(`/api/v1/requests/${id}/assign`, { ownerId: p.consultant.id });
    expect(assigned.status, assigned.text).toBe(200);
    expect(assigned.body).toMatchObject({ state: 'triaged', owner: { name: 'Cyd Consultant' } });
    expect(assigned.body.clocks[0]).toMatchObject({ state: 'met', stoppedAt: expect.any(String) });

    const mine = await c.supervisor.get('/api/v1/requests/mine?state=triaged');
    expect(mine.body.items.find((i: { id: string }) => i.id === id)).toMatchObject({ state: 'triaged', owner: { name: 'Cyd Consultant' } });
    expect((await c.supervisor.get(`/api/v1/requests/${id}`)).body.events.map((e: { type: string }) => e.type)).toEqual(['drafted', 'submitted', 'assigned']);
    const audit = await s.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, id));
    expect(audit.map((a) => a.action)).toEqual(['training_request.drafted', 'training_request.submitted', 'training_request.assigned']);
  });

  it('RQ-2 only the requester edits, sends or withdraws; the queue is the unit’s', async () => {
    const draft = await c.supervisor.post('/api/v1/requests', { title: 'Onboarding for new agents' });
    expect((await c.consultant.put(`/api/v1/requests/${draft.body.id}`, { title: 'Hijacked', revision: 1 })).status).toBe(403);
    expect((await c.other.post(`/api/v1/requests/${draft.body.id}/submit`, { revision: 1 })).status).toBe(404);
    expect((await c.other.get('/api/v1/requests')).status).toBe(403);
    const withdrawn = await c.supervisor.post(`/api/v1/requests/${draft.body.id}/withdraw`, { reason: 'The team found a mentor.' });
    expect(withdrawn.body).toMatchObject({ state: 'withdrawn', canWithdraw: false, closedAt: expect.any(String) });
    expect((await c.supervisor.post(`/api/v1/requests/${draft.body.id}/withdraw`, { reason: 'Again.' })).status).toBe(409);
  });

  it('RQ-2 openRequestOnBehalf opens a submitted request for someone inside the caller’s transaction', async () => {
    const { requestId, reference } = await s.db.transaction((tx) =>
      openRequestOnBehalf(tx, s.clock, { requesterId: p.supervisor.id, openedBy: p.coordinator.id, origin: 'support_case', originId: '11111111-1111-4111-8111-111111111111', title: 'Diagnosis after a support case', problem: 'Objectives still not met after coaching.', audience: 'Lena', audienceSize: 1, desiredOutcome: 'She applies the escalation steps alone.' }),
    );
    expect(reference).toMatch(/^R-\d{6}$/);
    const seen = await c.supervisor.get(`/api/v1/requests/${requestId}`);
    expect(seen.body).toMatchObject({ state: 'submitted', origin: 'support_case', openedBy: { name: 'Cora Coordinator' }, requester: { name: 'Sue Supervisor' } });
    expect(seen.body.clocks).toHaveLength(1);
    await expect(s.db.transaction(async (tx) => {
      await openRequestOnBehalf(tx, s.clock, { requesterId: p.supervisor.id, openedBy: null, origin: 'workshop', originId: '11111111-1111-4111-8111-111111111112', title: 'Rolled back', problem: 'x', audience: 'y', audienceSize: 2, desiredOutcome: 'z' });
      throw new Error('the caller failed');
    })).rejects.toThrow('the caller failed');
    expect((await c.supervisor.get('/api/v1/requests/mine')).body.items.map((i: { title: string }) => i.title)).not.toContain('Rolled back');
  });
});
