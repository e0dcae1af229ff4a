import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createPerson, type TestPerson } from '../../tests/support/factories';
import { createTestStride, type TestStride } from '../../tests/support/test-stride';
import type { TestClient } from '../../tests/support/test-client';
import { escalationDiagnosis, triagedRequest } from '../../tests/support/request-factories';
import { mailText, publishedCourse, scheduledSession } from '../../tests/support/enrolment-factories';
import { seedDemoCharter } from '../charter/demo-charter';
import { clocks } from '../service-levels/schema';

let s: TestStride;
const p = {} as Record<'supervisor' | 'consultant' | 'lead' | 'opsManager' | 'designer', TestPerson>;
const c = {} as Record<keyof typeof p, TestClient>;

beforeAll(async () => {
  s = await createTestStride();
  p.supervisor = await createPerson(s.db, { name: 'Sue Supervisor' });
  p.consultant = await createPerson(s.db, { name: 'Cyd Consultant', roles: ['consultant'] });
  p.lead = await createPerson(s.db, { name: 'Uma Unitlead', roles: ['unit_lead'] });
  p.opsManager = await createPerson(s.db, { name: 'Omar Opsmanager' });
  p.designer = await createPerson(s.db, { name: 'Dee Designer', roles: ['consultant'] });
  for (const key of Object.keys(p) as (keyof typeof p)[]) c[key] = await s.signInAs(p[key]);
  await seedDemoCharter(s.db, s.clock, p.lead.id);
});
afterAll(() => s.close());

async function diagnosed() {
  const request = await triagedRequest(c.supervisor, c.lead, p.consultant.id);
  const res = await c.consultant.put(`/api/v1/requests/${request.id}/diagnosis`, { revision: request.revision, ...escalationDiagnosis });
  expect(res.status, res.text).toBe(200);
  return res.body;
}

const explanation =
  'Your agents know how to serve callers; what passes callers around is that three escalation guides disagree and the ticket tool cannot carry what was already tried. A course would teach a procedure that does not exist yet. Instead: one escalation procedure, and a one-page job aid at every desk.';
const procedureAndJobAid = () => ({
  summary: 'One escalation procedure for the call team, and a job aid at every desk. No course.',
  explanation,
  interventions: [
    { kind: 'procedure_change', title: 'One escalation procedure', rationale: 'The three guides disagree: the main cause.', ownerId: p.opsManager.id },
    { kind: 'job_aid', title: 'Escalation job aid', rationale: 'Agents need the steps at hand during a call.', ownerId: p.designer.id },
  ],
});

