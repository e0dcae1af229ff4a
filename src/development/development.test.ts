import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createPerson, type TestPerson } from '../../tests/support/factories';
import { createTestStride, type TestStride } from '../../tests/support/test-stride';
import type { TestClient } from '../../tests/support/test-client';
import { courseBody } from '../../tests/support/catalog-factories';
import { mailText } from '../../tests/support/enrolment-factories';
import { escalationDiagnosis, triagedRequest } from '../../tests/support/request-factories';
import { seedDemoCharter } from '../charter/demo-charter';
import { demoDesignModel } from '../standards/demo-standards-content';
import { clocks } from '../service-levels/schema';

let s: TestStride;
const p = {} as Record<'consultant' | 'lead' | 'coordinator' | 'partner' | 'sme' | 'outsider' | 'learner' | 'requester', TestPerson>;
const c = {} as Record<keyof typeof p, TestClient>;
let courseId: string;

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex').toString('base64');
const EXE = Buffer.from('MZ\x90\x00 not really a program', 'latin1').toString('base64');

beforeAll(async () => {
  s = await createTestStride();
  p.consultant = await createPerson(s.db, { name: 'Cyd Consultant', roles: ['consultant'] });
  p.lead = await createPerson(s.db, { name: 'Uma Unitlead', roles: ['unit_lead'] });
  p.coordinator = await createPerson(s.db, { name: 'Coco Coordinator', roles: ['coordinator'] });
  p.partner = await createPerson(s.db, { name: 'Pat Partner' });
  p.sme = await createPerson(s.db, { name: 'Sam Expert' });
  p.outsider = await createPerson(s.db, { name: 'Otto Outsider' });
  p.learner = await createPerson(s.db, { name: 'Lea Learner' });
  p.requester = await createPerson(s.db, { name: 'Rae Requester' });
  for (const key of Object.keys(p) as (keyof typeof p)[]) c[key] = await s.signInAs(p[key]);
  await seedDemoCharter(s.db, s.clock, p.lead.id);
  const draft = await c.lead.put('/api/v1/standards/design-model/draft', { content: demoDesignModel, changeSummary: 'First version.' });
  expect(draft.status, draft.text).toBe(200);
  expect((await c.lead.post('/api/v1/standards/design-model/draft/publish', {})).status).toBe(201);
  const course = await c.coordinator.post('/api/v1/courses', courseBody(p.coordinator.id, { title: 'Escalating a call' }));
  expect(course.status, course.text).toBe(201);
  courseId = course.body.id;
  expect((await c.coordinator.post(`/api/v1/courses/${courseId}/publish`, { revision: 1 })).status).toBe(200);
});
afterAll(() => s.close());

