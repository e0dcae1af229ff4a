import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createBusinessUnit, createPerson, type TestPerson } from '../../tests/support/factories';
import { createTestStride, type TestStride } from '../../tests/support/test-stride';
import type { TestClient } from '../../tests/support/test-client';
import { auditLog } from '../platform/audit/schema';
import { workshops } from './schema';
import type { SaveWorkshopInput, WorkshopView } from './workshop-schemas';

let s: TestStride;
const p = {} as Record<'consultant' | 'lead' | 'coordinator' | 'agent' | 'supervisor' | 'outsider', TestPerson>;
const c = {} as Record<keyof typeof p, TestClient>;
let unitId: string;

beforeAll(async () => {
  s = await createTestStride();
  unitId = (await createBusinessUnit(s.db, { name: 'Customer Contact Centre' })).id;
  p.consultant = await createPerson(s.db, { name: 'Cyd Consultant', roles: ['consultant'] });
  p.lead = await createPerson(s.db, { name: 'Uma Unitlead', roles: ['unit_lead'] });
  p.coordinator = await createPerson(s.db, { name: 'Cora Coordinator', roles: ['coordinator'] });
  p.supervisor = await createPerson(s.db, { name: 'Sam Supervisor', businessUnitId: unitId, jobTitle: 'Team supervisor' });
  p.agent = await createPerson(s.db, { name: 'Ada Agent', businessUnitId: unitId, managerId: p.supervisor.id, jobTitle: 'Call agent' });
  p.outsider = await createPerson(s.db, { name: 'Otto Outsider' });
  for (const key of Object.keys(p) as (keyof typeof p)[]) c[key] = await s.signInAs(p[key]);
});
afterAll(() => s.close());

async function newWorkshop(title = 'Calling the contact centre'): Promise<WorkshopView> {
  const res = await c.consultant.post('/api/v1/workshops', { title, businessUnitId: unitId, process: null, purpose: '', heldOn: '2026-11-12', facilitatorId: p.consultant.id });
  expect(res.status, res.text).toBe(201);
  return res.body;
}

/** The editor's whole-workshop save, from the view it holds plus the changes. */
function saveBody(w: WorkshopView, changes: Partial<SaveWorkshopInput> = {}): SaveWorkshopInput {
  const index = (momentId: string | null) => (momentId ? w.moments.findIndex((m) => m.id === momentId) : null);
  return {
    revision: w.revision,
    title: w.title,
    businessUnitId: w.businessUnit?.id ?? null,
    process: w.process,
    purpose: w.purpose,
    heldOn: w.heldOn,
    facilitatorId: w.facilitator.id,
    participants: w.participants.map((x) => ({ personId: x.person.id, contribution: x.contribution })),
    moments: w.moments.map((m) => ({ ...m })),
    opportunities: w.opportunities.map((o) => ({ id: o.id, moment: index(o.momentId), kind: o.kind, description: o.description })),
    stories: w.stories.map((x) => ({ id: x.id, moment: index(x.momentId), story: x.story, toldBy: x.toldBy })),
    ...changes,
  };
}

const moment = (name: string, now = '', should = '') => ({ name, happensNow: now, shouldHappen: should, standardsNow: '', standardsNeeded: '', nonValueAdded: '' });

async function save(w: WorkshopView, changes: Partial<SaveWorkshopInput>): Promise<WorkshopView> {
  const res = await c.consultant.put(`/api/v1/workshops/${w.id}`, saveBody(w, changes));
  expect(res.status, res.text).toBe(200);
  return res.body;
}
const move = (w: WorkshopView, step: string, client = c.consultant) => client.post(`/api/v1/workshops/${w.id}/step`, { revision: w.revision, step });