describe('RQ-5 recommendation', () => {
  it('RQ-5 no recommendation before a diagnosis; where training is not the answer, an explanation is required field by field', async () => {
    const request = await triagedRequest(c.supervisor, c.lead, p.consultant.id);
    expect((await c.consultant.post(`/api/v1/requests/${request.id}/recommendations`, procedureAndJobAid())).status).toBe(409);
    const d = await diagnosed();
    const bad = await c.consultant.post(`/api/v1/requests/${d.id}/recommendations`, {
      summary: '',
      explanation: 'Too short.',
      interventions: [
        { kind: 'existing_course', title: 'Call handling', rationale: 'x', ownerId: p.designer.id },
        { kind: 'new_course', title: 'Escalation course', rationale: 'y', ownerId: p.designer.id },
        { kind: 'no_intervention', title: 'Nothing', rationale: 'z', ownerId: '00000000-0000-4000-8000-000000000000' },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['explanation', 'interventions.0.courseId', 'interventions.1.size', 'interventions.2.kind', 'summary'].sort());
    const unknownOwner = await c.consultant.post(`/api/v1/requests/${d.id}/recommendations`, { ...procedureAndJobAid(), interventions: [{ kind: 'coaching', title: 'Coaching', rationale: 'Floor coaching.', ownerId: '00000000-0000-4000-8000-000000000000' }] });
    expect(unknownOwner.body.errors).toEqual([expect.objectContaining({ field: 'interventions.0.ownerId' })]);
    expect((await c.supervisor.post(`/api/v1/requests/${d.id}/recommendations`, procedureAndJobAid())).status).toBe(403);
  });

  it('RQ-5 RQ-6 the requester reads the explanation, discusses, the consultant revises as a new version, the requester accepts; accepted interventions become tracked items followed to their end', async () => {
    const d = await diagnosed();
    const first = await c.consultant.post(`/api/v1/requests/${d.id}/recommendations`, { ...procedureAndJobAid(), interventions: [procedureAndJobAid().interventions[0]] });
    expect(first.status, first.text).toBe(201);
    expect(first.body).toMatchObject({ state: 'recommended', recommendations: [{ version: 1, nonTraining: true, explanation, response: null }] });
    const mail = await mailText(s.db, `training-request:${d.id}:recommended:1`);
    expect(mail?.to).toBe(p.supervisor.email);
    expect(mail?.text).toContain('three escalation guides disagree');

    const read = await c.supervisor.get(`/api/v1/requests/${d.id}`);
    expect(read.body).toMatchObject({ canRespond: true, diagnosis: { dominant: ['unclear_procedure'] } });
    const noNote = await c.supervisor.post(`/api/v1/requests/${d.id}/recommendations/1/response`, { response: 'discuss' });
    expect(noNote.body.errors).toEqual([expect.objectContaining({ field: 'note' })]);
    const discuss = await c.supervisor.post(`/api/v1/requests/${d.id}/recommendations/1/response`, { response: 'discuss', note: 'New agents also need the steps at their desk.' });
    expect(discuss.body).toMatchObject({ state: 'discussing', recommendations: [{ response: 'discuss', respondedBy: { name: 'Sue Supervisor' } }] });
    expect((await mailText(s.db, `training-request:${d.id}:response:1`))?.to).toBe(p.consultant.email);

    const revised = await c.consultant.post(`/api/v1/requests/${d.id}/recommendations`, procedureAndJobAid());
    expect(revised.body.recommendations.map((r: { version: number }) => r.version)).toEqual([1, 2]);
    expect((await c.supervisor.post(`/api/v1/requests/${d.id}/recommendations/1/response`, { response: 'accepted' })).status).toBe(409);
    expect((await c.consultant.post(`/api/v1/requests/${d.id}/recommendations/2/response`, { response: 'accepted' })).status).toBe(403);
    const accepted = await c.supervisor.post(`/api/v1/requests/${d.id}/recommendations/2/response`, { response: 'accepted' });
    expect(accepted.status, accepted.text).toBe(200);
    expect(accepted.body).toMatchObject({ state: 'accepted', acceptedAt: expect.any(String), canRespond: false });
    expect(accepted.body.actions).toEqual([
      expect.objectContaining({ kind: 'referral', intervention: { kind: 'procedure_change', title: 'One escalation procedure' }, owner: { id: p.opsManager.id, name: 'Omar Opsmanager' }, state: 'open' }),
      expect.objectContaining({ kind: 'referral', intervention: { kind: 'job_aid', title: 'Escalation job aid' }, owner: { id: p.designer.id, name: 'Dee Designer' }, state: 'open' }),
    ]);
    expect((await mailText(s.db, `training-request:${d.id}:action:2:0`))?.to).toBe(p.opsManager.email);

    const [procedure, jobAid] = accepted.body.actions;
    const byDesigner = await c.designer.post(`/api/v1/requests/${d.id}/actions/${jobAid.id}/close`, { state: 'done', outcome: 'The job aid is at every desk since Monday.' });
    expect(byDesigner.status, byDesigner.text).toBe(200);
    expect(byDesigner.body.state).toBe('accepted');
    expect((await c.designer.post(`/api/v1/requests/${d.id}/actions/${procedure.id}/close`, { state: 'done', outcome: 'Not mine.' })).status).toBe(403);
    const bad = await c.consultant.post(`/api/v1/requests/${d.id}/actions/${procedure.id}/close`, { state: 'finished', outcome: '' });
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['outcome', 'state']);
    const last = await c.consultant.post(`/api/v1/requests/${d.id}/actions/${procedure.id}/close`, { state: 'done', outcome: 'One procedure published; transfers per call down from 1.6 to 1.1.' });
    expect(last.body).toMatchObject({ state: 'closed', closedAt: expect.any(String) });
    expect(last.body.actions.map((a: { state: string }) => a.state)).toEqual(['done', 'done']);
  });

  it('RQ-6 an accepted new course becomes a development project with its clock; "no intervention" closes the request at once', async () => {
    const d = await diagnosed();
    await c.consultant.post(`/api/v1/requests/${d.id}/recommendations`, {
      summary: 'A short course on questioning for new agents, after the procedure.',
      explanation,
      interventions: [
        { kind: 'new_course', title: 'Questioning for new agents', rationale: 'Two of twelve calls showed a gap.', ownerId: p.designer.id, size: 'small' },
        { kind: 'procedure_change', title: 'One escalation procedure', rationale: 'The main cause.', ownerId: p.opsManager.id },
      ],
    });
    const accepted = await c.supervisor.post(`/api/v1/requests/${d.id}/recommendations/1/response`, { response: 'accepted', note: 'Agreed.' });
    const project = accepted.body.actions[0];
    expect(project).toMatchObject({ kind: 'project', project: { title: 'Questioning for new agents', size: 'small', state: 'started' } });
    const read = await c.lead.get(`/api/v1/development-projects/${project.project.id}`);
    expect(read.body).toMatchObject({ requestId: d.id, owner: { name: 'Dee Designer' }, state: 'started' });
    // The charter's small-project development clock runs from the acceptance and stops on delivery.
    const clockOf = async () => (await s.db.select().from(clocks).where(and(eq(clocks.subjectType, 'development-project'), eq(clocks.subjectId, project.project.id))))[0];
    expect(await clockOf()).toMatchObject({ stoppedAt: null, ownerId: p.designer.id });
    const ended = await c.designer.post(`/api/v1/development-projects/${project.project.id}/end`, { state: 'delivered' });
    expect(ended.body).toMatchObject({ state: 'delivered', endedAt: expect.any(String) });
    expect((await clockOf())?.stoppedAt).toBeInstanceOf(Date);

    const none = await diagnosed();
    await c.consultant.post(`/api/v1/requests/${none.id}/recommendations`, { summary: 'Nothing to do: the new tool in March removes the cause.', explanation, interventions: [{ kind: 'no_intervention', title: 'Wait for the new tool', rationale: 'The tool fixes the hand-over.', ownerId: p.consultant.id }] });
    const closed = await c.supervisor.post(`/api/v1/requests/${none.id}/recommendations/1/response`, { response: 'accepted' });
    expect(closed.body).toMatchObject({ state: 'closed', actions: [] });
  });

  it('RQ-6 an accepted existing course enrols the chosen people in one of its sessions through the enrolment rules, visible from the request', async () => {
    const courseId = await publishedCourse(c.lead, p.lead.id, { code: 'CALL-101', title: 'Call handling basics' });
    const sessionId = await scheduledSession(c.lead, courseId, s.clock.now(), { capacity: 1, approvalMode: 'supervisor' });
    const otherCourse = await publishedCourse(c.lead, p.lead.id, { code: 'SALES-1', title: 'Selling' });
    const otherSession = await scheduledSession(c.lead, otherCourse, s.clock.now());
    const d = await diagnosed();
    await c.consultant.post(`/api/v1/requests/${d.id}/recommendations`, {
      summary: 'New agents take the call-handling course; the procedure is fixed too.',
      explanation,
      interventions: [
        { kind: 'existing_course', title: 'Call handling basics for new agents', rationale: 'Two of twelve calls showed a gap.', ownerId: p.consultant.id, courseId },
        { kind: 'procedure_change', title: 'One escalation procedure', rationale: 'The main cause.', ownerId: p.opsManager.id },
      ],
    });
    const accepted = await c.supervisor.post(`/api/v1/requests/${d.id}/recommendations/1/response`, { response: 'accepted' });
    const item = accepted.body.actions[0];
    expect(item).toMatchObject({ kind: 'enrolments', course: { id: courseId, code: 'CALL-101' }, enrolments: [] });
    const at = `/api/v1/requests/${d.id}/actions/${item.id}/enrolments`;

    const bad = await c.consultant.post(at, { sessionId: 'x', personIds: [] });
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['personIds', 'sessionId']);
    expect((await c.consultant.post(at, { sessionId: otherSession, personIds: [p.opsManager.id] })).body.errors).toEqual([expect.objectContaining({ field: 'sessionId' })]);
    expect((await c.supervisor.post(at, { sessionId, personIds: [p.opsManager.id] })).status).toBe(403);
    const procedureItem = accepted.body.actions[1];
    expect((await c.consultant.post(`/api/v1/requests/${d.id}/actions/${procedureItem.id}/enrolments`, { sessionId, personIds: [p.opsManager.id] })).status).toBe(409);

    // One seat: the first is confirmed (the requester's acceptance stands for the approval), the second waits.
    const enrolled = await c.consultant.post(at, { sessionId, personIds: [p.opsManager.id, p.supervisor.id], note: 'New agents first.' });
    expect(enrolled.status, enrolled.text).toBe(201);
    expect(enrolled.body.actions[0].enrolments).toEqual([
      { id: expect.any(String), person: { id: p.opsManager.id, name: 'Omar Opsmanager' }, state: 'confirmed' },
      { id: expect.any(String), person: { id: p.supervisor.id, name: 'Sue Supervisor' }, state: 'waitlisted' },
    ]);
    // Someone already placed is a field error, and nothing of the call is kept.
    const twice = await c.consultant.post(at, { sessionId, personIds: [p.designer.id, p.opsManager.id] });
    expect(twice.status).toBe(400);
    expect(twice.body.errors).toEqual([expect.objectContaining({ field: 'personIds.1', message: expect.stringContaining('already has a place') })]);
    const read = await c.supervisor.get(`/api/v1/requests/${d.id}`);
    expect(read.body.actions[0].enrolments).toHaveLength(2);
  });
});