async function newProject(title = 'Escalation course', size = 'medium') {
  const res = await c.consultant.post('/api/v1/development-projects', { title, size, ownerId: p.consultant.id, courseId });
  expect(res.status, res.text).toBe(201);
  return res.body;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- API bodies in tests
const stageOf = (project: { stages: any[] }, key: string) => project.stages.find((st) => st.key === key);
const at = (id: string, stageId: string, what: string) => `/api/v1/development-projects/${id}/stages/${stageId}${what ? `/${what}` : ''}`;

describe('DV-1 development projects', () => {
  it('DV-1 DV-3 a project made by hand follows the design model in force, each stage with deliverables, owner and due date; its clock runs on the size’s service level', async () => {
    const bad = await c.consultant.post('/api/v1/development-projects', { title: '', size: 'huge', ownerId: 'nobody' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['ownerId', 'size', 'title']);
    expect((await c.partner.post('/api/v1/development-projects', { title: 'Mine', size: 'small', ownerId: p.partner.id })).status).toBe(403);

    const project = await newProject('Escalation refresher', 'small');
    expect(project).toMatchObject({ state: 'started', size: 'small', designModelVersion: 1, course: { id: courseId, title: 'Escalating a call' }, canManage: true });
    expect(project.stages.map((st: { name: string }) => st.name)).toEqual(['Analysis', 'Design', 'Development', 'Pilot', 'Release']);
    expect(project.stages.map((st: { state: string }) => st.state)).toEqual(['active', 'pending', 'pending', 'pending', 'pending']);
    expect(project.stages[0]).toMatchObject({ deliverables: ['Task analysis', 'Audience profile', 'Success measures agreed with the sponsor'], owner: { name: 'Cyd Consultant' }, requiredSignOffs: ['sme', 'customer-partner'], late: false });
    expect(project.stages.at(-1).dueOn).toBe(new Date(s.clock.now().getTime() + 14 * 86_400_000).toISOString().slice(0, 10));
    const [clock] = await s.db.select().from(clocks).where(eq(clocks.subjectId, project.id));
    expect(clock).toMatchObject({ serviceLevelKey: 'development.small', stoppedAt: null });
    expect(project.clocks).toEqual([expect.objectContaining({ key: 'development.small', state: 'on_track', stoppedAt: null })]);

    const planned = await c.consultant.put(at(project.id, project.stages[0].id, ''), { ownerId: p.lead.id, dueOn: '2000-01-03' });
    expect(planned.status, planned.text).toBe(200);
    expect(planned.body.stages[0]).toMatchObject({ owner: { name: 'Uma Unitlead' }, dueOn: '2000-01-03', late: true });
    expect((await c.consultant.put(at(project.id, project.stages[0].id, ''), { ownerId: p.lead.id, dueOn: '2026-02-30' })).status).toBe(400);

    const board = await c.coordinator.get('/api/v1/development-board');
    expect(board.body.columns).toEqual(['Analysis', 'Design', 'Development', 'Pilot', 'Release', 'Released']);
    expect(board.body.cards.find((card: { id: string }) => card.id === project.id)).toMatchObject({ owner: { name: 'Cyd Consultant' }, stage: { name: 'Analysis', dueOn: '2000-01-03', late: true } });
  });

  it('DV-1 RQ-6 an accepted recommendation of a new course becomes a project with the model’s stages', async () => {
    const request = await triagedRequest(c.requester, c.lead, p.consultant.id);
    const diagnosed = await c.consultant.put(`/api/v1/requests/${request.id}/diagnosis`, { revision: request.revision, ...escalationDiagnosis });
    expect(diagnosed.status, diagnosed.text).toBe(200);
    const rec = await c.consultant.post(`/api/v1/requests/${request.id}/recommendations`, {
      summary: 'A short course on the one escalation procedure.',
      interventions: [{ kind: 'new_course', title: 'One escalation procedure, in practice', rationale: 'Agents need to practise the new hand-over.', ownerId: p.consultant.id, size: 'large' }],
    });
    expect(rec.status, rec.text).toBe(201);
    const accepted = await c.requester.post(`/api/v1/requests/${request.id}/recommendations/1/response`, { response: 'accepted' });
    expect(accepted.status, accepted.text).toBe(200);
    const projectId = accepted.body.actions[0].project.id;
    const project = await c.consultant.get(`/api/v1/development-projects/${projectId}`);
    expect(project.body).toMatchObject({ title: 'One escalation procedure, in practice', size: 'large', requestId: request.id, course: null, stages: [{ name: 'Analysis', state: 'active' }, {}, {}, {}, {}] });
  });
});

describe('DV-2 partners at every step', () => {
  it('DV-2 a partner sees only the projects they are invited to: 404 for the others, and on the board', async () => {
    const theirs = await newProject('Partner’s project');
    const other = await newProject('Someone else’s project');
    expect((await c.partner.get(`/api/v1/development-projects/${theirs.id}`)).status).toBe(404);
    const invited = await c.consultant.post(at(theirs.id, stageOf(theirs, 'design').id, 'partners'), { personId: p.partner.id, kind: 'customer-partner' });
    expect(invited.status, invited.text).toBe(200);
    expect((await c.partner.get(`/api/v1/development-projects/${theirs.id}`)).status).toBe(200);
    expect((await c.partner.get(`/api/v1/development-projects/${other.id}`)).status).toBe(404);
    expect((await c.partner.post(at(other.id, stageOf(other, 'design').id, 'comments'), { body: 'Let me in.' })).status).toBe(404);
    expect((await c.outsider.get(`/api/v1/development-projects/${theirs.id}`)).status).toBe(404);
    const board = await c.partner.get('/api/v1/development-board');
    expect(board.body.cards.map((card: { id: string }) => card.id)).toEqual([theirs.id]);
    const mail = await mailText(s.db, `development-project:${theirs.id}:stage:${stageOf(theirs, 'design').id}:invite:${p.partner.id}`);
    expect(mail).toMatchObject({ to: p.partner.email });
    expect(mail?.text).toContain(`/development/${theirs.id}`);
  });

  it('DV-2 partners comment with attachments and sign off; a stage closes only with its required sign-offs or the unit lead’s recorded override', async () => {
    const project = await newProject('Signed-off project');
    const analysis = stageOf(project, 'analysis');
    const design = stageOf(project, 'design');
    const refused = await c.consultant.post(at(project.id, analysis.id, 'close'), {});
    expect(refused.status).toBe(409);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'overrideReason', message: expect.stringContaining('subject-matter expert and customer-partner') })]);
    expect((await c.consultant.post(at(project.id, analysis.id, 'close'), { overrideReason: 'The SME is on leave.' })).status).toBe(403);
    const overridden = await c.lead.post(at(project.id, analysis.id, 'close'), { overrideReason: 'Task analysis done with the SME on site last month; sign-off to follow.' });
    expect(overridden.status, overridden.text).toBe(200);
    expect(stageOf(overridden.body, 'analysis')).toMatchObject({ state: 'closed', closedBy: { name: 'Uma Unitlead' }, overrideReason: 'Task analysis done with the SME on site last month; sign-off to follow.' });
    expect(stageOf(overridden.body, 'design').state).toBe('active');

    await c.consultant.post(at(project.id, design.id, 'partners'), { personId: p.partner.id, kind: 'customer-partner' });
    expect((await c.consultant.post(at(project.id, design.id, 'partners'), { personId: p.partner.id, kind: 'customer-partner' })).status).toBe(409);
    const exe = await c.partner.post(at(project.id, design.id, 'comments'), { body: 'A program', attachments: [{ name: 'photo.png', content: EXE }] });
    expect(exe.status).toBe(415);
    const commented = await c.partner.post(at(project.id, design.id, 'comments'), { body: 'Photo of the escalation board at the call centre.', attachments: [{ name: 'board.png', content: PNG }] });
    expect(commented.status, commented.text).toBe(200);
    const comment = stageOf(commented.body, 'design').comments[0];
    expect(comment).toMatchObject({ author: { name: 'Pat Partner' }, attachments: [{ name: 'board.png', mediaType: 'image/png' }] });
    const file = `/api/v1/development-projects/${project.id}/comments/${comment.id}/files/${comment.attachments[0].id}`;
    expect((await c.partner.get(file)).status).toBe(200);
    expect((await c.outsider.get(file)).status).toBe(404);

    expect((await c.sme.post(at(project.id, design.id, 'decision'), { decision: 'signed-off' })).status).toBe(404);
    expect((await c.partner.post(at(project.id, design.id, 'close'), {})).status).toBe(403);
    const noNote = await c.partner.post(at(project.id, design.id, 'decision'), { decision: 'changes-requested' });
    expect(noNote.body.errors).toEqual([expect.objectContaining({ field: 'note' })]);
    const changes = await c.partner.post(at(project.id, design.id, 'decision'), { decision: 'changes-requested', note: 'Step 3 is not how we do it any more.' });
    expect(stageOf(changes.body, 'design')).toMatchObject({ missingSignOffs: ['customer-partner'], partners: [{ decision: 'changes-requested' }] });
    expect((await c.consultant.post(at(project.id, design.id, 'close'), {})).status).toBe(409);
    const signed = await c.partner.post(at(project.id, design.id, 'decision'), { decision: 'signed-off', note: 'Step 3 fixed.' });
    expect(stageOf(signed.body, 'design')).toMatchObject({ missingSignOffs: [], partners: [{ person: { name: 'Pat Partner' }, decision: 'signed-off' }] });
    const closed = await c.consultant.post(at(project.id, design.id, 'close'), {});
    expect(closed.status, closed.text).toBe(200);
    expect(stageOf(closed.body, 'design')).toMatchObject({ state: 'closed', overrideReason: null });
    expect(stageOf(closed.body, 'development').state).toBe('active');

    // ST-2: the design's deliverables are checked against the design model, visible to the project's partner only.
    const checked = await c.consultant.put(`/api/v1/standards/conformance/deliverable/${design.id}`, { kind: 'design-model', version: 1, results: [{ itemId: 'dm-partner-signoff', result: 'passed' }] });
    expect(checked.status, checked.text).toBe(200);
    expect(checked.body).toMatchObject({ subjectLabel: 'Signed-off project: Design deliverables' });
    expect((await c.partner.get(`/api/v1/standards/conformance/deliverable/${design.id}`)).status).toBe(200);
    expect((await c.outsider.get(`/api/v1/standards/conformance/deliverable/${design.id}`)).status).toBe(404);
  });
});

