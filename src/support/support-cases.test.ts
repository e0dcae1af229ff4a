import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { createPerson, type TestPerson } from '../../tests/support/factories';
import { createTestStride, type TestStride } from '../../tests/support/test-stride';
import type { TestClient } from '../../tests/support/test-client';
import { mailText, publishedCourse } from '../../tests/support/enrolment-factories';
import { auditLog } from '../platform/audit/schema';
import { courseObjectives } from '../catalog/schema';
import { enrolments } from '../enrolment/schema';
import { openSupportCase } from './open-support-case';

let s: TestStride;
const p = {} as Record<'learner' | 'supervisor' | 'other' | 'coordinator' | 'lead' | 'consultant', TestPerson>;
const c = {} as Record<keyof typeof p, TestClient>;
let courseId: string;
let objectives: string[];
const reason = 'The tool she needs arrives in March; until then practice would not stick, so we wait and check in.';

beforeAll(async () => {
  s = await createTestStride();
  p.supervisor = await createPerson(s.db, { name: 'Sam Supervisor' });
  p.learner = await createPerson(s.db, { name: 'Lena Learner', managerId: p.supervisor.id });
  p.other = await createPerson(s.db, { name: 'Ari Other' });
  p.coordinator = await createPerson(s.db, { name: 'Cora Coordinator', roles: ['coordinator'] });
  p.lead = await createPerson(s.db, { name: 'Uma Unitlead', roles: ['unit_lead'] });
  p.consultant = await createPerson(s.db, { name: 'Cyd Consultant', roles: ['consultant'] });
  for (const key of Object.keys(p) as (keyof typeof p)[]) c[key] = await s.signInAs(p[key]);
  courseId = await publishedCourse(c.coordinator, p.coordinator.id);
  objectives = (await s.db.select({ id: courseObjectives.id }).from(courseObjectives).where(eq(courseObjectives.courseId, courseId)).orderBy(asc(courseObjectives.position))).map((o) => o.id);
});
afterAll(() => s.close());

/** A completed enrolment of the learner on a course of its own (AF-1 has run). */
async function completedEnrolment(personId = p.learner.id, state: 'completed' | 'confirmed' = 'completed'): Promise<{ enrolmentId: string; objectiveIds: string[] }> {
  const course = await publishedCourse(c.coordinator, p.coordinator.id, { format: 'e-learning', durationMinutes: 60 });
  const ids = (await s.db.select({ id: courseObjectives.id }).from(courseObjectives).where(eq(courseObjectives.courseId, course)).orderBy(asc(courseObjectives.position))).map((o) => o.id);
  const now = s.clock.now();
  const [row] = await s.db
    .insert(enrolments)
    .values({ courseId: course, personId, state, origin: 'self', appliedAt: now, confirmedAt: now, completedAt: state === 'completed' ? now : null, updatedAt: now })
    .returning({ id: enrolments.id });
  return { enrolmentId: row!.id, objectiveIds: ids };
}

/** As the follow-up does (AF-4): an answer "not met" opens or joins the enrolment's case. */
const notMet = (enrolmentId: string, objectiveIds: string[]) => s.db.transaction((tx) => openSupportCase(tx, { enrolmentId, objectiveIds, origin: 'follow_up', actorId: null, now: s.clock.now() }));

async function decidedCase(option = 'coaching'): Promise<string> {
  const e = await completedEnrolment();
  const { caseId } = await notMet(e.enrolmentId, [e.objectiveIds[0]!]);
  const res = await c.coordinator.post(`/api/v1/support-cases/${caseId}/decide`, { option, reason });
  expect(res.status, res.text).toBe(200);
  return caseId;
}

