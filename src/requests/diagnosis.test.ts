import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson, type TestPerson } from '../../tests/support/factories';
import { createTestStride, type TestStride } from '../../tests/support/test-stride';
import type { TestClient } from '../../tests/support/test-client';
import { escalationDiagnosis, triagedRequest, weighed } from '../../tests/support/request-factories';
import { seedDemoCharter } from '../charter/demo-charter';
import { weighCauses } from './weigh-causes';

let s: TestStride;
const p = {} as Record<'supervisor' | 'consultant' | 'otherConsultant' | 'lead', TestPerson>;
const c = {} as Record<keyof typeof p, TestClient>;

beforeAll(async () => {
  s = await createTestStride();
  p.supervisor = await createPerson(s.db, { name: 'Sue Supervisor' });
  p.consultant = await createPerson(s.db, { name: 'Cyd Consultant', roles: ['consultant'] });
  p.otherConsultant = await createPerson(s.db, { name: 'Oli Otherconsultant', roles: ['consultant'] });
  p.lead = await createPerson(s.db, { name: 'Uma Unitlead', roles: ['unit_lead'] });
  for (const key of Object.keys(p) as (keyof typeof p)[]) c[key] = await s.signInAs(p[key]);
  await seedDemoCharter(s.db, s.clock, p.lead.id);
});
afterAll(() => s.close());

describe('RQ-3 diagnosis before solutions', () => {
  it('RQ-3 the owner states the gap and weighs every cause with evidence; Stride shows which causes dominate', async () => {
    const request = await triagedRequest(c.supervisor, c.lead, p.consultant.id);
    const res = await c.consultant.put(`/api/v1/requests/${request.id}/diagnosis`, { revision: request.revision, ...escalationDiagnosis });
    expect(res.status, res.text).toBe(200);
    expect(res.body.state).toBe('diagnosing');
    expect(res.body.diagnosis.dominant).toEqual(['unclear_procedure']);
    expect(res.body.diagnosis.causes.map((x: { cause: string }) => x.cause).slice(0, 3)).toEqual(['unclear_procedure', 'tools_resources', 'knowledge_skill']);
    expect(res.body.diagnosis.causes[0]).toMatchObject({ weight: 3, share: 0.5, evidence: expect.stringContaining('escalation guides') });
    // The requester reads the diagnosis on their request.
    const mine = await c.supervisor.get(`/api/v1/requests/${request.id}`);
    expect(mine.body.diagnosis.gapMeasure).toContain('telephony report');
    expect(mine.body.canWork).toBe(false);
    expect(mine.body.events.at(-1)).toMatchObject({ type: 'diagnosed', details: { dominant: ['unclear_procedure'], first: true } });
  });

  it('RQ-3 bad input gets field-level messages: every cause weighed, evidence for each weighed above 0', async () => {
    const request = await triagedRequest(c.supervisor, c.lead, p.consultant.id);
    const res = await c.consultant.put(`/api/v1/requests/${request.id}/diagnosis`, {
      revision: request.revision,
      gapCurrent: '',
      gapDesired: 'Handed over once.',
      gapMeasure: 'Telephony report.',
      causes: weighed({ unclear_procedure: [3, ''], motivation: [7, 'x'] }),
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['causes.2.evidence', 'causes.5.weight', 'gapCurrent'].sort());
    const allZero = await c.consultant.put(`/api/v1/requests/${request.id}/diagnosis`, { ...escalationDiagnosis, revision: request.revision, causes: weighed({}) });
    expect(allZero.body.errors).toEqual([expect.objectContaining({ field: 'causes' })]);
    const short = await c.consultant.put(`/api/v1/requests/${request.id}/diagnosis`, { ...escalationDiagnosis, revision: request.revision, causes: escalationDiagnosis.causes.slice(1) });
    expect(short.body.errors).toEqual([expect.objectContaining({ field: 'causes', message: expect.stringContaining('each of the 7') })]);
  });

  it('RQ-3 only the owner (or the unit lead) diagnoses; a stale revision is a 409; a request not yet triaged cannot be diagnosed', async () => {
    const request = await triagedRequest(c.supervisor, c.lead, p.consultant.id);
    expect((await c.otherConsultant.put(`/api/v1/requests/${request.id}/diagnosis`, { revision: request.revision, ...escalationDiagnosis })).status).toBe(403);
    expect((await c.supervisor.put(`/api/v1/requests/${request.id}/diagnosis`, { revision: request.revision, ...escalationDiagnosis })).status).toBe(403);
    const byLead = await c.lead.put(`/api/v1/requests/${request.id}/diagnosis`, { revision: request.revision, ...escalationDiagnosis });
    expect(byLead.status, byLead.text).toBe(200);
    expect((await c.consultant.put(`/api/v1/requests/${request.id}/diagnosis`, { revision: request.revision, ...escalationDiagnosis })).status).toBe(409);

    const draft = await c.supervisor.post('/api/v1/requests', { title: 'Not sent yet' });
    const sent = await c.supervisor.post(`/api/v1/requests/${draft.body.id}/submit`, { revision: 1 });
    expect(sent.status).toBe(400);
    expect((await c.lead.put(`/api/v1/requests/${draft.body.id}/diagnosis`, { revision: 1, ...escalationDiagnosis })).status).toBe(409);
  });

  it('RQ-3 ties share the lead; with nothing weighed nothing dominates', () => {
    const tie = weighCauses(weighed({ tools_resources: [2, 'a'], unclear_role: [2, 'b'], motivation: [1, 'c'] }));
    expect(tie.dominant).toEqual(['unclear_role', 'tools_resources']);
    expect(tie.causes.map((c) => c.share).slice(0, 3)).toEqual([0.4, 0.4, 0.2]);
    expect(weighCauses(weighed({})).dominant).toEqual([]);
  });
});