describe('DV-1 release', () => {
  it('DV-1 DV-3 closing the last stage releases: the course takes the objectives as a released revision and the development clock stops', async () => {
    const project = await newProject('Release me', 'small');
    const close = (key: string, body: Record<string, unknown> = { overrideReason: 'Reviewed in the steering meeting.' }) => c.lead.post(at(project.id, stageOf(project, key).id, 'close'), body);
    for (const key of ['analysis', 'design', 'development', 'pilot']) expect((await close(key)).status).toBe(200);
    const early = await close('release', {});
    expect(early.status).toBe(409);
    expect(early.body.errors.map((e: { field: string }) => e.field)).toEqual(['objectives']);

    const plan = await c.consultant.put(`/api/v1/development-projects/${project.id}/release-plan`, {
      revision: 1,
      courseId,
      newCourse: null,
      summary: 'Escalate a call once, with the story written down.',
      objectives: ['Given a call the first line cannot solve, hand it over once with the story written in the ticket.'],
    });
    expect(plan.status, plan.text).toBe(200);
    expect((await c.consultant.put(`/api/v1/development-projects/${project.id}/release-plan`, { revision: 1, courseId, newCourse: null, summary: '', objectives: [] })).status).toBe(409);
    const released = await close('release', {});
    expect(released.status, released.text).toBe(200);
    expect(released.body).toMatchObject({ state: 'delivered', released: { courseId }, canManage: false });

    const course = await c.learner.get(`/api/v1/courses/${courseId}`);
    expect(course.body.objectives.map((o: { text: string }) => o.text)).toEqual(['Given a call the first line cannot solve, hand it over once with the story written in the ticket.']);
    expect(course.body.summary).toBe('Escalate a call once, with the story written down.');
    const history = await c.coordinator.get(`/api/v1/courses/${courseId}/revisions`);
    expect(history.body.items?.[0] ?? history.body[0]).toMatchObject({ revision: released.body.released.revision, action: 'released' });
    const [clock] = await s.db.select().from(clocks).where(eq(clocks.subjectId, project.id));
    expect(clock?.stopEvent).toBe('project.delivered');
  });

  it('DV-1 a project for a new course publishes it with its objectives', async () => {
    const res = await c.consultant.post('/api/v1/development-projects', { title: 'Second-line hand-over', size: 'small', ownerId: p.consultant.id });
    const project = res.body;
    const bad = await c.consultant.put(`/api/v1/development-projects/${project.id}/release-plan`, { revision: 1, courseId: null, newCourse: { code: 'x', format: 'nope', durationMinutes: 0, audience: '' }, summary: '', objectives: ['Too short'] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['newCourse.audience', 'newCourse.code', 'newCourse.durationMinutes', 'newCourse.format', 'objectives.0'].sort());
    await c.consultant.put(`/api/v1/development-projects/${project.id}/release-plan`, { revision: 1, courseId: null, newCourse: { code: 'SL-201', format: 'virtual', durationMinutes: 90, audience: 'Second-line agents.' }, summary: 'Take over a call in one step.', objectives: ['Take over an escalated call without asking the caller to repeat the story.'] });
    let last;
    for (const st of project.stages) last = await c.lead.post(at(project.id, st.id, 'close'), { overrideReason: 'Demo of a release.' });
    expect(last?.status, last?.text).toBe(200);
    const course = await c.learner.get(`/api/v1/courses/${last!.body.released.courseId}`);
    expect(course.body).toMatchObject({ code: 'SL-201', title: 'Second-line hand-over', status: 'published', objectives: [{ text: 'Take over an escalated call without asking the caller to repeat the story.' }] });
  });
});

describe('DV-4 problem reports', () => {
  it('DV-4 a learner reports an outdated step; it is triaged, answered to them by mail and on their report within its clock, and fixed with a course revision; recurring kinds are counted per course', async () => {
    const bad = await c.learner.post(`/api/v1/courses/${courseId}/problem-reports`, { kind: 'typo', description: 'x' });
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['description', 'kind']);
    const report = await c.learner.post(`/api/v1/courses/${courseId}/problem-reports`, { kind: 'outdated-procedure', description: 'Step 4 still says to transfer to the supervisor line, which was closed in May.' });
    expect(report.status, report.text).toBe(201);
    expect(report.body).toMatchObject({ state: 'received', course: { id: courseId }, reporter: { name: 'Lea Learner' }, canHandle: false });
    const id = report.body.id;
    const [clock] = await s.db.select().from(clocks).where(eq(clocks.subjectId, id));
    expect(clock).toMatchObject({ serviceLevelKey: 'problem-report.answered', stoppedAt: null });
    expect((await c.outsider.get(`/api/v1/problem-reports/${id}`)).status).toBe(404);
    expect((await c.learner.post(`/api/v1/problem-reports/${id}/answer`, { answer: 'Self-answered' })).status).toBe(403);
    expect((await c.consultant.post(`/api/v1/problem-reports/${id}/fix`, { revision: 1 })).status).toBe(409);

    expect((await c.consultant.post(`/api/v1/problem-reports/${id}/triage`, { ownerId: p.consultant.id })).body).toMatchObject({ state: 'triaged', owner: { name: 'Cyd Consultant' } });
    const answered = await c.consultant.post(`/api/v1/problem-reports/${id}/answer`, { answer: 'You are right: step 4 is outdated. We correct it this week; meanwhile transfer to the duty manager.' });
    expect(answered.body).toMatchObject({ state: 'answered', answeredBy: { name: 'Cyd Consultant' }, clocks: [{ key: 'problem-report.answered', state: 'met' }] });
    const [stopped] = await s.db.select().from(clocks).where(eq(clocks.subjectId, id));
    expect(stopped?.stopEvent).toBe('problem-report.answered');
    const mine = await c.learner.get('/api/v1/problem-reports/mine');
    expect(mine.body.items[0]).toMatchObject({ id, answer: expect.stringContaining('duty manager') });

    const noSuchRevision = await c.consultant.post(`/api/v1/problem-reports/${id}/fix`, { revision: 999 });
    expect(noSuchRevision.body.errors).toEqual([expect.objectContaining({ field: 'revision' })]);
    const current = await c.coordinator.get(`/api/v1/courses/${courseId}`);
    const { id: _id, status: _status, ...rest } = current.body;
    const edited = await c.coordinator.put(`/api/v1/courses/${courseId}`, {
      ...courseBody(p.coordinator.id, { title: current.body.title, summary: current.body.summary, objectives: current.body.objectives }),
      description: 'Step 4: transfer to the duty manager.',
      revision: current.body.revision,
      code: undefined,
    });
    expect(edited.status, edited.text).toBe(200);
    const fixed = await c.consultant.post(`/api/v1/problem-reports/${id}/fix`, { revision: edited.body.revision, note: 'Step 4 now names the duty manager.' });
    expect(fixed.body).toMatchObject({ state: 'fixed', fixedRevision: edited.body.revision });
    const mail = await mailText(s.db, `problem-report:${id}:fixed`);
    expect(mail).toMatchObject({ to: p.learner.email });
    expect(mail?.text).toContain(`revision ${edited.body.revision}`);

    await c.outsider.post(`/api/v1/courses/${courseId}/problem-reports`, { kind: 'outdated-procedure', description: 'The escalation number on page 2 is the old one.' });
    await c.outsider.post(`/api/v1/courses/${courseId}/problem-reports`, { kind: 'question', description: 'Does this apply to the night shift too?' });
    const summary = await c.coordinator.get(`/api/v1/courses/${courseId}/problem-reports`);
    expect(summary.body.byKind).toEqual([
      { kind: 'outdated-procedure', total: 2, open: 1 },
      { kind: 'question', total: 1, open: 1 },
    ]);
    expect((await c.learner.get(`/api/v1/courses/${courseId}/problem-reports`)).status).toBe(403);
  });
});
