import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { people } from '../people/schema';
import { createBusinessUnit, createPerson, type TestPerson } from '../../tests/support/factories';
import { createTestStride, type TestStride } from '../../tests/support/test-stride';
import { TestClient } from '../../tests/support/test-client';
import { escalationDiagnosis, triagedRequest } from '../../tests/support/request-factories';
import { mailText } from '../../tests/support/enrolment-factories';
import { seedDemoCharter } from '../charter/demo-charter';

let s: TestStride;
const p = {} as Record<'supervisor' | 'consultant' | 'lead' | 'agentA' | 'agentB' | 'agentC' | 'leaver', TestPerson>;
const c = {} as Record<'supervisor' | 'consultant' | 'lead' | 'agentA', TestClient>;

beforeAll(async () => {
  s = await createTestStride();
  const unit = await createBusinessUnit(s.db, { name: 'Customer Care' });
  p.supervisor = await createPerson(s.db, { name: 'Sue Supervisor', businessUnitId: unit.id });
  p.consultant = await createPerson(s.db, { name: 'Cyd Consultant', roles: ['consultant'] });
  p.lead = await createPerson(s.db, { name: 'Uma Unitlead', roles: ['unit_lead'] });
  p.agentA = await createPerson(s.db, { name: 'Ana Agent', businessUnitId: unit.id });
  p.agentB = await createPerson(s.db, { name: 'Ben Agent', businessUnitId: unit.id });
  p.agentC = await createPerson(s.db, { name: 'Cleo Agent', businessUnitId: unit.id });
  p.leaver = await createPerson(s.db, { name: 'Lou Leaver' });
  await s.db.update(people).set({ active: false }).where(eq(people.id, p.leaver.id));
  for (const key of ['supervisor', 'consultant', 'lead', 'agentA'] as const) c[key] = await s.signInAs(p[key]);
  await seedDemoCharter(s.db, s.clock, p.lead.id);
});
afterAll(() => s.close());

const anonymous = () => new TestClient(s.app, { remoteAddress: `10.9.9.${Math.floor(Math.random() * 250) + 1}` });
async function tokenOf(requestId: string, personId: string): Promise<string> {
  const mail = await mailText(s.db, `training-request:${requestId}:survey:${personId}`);
  const token = mail?.text.match(/\/request-survey\/([A-Za-z0-9_-]{43})/)?.[1];
  if (!token) throw new Error('no questionnaire link mailed');
  return token;
}
const answers = (confidence: number, cause: string | null, obstacles: string, wouldHelp: string) => ({ confidence, cause, obstacles, wouldHelp });