describe('CX customer experience workshop', () => {
  it('CX-1 maps the business unit’s moments of truth in the order the customer lives them, and keeps their ids through a reorder', async () => {
    let w = await newWorkshop();
    expect(w).toMatchObject({ step: 'prepare', revision: 1, businessUnit: { name: 'Customer Contact Centre' }, canEdit: true });
    w = await save(w, { moments: [moment('The customer calls'), moment('Waiting in the queue'), moment('The agent answers')] });
    expect(w.moments.map((m) => m.name)).toEqual(['The customer calls', 'Waiting in the queue', 'The agent answers']);
    const [call, queue, answer] = w.moments;
    w = await save(w, { moments: [answer!, call!, queue!] });
    expect(w.moments.map((m) => m.id)).toEqual([answer!.id, call!.id, queue!.id]);
    expect(w.revision).toBe(3);
  });

  it('CX-2 records for each moment what happens now, what should happen, standards and measures present or needed, and non-value-added activities', async () => {
    let w = await newWorkshop();
    w = await save(w, {
      moments: [
        {
          name: 'Escalating a complaint',
          happensNow: 'The agent puts the caller on hold and walks to find a supervisor.',
          shouldHappen: 'The agent knows when and to whom to escalate and says so to the caller.',
          standardsNow: 'None written; average hold 6 minutes.',
          standardsNeeded: 'An escalation procedure; hold under 2 minutes, measured weekly.',
          nonValueAdded: 'Walking the floor to find a supervisor; retelling the case twice.',
        },
      ],
    });
    expect(w.moments[0]).toMatchObject({ standardsNow: 'None written; average hold 6 minutes.', nonValueAdded: expect.stringContaining('retelling the case twice') });
  });

  it('CX-3 harvests opportunities (training or not) and stories at a moment, and the organization’s own words into the glossary', async () => {
    let w = await newWorkshop();
    w = await save(w, {
      moments: [moment('Escalating a complaint')],
      opportunities: [
        { moment: 0, kind: 'procedure', description: 'Write the escalation procedure: when, to whom, what to tell the caller.' },
        { moment: 0, kind: 'training', description: 'Practise the escalation conversation with new agents.' },
        { moment: null, kind: 'tools', description: 'A supervisor-on-duty light on the floor.' },
      ],
      stories: [{ moment: 0, story: 'A caller hung up after twelve minutes on hold and wrote to the CEO.', toldBy: 'An agent of six years' }],
    });
    expect(w.opportunities.map((o) => o.kind)).toEqual(['procedure', 'training', 'tools']);
    expect(w.opportunities[0]!.momentId).toBe(w.moments[0]!.id);
    expect(w.opportunities[2]!.momentId).toBeNull();
    expect(w.stories[0]).toMatchObject({ momentId: w.moments[0]!.id, toldBy: 'An agent of six years' });

    const word = await c.consultant.post(`/api/v1/workshops/${w.id}/words`, { term: 'Hot transfer', definition: 'Passing a caller to a colleague while staying on the line to introduce the case.', example: 'Do a hot transfer, never a cold one.' });
    expect(word.status, word.text).toBe(201);
    expect(word.body.words).toEqual([expect.objectContaining({ term: 'Hot transfer', origin: 'workshop', originNote: expect.stringContaining(w.title) })]);
    // The same word heard in another workshop links the one entry, its meaning left alone.
    const other = await newWorkshop('Billing questions');
    const again = await c.consultant.post(`/api/v1/workshops/${other.id}/words`, { term: 'hot TRANSFER', definition: 'Something else.' });
    expect(again.status, again.text).toBe(201);
    expect(again.body.words).toEqual([expect.objectContaining({ term: 'Hot transfer', definition: expect.stringContaining('staying on the line') })]);
    const glossary = await c.agent.get('/api/v1/glossary?q=hot');
    expect(glossary.body.terms.map((t: { term: string }) => t.term)).toEqual(['Hot transfer']);
    const [audit] = await s.db.select().from(auditLog).where(eq(auditLog.action, 'glossary_term.added'));
    expect(audit).toMatchObject({ entity: 'glossary_term' });
  });

  it('CX-1..4 the guided process moves forward only when each step passed is complete, and says field by field what is missing', async () => {
    let w = await newWorkshop();
    expect(w.gaps.prepare.map((g) => g.field)).toEqual(['purpose', 'participants']);
    const early = await move(w, 'analyse');
    expect(early.status).toBe(400);
    expect(early.body.errors.map((e: { field: string }) => e.field)).toEqual(['purpose', 'participants', 'moments']);
    w = await save(w, {
      purpose: 'The contact centre asked for customer service training after complaints about transfers.',
      participants: [
        { personId: p.agent.id, contribution: 'Answers calls' },
        { personId: p.supervisor.id, contribution: 'Takes escalations' },
      ],
      moments: [moment('The agent answers', 'Greets by script.')],
    });
    const toHarvest = await move(w, 'harvest');
    expect(toHarvest.status).toBe(400);
    expect(toHarvest.body.errors).toEqual([{ field: 'moments.0.shouldHappen', message: 'Say what should happen at “The agent answers”.' }]);
    w = await save(w, { moments: [{ ...w.moments[0]!, shouldHappen: 'Greets by name and owns the call.' }] });
    const toAnalyse = await move(w, 'analyse');
    expect(toAnalyse.status, toAnalyse.text).toBe(200);
    expect(toAnalyse.body.step).toBe('analyse');
    w = toAnalyse.body;
    // Back is always possible before the end.
    const back = await move(w, 'map');
    expect(back.body.step).toBe('map');
    w = await save(back.body, { opportunities: [{ moment: 0, kind: 'role', description: 'Say who owns a call once answered.' }] });
    const done = await move(w, 'done');
    expect(done.status, done.text).toBe(200);
    expect(done.body).toMatchObject({ step: 'done', canEdit: false, canRun: true, finishedAt: expect.any(String) });
    const late = await c.consultant.put(`/api/v1/workshops/${w.id}`, saveBody(done.body, { title: 'Changed afterwards' }));
    expect(late.status).toBe(409);
    const [audit] = await s.db.select().from(auditLog).where(eq(auditLog.action, 'workshop.finished'));
    expect(audit).toMatchObject({ entityId: w.id, before: { step: 'map' } });
  });

  it('CX-1 a save on an older revision is refused with the workshop as it is now, nothing of it applied', async () => {
    const w = await newWorkshop();
    await save(w, { moments: [moment('First')] });
    const stale = await c.consultant.put(`/api/v1/workshops/${w.id}`, saveBody(w, { moments: [moment('Other')] }));
    expect(stale.status).toBe(409);
    expect(stale.body.current.moments.map((m: { name: string }) => m.name)).toEqual(['First']);
    expect(stale.body.errors[0].field).toBe('revision');
  });

  it('CX-1 bad input gets field-level messages and nothing is half-saved', async () => {
    const created = await c.consultant.post('/api/v1/workshops', { title: ' ', businessUnitId: null, process: null, purpose: '', heldOn: '2026-02-30', facilitatorId: 'nope' });
    expect(created.status).toBe(400);
    expect(created.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['businessUnitId', 'facilitatorId', 'heldOn', 'title']);
    const w = await newWorkshop();
    const bad = await c.consultant.put(
      `/api/v1/workshops/${w.id}`,
      saveBody(w, {
        participants: [{ personId: p.agent.id, contribution: '' }, { personId: p.agent.id, contribution: '' }],
        moments: [moment('One'), { ...moment('Two'), id: '00000000-0000-4000-8000-000000000000' }],
        opportunities: [{ moment: 5, kind: 'procedure', description: 'x' }],
      }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['participants.1.personId', 'moments.1.id', 'opportunities.0.moment']);
    const after = await c.consultant.get(`/api/v1/workshops/${w.id}`);
    expect(after.body).toMatchObject({ revision: 1, moments: [], participants: [] });
    const kind = await c.consultant.put(`/api/v1/workshops/${w.id}`, saveBody(w, { opportunities: [{ moment: null, kind: 'more_training' as never, description: 'More training' }] }));
    expect(kind.status).toBe(400);
    expect(kind.body.errors[0]).toMatchObject({ field: 'opportunities.0.kind', message: expect.stringContaining('training is one answer among many') });
  });

  it('CX-1 staff read every workshop; a participant reads the one they took part in; for others it does not exist; only runners change it', async () => {
    let w = await newWorkshop('Who reads a workshop');
    w = await save(w, { participants: [{ personId: p.agent.id, contribution: 'Answers calls' }] });
    expect((await c.agent.get(`/api/v1/workshops/${w.id}`)).body).toMatchObject({ canEdit: false, canRun: false });
    expect((await c.coordinator.get(`/api/v1/workshops/${w.id}`)).status).toBe(200);
    expect((await c.outsider.get(`/api/v1/workshops/${w.id}`)).status).toBe(404);
    const mine = await c.agent.get('/api/v1/workshops');
    expect(mine.body.map((x: { id: string }) => x.id)).toContain(w.id);
    expect((await c.outsider.get('/api/v1/workshops')).body).toEqual([]);
    expect((await c.coordinator.put(`/api/v1/workshops/${w.id}`, saveBody(w))).status).toBe(403);
    expect((await c.lead.put(`/api/v1/workshops/${w.id}`, saveBody(w))).status).toBe(200);
  });

  it('CX-4 an opportunity becomes a submitted request for the business unit in one action, once, and stays in the workshop as the request took it', async () => {
    let w = await newWorkshop('Opportunities into requests');
    w = await save(w, {
      moments: [moment('Escalating a complaint', 'The agent walks the floor to find a manager.', 'The agent knows when and to whom to escalate.')],
      opportunities: [{ moment: 0, kind: 'procedure', description: 'Write the escalation procedure.' }],
    });
    const url = `/api/v1/workshops/${w.id}/opportunities/${w.opportunities[0]!.id}/request`;
    const body = { requesterId: p.supervisor.id, audience: 'The call team', audienceSize: 24 };
    expect((await c.consultant.post(url, body)).status).toBe(409); // before the harvest
    await s.db.update(workshops).set({ step: 'harvest' }).where(eq(workshops.id, w.id));
    const bad = await c.consultant.post(url, { requesterId: '00000000-0000-4000-8000-000000000000', audience: '', audienceSize: 0 });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['audience', 'audienceSize']);
    const nobody = await c.consultant.post(url, { ...body, requesterId: '00000000-0000-4000-8000-000000000000' });
    expect(nobody.body.errors).toEqual([{ field: 'requesterId', message: expect.stringContaining('own the request') }]);

    const res = await c.consultant.post(url, body);
    expect(res.status, res.text).toBe(201);
    const requestId = res.body.opportunities[0].requestId;
    expect(requestId).toEqual(expect.any(String));
    const request = await c.supervisor.get(`/api/v1/requests/${requestId}`);
    expect(request.status, request.text).toBe(200);
    expect(request.body).toMatchObject({ state: 'submitted', origin: 'workshop', originId: w.opportunities[0]!.id, requester: { id: p.supervisor.id }, openedBy: { id: p.consultant.id }, audienceSize: 24, desiredOutcome: 'The agent knows when and to whom to escalate.' });
    expect(request.body.problem).toContain('The agent walks the floor');
    expect((await c.consultant.post(url, body)).status).toBe(409);

    const fresh: WorkshopView = res.body;
    const dropped = await c.consultant.put(`/api/v1/workshops/${w.id}`, saveBody(fresh, { opportunities: [] }));
    expect(dropped.status).toBe(400);
    expect(dropped.body.errors[0].message).toContain('became a request');
  });
});