describe('AF-5 support cases', () => {
  it('AF-5 an objective not met opens a case in the queue; a second "not met" joins the same case', async () => {
    const e = await completedEnrolment();
    const first = await notMet(e.enrolmentId, [e.objectiveIds[0]!]);
    expect(first.opened).toBe(true);
    const queue = await c.coordinator.get('/api/v1/support-cases?state=open');
    expect(queue.status, queue.text).toBe(200);
    const item = queue.body.items.find((i: { id: string }) => i.id === first.caseId);
    expect(item).toMatchObject({ state: 'open', origin: 'follow_up', learner: { name: 'Lena Learner' }, owner: null, decision: null, ageDays: 0 });
    expect(item.objectivesNotMet).toEqual([expect.stringContaining('restate the problem')]);
    expect(queue.body.counts.open).toBeGreaterThanOrEqual(1);
    const byCourse = await c.coordinator.get(`/api/v1/support-cases?courseId=${item.course.id}`);
    expect(byCourse.body.items.map((i: { id: string }) => i.id)).toEqual([first.caseId]);
    expect(byCourse.body.counts).toEqual({ open: 1, in_progress: 0, closed: 0 });

    const second = await notMet(e.enrolmentId, [e.objectiveIds[1]!]);
    expect(second).toEqual({ caseId: first.caseId, opened: false });
    const byHand = await c.coordinator.post('/api/v1/support-cases', { enrolmentId: e.enrolmentId, objectiveIds: [e.objectiveIds[1]!], note: 'Her supervisor phoned about it too.' });
    expect(byHand.status, byHand.text).toBe(200);
    expect(byHand.body.id).toBe(first.caseId);
    expect(byHand.body.objectives.map((o: { id: string }) => o.id)).toEqual(e.objectiveIds);
    expect(byHand.body.events.map((ev: { type: string }) => ev.type)).toEqual(['opened', 'objectives_added', 'objectives_added']);
  });

  it('AF-5 a coordinator opens a case by hand only for a completed enrolment and its own course’s objectives', async () => {
    const unfinished = await completedEnrolment(p.other.id, 'confirmed');
    const refused = await c.coordinator.post('/api/v1/support-cases', { enrolmentId: unfinished.enrolmentId, objectiveIds: unfinished.objectiveIds });
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((f: { field: string }) => f.field)).toEqual(['enrolmentId']);
    const done = await completedEnrolment(p.other.id);
    const wrong = await c.coordinator.post('/api/v1/support-cases', { enrolmentId: done.enrolmentId, objectiveIds: [objectives[0]] });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors.map((f: { field: string }) => f.field)).toEqual(['objectiveIds.0']);
    const opened = await c.coordinator.post('/api/v1/support-cases', { enrolmentId: done.enrolmentId, objectiveIds: [done.objectiveIds[1]] });
    expect(opened.status, opened.text).toBe(201);
    expect(opened.body).toMatchObject({ state: 'open', origin: 'coordinator', learner: { name: 'Ari Other' } });
    const audits = await s.db.select().from(auditLog).where(and(eq(auditLog.entityId, opened.body.id), eq(auditLog.action, 'support_case.opened')));
    expect(audits).toHaveLength(1);
  });

  it('AF-5 "no further training" with a reason is mailed to learner and supervisor; a changed decision mails again', async () => {
    const caseId = await decidedCase('no_further_training');
    const view = (await c.coordinator.get(`/api/v1/support-cases/${caseId}`)).body;
    // A case nobody owned becomes the decider's, so someone follows the decision to its close.
    expect(view).toMatchObject({ state: 'in_progress', decision: 'no_further_training', decisionReason: reason, decidedBy: { name: 'Cora Coordinator' }, owner: { name: 'Cora Coordinator' } });
    const event = view.events.find((ev: { type: string }) => ev.type === 'decided');
    const toLearner = await mailText(s.db, `support-case:${caseId}:decided:${event.id}:learner`);
    const toSupervisor = await mailText(s.db, `support-case:${caseId}:decided:${event.id}:supervisor`);
    expect(toLearner?.to).toBe(p.learner.email);
    expect(toSupervisor?.to).toBe(p.supervisor.email);
    for (const mail of [toLearner!, toSupervisor!]) {
      expect(mail.subject).toContain('No further training');
      expect(mail.text).toContain(reason);
      expect(mail.text).toContain('What happens next');
    }
    expect(toSupervisor!.text).toContain('Lena Learner’s objectives');

    const changed = await c.lead.post(`/api/v1/support-cases/${caseId}/decide`, { option: 'diagnosis', reason: 'Her supervisor says the process changed; look at that before any training.' });
    expect(changed.status, changed.text).toBe(200);
    const second = changed.body.events.filter((ev: { type: string }) => ev.type === 'decided')[1];
    expect(second.details).toMatchObject({ option: 'diagnosis', previous: 'no_further_training', referral: 'diagnosis' });
    const again = await mailText(s.db, `support-case:${caseId}:decided:${second.id}:learner`);
    expect(again?.text).toContain('changed its decision');
    expect(again?.text).toContain('what is getting in the way');
  });

  it('RQ-3 a "diagnosis" decision opens a training request in its transaction, for the supervisor, linked both ways; deciding it again keeps the one request', async () => {
    const caseId = await decidedCase('diagnosis');
    const read = await c.coordinator.get(`/api/v1/support-cases/${caseId}`);
    expect(read.body.request).toEqual({ id: expect.any(String), reference: expect.stringMatching(/^R-\d{6}$/) });
    const decided = read.body.events.find((ev: { type: string }) => ev.type === 'decided');
    expect(decided.details).toMatchObject({ option: 'diagnosis', referral: 'diagnosis', request: read.body.request });

    const request = await c.supervisor.get(`/api/v1/requests/${read.body.request.id}`);
    expect(request.status, request.text).toBe(200);
    expect(request.body).toMatchObject({ state: 'submitted', origin: 'support_case', originId: caseId, requester: { name: 'Sam Supervisor' }, openedBy: { name: 'Cora Coordinator' }, audience: 'Lena Learner', audienceSize: 1 });
    expect(request.body.problem).toContain(reason);
    // No charter is published in this file: the value model's default rule routes it to a consultant.
    expect(request.body).toMatchObject({ triageRole: 'consultant', decisionRole: 'unit_lead' });
    // The learner reads the case and sees it was referred; the request is their supervisor's.
    expect((await c.learner.get(`/api/v1/support-cases/${caseId}`)).body.request).toEqual(read.body.request);

    const again = await c.coordinator.post(`/api/v1/support-cases/${caseId}/decide`, { option: 'diagnosis', reason: `${reason} Still the case after a talk with her supervisor.` });
    expect(again.body.request).toEqual(read.body.request);
    const otherOption = await c.coordinator.post(`/api/v1/support-cases/${caseId}/decide`, { option: 'coaching', reason });
    expect(otherOption.body.request).toEqual(read.body.request);
  });

  it('AF-5 the written reason and the option are required, field by field, and nothing changes', async () => {
    const e = await completedEnrolment();
    const { caseId } = await notMet(e.enrolmentId, [e.objectiveIds[0]!]);
    const short = await c.coordinator.post(`/api/v1/support-cases/${caseId}/decide`, { option: 'no_further_training', reason: 'Not needed.' });
    expect(short.status).toBe(400);
    expect(short.body.errors.map((f: { field: string }) => f.field)).toEqual(['reason']);
    const none = await c.coordinator.post(`/api/v1/support-cases/${caseId}/decide`, { reason });
    expect(none.body.errors.map((f: { field: string }) => f.field)).toEqual(['option']);
    const view = await c.coordinator.get(`/api/v1/support-cases/${caseId}`);
    expect(view.body).toMatchObject({ state: 'open', decision: null });
  });

  it('AF-5 closing needs a decision and an outcome; closing twice is a conflict; a closed case reopens', async () => {
    const e = await completedEnrolment();
    const { caseId } = await notMet(e.enrolmentId, [e.objectiveIds[0]!]);
    const early = await c.coordinator.post(`/api/v1/support-cases/${caseId}/close`, { outcome: 'Nothing to do.' });
    expect(early.status).toBe(409);
    await c.coordinator.post(`/api/v1/support-cases/${caseId}/decide`, { option: 'job_aid', reason });
    const noOutcome = await c.coordinator.post(`/api/v1/support-cases/${caseId}/close`, {});
    expect(noOutcome.status).toBe(400);
    expect(noOutcome.body.errors.map((f: { field: string }) => f.field)).toEqual(['outcome']);
    const closed = await c.coordinator.post(`/api/v1/support-cases/${caseId}/close`, { outcome: 'The checklist did it; she handles complaints alone now.', objectivesNowMet: true });
    expect(closed.status, closed.text).toBe(200);
    expect(closed.body).toMatchObject({ state: 'closed', closedBy: { name: 'Cora Coordinator' } });
    expect(closed.body.events.at(-1)).toMatchObject({ type: 'closed', details: { objectivesNowMet: true } });
    expect((await c.coordinator.post(`/api/v1/support-cases/${caseId}/close`, { outcome: 'Again.' })).status).toBe(409);
    expect((await c.coordinator.post(`/api/v1/support-cases/${caseId}/decide`, { option: 'coaching', reason })).status).toBe(409);
    expect((await c.coordinator.post(`/api/v1/support-cases/${caseId}/assign`, { ownerId: p.coordinator.id })).status).toBe(409);
    const reopened = await c.coordinator.post(`/api/v1/support-cases/${caseId}/reopen`, { reason: 'She is stuck again after the reorganisation.' });
    expect(reopened.status, reopened.text).toBe(200);
    expect(reopened.body).toMatchObject({ state: 'in_progress', decision: 'job_aid', outcome: null, closedAt: null });
    expect((await c.coordinator.post(`/api/v1/support-cases/${caseId}/reopen`, { reason: 'Twice over.' })).status).toBe(409);
    const actions = (await s.db.select().from(auditLog).where(eq(auditLog.entityId, caseId))).map((a) => a.action);
    expect(actions).toEqual(['support_case.decided', 'support_case.closed', 'support_case.reopened']);
  });

  it('AF-5 a case goes to a coordinator, not to a learner; "mine" filters the queue', async () => {
    const caseId = await decidedCase();
    const toLearner = await c.coordinator.post(`/api/v1/support-cases/${caseId}/assign`, { ownerId: p.learner.id });
    expect(toLearner.status).toBe(400);
    expect(toLearner.body.errors.map((f: { field: string }) => f.field)).toEqual(['ownerId']);
    const assigned = await c.coordinator.post(`/api/v1/support-cases/${caseId}/assign`, { ownerId: p.lead.id });
    expect(assigned.status, assigned.text).toBe(200);
    expect(assigned.body.owner).toEqual({ id: p.lead.id, name: 'Uma Unitlead' });
    const mine = await c.lead.get('/api/v1/support-cases?owner=me');
    expect(mine.body.items.map((i: { id: string }) => i.id)).toEqual([caseId]);
    expect(mine.body.total).toBe(1);
    // The coordinator decided it (and so owned it) until it went to the lead.
    const coordinators = (await c.coordinator.get('/api/v1/support-cases?owner=me')).body.items.map((i: { id: string }) => i.id);
    expect(coordinators.length).toBeGreaterThan(0);
    expect(coordinators).not.toContain(caseId);
  });

  it('AF-5 the learner and their supervisor read their own case without internal notes; nobody else finds it', async () => {
    const caseId = await decidedCase();
    const noted = await c.coordinator.post(`/api/v1/support-cases/${caseId}/notes`, { note: 'Internal: the team is short-staffed until May.' });
    expect(noted.status, noted.text).toBe(201);
    for (const who of ['learner', 'supervisor'] as const) {
      const res = await c[who].get(`/api/v1/support-cases/${caseId}`);
      expect(res.status, res.text).toBe(200);
      expect(res.body).toMatchObject({ canManage: false, decision: 'coaching', decisionReason: reason });
      expect(res.text).not.toContain('short-staffed');
    }
    expect((await c.coordinator.get(`/api/v1/support-cases/${caseId}`)).text).toContain('short-staffed');
    expect((await c.other.get(`/api/v1/support-cases/${caseId}`)).status).toBe(404);
    expect((await c.consultant.get(`/api/v1/support-cases/${caseId}`)).status).toBe(404);
    expect((await c.learner.post(`/api/v1/support-cases/${caseId}/close`, { outcome: 'I am fine now, thanks.' })).status).toBe(403);
    expect((await c.learner.get('/api/v1/support-cases')).status).toBe(403);
  });
});