describe('RQ-4 two voices', () => {
  it('RQ-4 the consultant asks a sample; each answers once through a mailed link without signing in; the unit sees the learners’ realities beside the stakeholder’s wants and writes the reconciliation', async () => {
    const request = await triagedRequest(c.supervisor, c.lead, p.consultant.id);
    const diagnosed = await c.consultant.put(`/api/v1/requests/${request.id}/diagnosis`, { revision: request.revision, ...escalationDiagnosis });

    const bad = await c.consultant.post(`/api/v1/requests/${request.id}/survey`, { personIds: [] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'personIds' })]);
    const leaver = await c.consultant.post(`/api/v1/requests/${request.id}/survey`, { personIds: [p.agentA.id, p.leaver.id] });
    expect(leaver.body.errors).toEqual([expect.objectContaining({ field: 'personIds.1' })]);
    expect((await c.supervisor.post(`/api/v1/requests/${request.id}/survey`, { personIds: [p.agentA.id] })).status).toBe(403);

    const sent = await c.consultant.post(`/api/v1/requests/${request.id}/survey`, { personIds: [p.agentA.id, p.agentB.id, p.agentC.id], note: 'About handing calls to the second line.' });
    expect(sent.status, sent.text).toBe(201);
    expect(sent.body.twoVoices.learners).toMatchObject({ invited: 3, answered: 0, confidence: { mean: null, counts: [0, 0, 0, 0, 0] } });
    expect(sent.body.events.map((e: { type: string }) => e.type)).toContain('survey_sent');
    const again = await c.consultant.post(`/api/v1/requests/${request.id}/survey`, { personIds: [p.agentA.id] });
    expect(again.body.errors).toEqual([expect.objectContaining({ field: 'personIds', message: expect.stringContaining('asked already') })]);
    const mail = await mailText(s.db, `training-request:${request.id}:survey:${p.agentA.id}`);
    expect(mail).toMatchObject({ to: p.agentA.email, text: expect.stringContaining('About handing calls to the second line.') });

    const tokenA = await tokenOf(request.id, p.agentA.id);
    const form = await anonymous().get(`/api/v1/request-surveys/${tokenA}`);
    expect(form.status, form.text).toBe(200);
    expect(form.body).toMatchObject({ requestTitle: 'Customer service training for the call team', personName: 'Ana Agent', askedBy: 'Cyd Consultant', state: 'open', answeredAt: null });

    const invalid = await anonymous().post(`/api/v1/request-surveys/${tokenA}`, { obstacles: '', wouldHelp: 'x'.repeat(2001), confidence: 7, cause: 'luck' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['cause', 'confidence', 'obstacles', 'wouldHelp']);
    const answered = await anonymous().post(`/api/v1/request-surveys/${tokenA}`, answers(2, 'unclear_procedure', 'Three guides say three things.', 'One procedure on one page.'));
    expect(answered.status, answered.text).toBe(201);
    const twice = await anonymous().post(`/api/v1/request-surveys/${tokenA}`, answers(5, null, 'x', 'y'));
    expect(twice.status).toBe(409);
    expect(twice.body.detail).toContain('answered already');
    expect((await anonymous().get(`/api/v1/request-surveys/${tokenA}`)).body.state).toBe('answered');
    await anonymous().post(`/api/v1/request-surveys/${await tokenOf(request.id, p.agentB.id)}`, answers(4, 'tools_resources', 'The ticket tool loses my notes.', 'A field for what was tried.'));

    const unknown = await anonymous().get(`/api/v1/request-surveys/${'A'.repeat(43)}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.detail).toContain('not known');
    expect((await anonymous().get('/api/v1/request-surveys/short')).status).toBe(400);

    // Three weeks later, the link of whoever did not answer is closed.
    s.clock.advance(22 * 86_400_000);
    const late = await anonymous().post(`/api/v1/request-surveys/${await tokenOf(request.id, p.agentC.id)}`, answers(3, null, 'Late.', 'Late.'));
    expect(late.status).toBe(409);
    expect(late.body.detail).toContain('closed');

    const seen = await c.consultant.get(`/api/v1/requests/${request.id}`);
    expect(seen.body.twoVoices.learners).toMatchObject({
      invited: 3,
      answered: 2,
      confidence: { mean: 3, counts: [0, 1, 0, 1, 0] },
      causes: expect.arrayContaining([{ cause: 'unclear_procedure', count: 1 }, { cause: 'tools_resources', count: 1 }]),
      obstacles: ['The ticket tool loses my notes.', 'Three guides say three things.'],
    });
    // The requester (often the learners' manager) reads the reconciliation, never their people's words.
    expect((await c.supervisor.get(`/api/v1/requests/${request.id}`)).body.twoVoices).toMatchObject({ learners: null, canSurvey: false });

    const noNote = await c.consultant.put(`/api/v1/requests/${request.id}/reconciliation`, { revision: diagnosed.body.revision, reconciliation: ' ' });
    expect(noNote.body.errors).toEqual([expect.objectContaining({ field: 'reconciliation' })]);
    const reconciled = await c.consultant.put(`/api/v1/requests/${request.id}/reconciliation`, {
      revision: diagnosed.body.revision,
      stakeholderWants: 'A two-day customer service course for the whole call team.',
      reconciliation: 'The supervisor asks for a course; the agents say the escalation guides contradict each other and the tool loses notes. Both want callers served once: the procedure comes first.',
    });
    expect(reconciled.status, reconciled.text).toBe(200);
    const read = await c.supervisor.get(`/api/v1/requests/${request.id}`);
    expect(read.body.twoVoices).toMatchObject({ stakeholderWants: 'A two-day customer service course for the whole call team.', reconciliation: expect.stringContaining('the procedure comes first') });
    expect((await c.consultant.put(`/api/v1/requests/${request.id}/reconciliation`, { revision: diagnosed.body.revision, reconciliation: 'Stale.' })).status).toBe(409);
  });
});
