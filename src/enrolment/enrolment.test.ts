import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createBusinessUnit, createPerson, type TestPerson } from '../../tests/support/factories';
import { createTestStride, type TestStride } from '../../tests/support/test-stride';
import type { TestClient, TestResponse } from '../../tests/support/test-client';
import { sessionBody } from '../../tests/support/catalog-factories';
import { approvalToken, mailText, publishedCourse, scheduledSession } from '../../tests/support/enrolment-factories';
import { fingerprintDatabase, fingerprintDiff } from '../../tests/support/database-fingerprint';
import { hashToken } from '../platform/auth/tokens';
import { auditLog } from '../platform/audit/schema';
import { enrolmentApprovalTokens } from './schema';

let s: TestStride;
const p = {} as Record<'director' | 'boss' | 'learner' | 'colleague' | 'outsider' | 'otherBoss' | 'otherReport' | 'coordinator' | 'consultant' | 'instructor' | 'extra', TestPerson>;
const c = {} as Record<keyof typeof p, TestClient>;
let courseId: string;
const base = new Date('2026-03-02T12:00:00Z');

beforeAll(async () => {
  s = await createTestStride();
  const unit = await createBusinessUnit(s.db, { name: 'Customer Care' });
  p.director = await createPerson(s.db, { name: 'Dana Director', businessUnitId: unit.id });
  p.boss = await createPerson(s.db, { name: 'Sam Supervisor', businessUnitId: unit.id, managerId: p.director.id });
  p.learner = await createPerson(s.db, { name: 'Lena Learner', businessUnitId: unit.id, managerId: p.boss.id });
  p.colleague = await createPerson(s.db, { name: 'Cole Colleague', businessUnitId: unit.id, managerId: p.boss.id });
  p.outsider = await createPerson(s.db, { name: 'Ari Outsider' });
  p.otherBoss = await createPerson(s.db, { name: 'Olga Otherteam' });
  p.otherReport = await createPerson(s.db, { name: 'Otto Other', managerId: p.otherBoss.id });
  p.coordinator = await createPerson(s.db, { name: 'Cora Coordinator', roles: ['coordinator'] });
  p.consultant = await createPerson(s.db, { name: 'Cyd Consultant', roles: ['consultant'] });
  p.instructor = await createPerson(s.db, { name: 'Ivo Instructor', roles: ['instructor'] });
  p.extra = await createPerson(s.db, { name: 'Eve Extra' });
  for (const key of Object.keys(p) as (keyof typeof p)[]) c[key] = await s.signInAs(p[key]);
  // Signed in at today's clock (cookies expire by the real one); the tests then live in March 2026.
  s.clock.set(base);
  courseId = await publishedCourse(c.coordinator, p.coordinator.id);
});
afterAll(() => s.close());

const day = (offsetDays: number) => new Date(base.getTime() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** A session a week ahead (or as overridden), approval mode none unless said. */
function session(overrides: Record<string, unknown> = {}): Promise<string> {
  s.clock.set(base);
  return scheduledSession(c.coordinator, courseId, base, { approvalMode: 'none', ...overrides });
}
/** A session a month ahead: approval links (14 days) expire before it starts. */
const later = (overrides: Record<string, unknown> = {}) => session({ startsAt: `${day(30)}T09:00`, endsAt: `${day(30)}T17:00`, ...overrides });

const apply = (who: keyof typeof p, sessionId: string, body: Record<string, unknown> = {}) => c[who].post(`/api/v1/course-sessions/${sessionId}/enrolments`, body);
const nominate = (who: keyof typeof p, sessionId: string, personId: string, body: Record<string, unknown> = {}) => c[who].post(`/api/v1/course-sessions/${sessionId}/nominations`, { personId, ...body });
async function enrolled(who: keyof typeof p, sessionId: string, state: string): Promise<string> {
  const res = await apply(who, sessionId);
  expect(res.status, res.text).toBe(201);
  expect(res.body.state).toBe(state);
  return res.body.id;
}
const view = async (who: keyof typeof p, id: string) => {
  const res = await c[who].get(`/api/v1/enrolments/${id}`);
  expect(res.status, res.text).toBe(200);
  return res.body;
};
const roster = async (sessionId: string) => (await c.coordinator.get(`/api/v1/course-sessions/${sessionId}/enrolments`)).body;
const names = (list: { person: { name: string } }[]) => list.map((e) => e.person.name);

describe('CA-3 applying, the waitlist and cancellation', () => {
  it('CA-3 a learner applies in one click and is confirmed; seats count it; a confirmation is mailed', async () => {
    const id = await session({ capacity: 2 });
    const res = await apply('learner', id, { note: 'For month-end reporting.' });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({
      state: 'confirmed',
      origin: 'self',
      position: 1,
      waitlistPosition: null,
      person: { id: p.learner.id, name: 'Lena Learner' },
      appliedBy: { id: p.learner.id, name: 'Lena Learner' },
      note: 'For month-end reporting.',
      approval: null,
      course: { id: courseId, title: 'Handling Customer Complaints', format: 'classroom' },
      session: { id, status: 'scheduled', timeZone: 'America/New_York', startsLocal: `${day(7)}T09:00`, place: 'Training room 2, 100 Harbor Street, Boston' },
      seats: { capacity: 2, confirmed: 1, waitlisted: 0, pendingApproval: 0, free: 1 },
      allowed: { cancel: true, substitute: true, decide: false },
    });
    expect(res.text).not.toContain(p.learner.email);
    const mail = await mailText(s.db, `enrolment:${res.body.id}:confirmed`);
    expect(mail).toMatchObject({ to: p.learner.email, subject: 'Confirmed: Handling Customer Complaints' });
    expect(mail!.text).toContain('your place is confirmed');
    expect(mail!.text).toContain('Training room 2, 100 Harbor Street, Boston');
    expect(mail!.text).toContain('(America/New_York time)');
    expect(mail!.text).toContain('http://stride.test/my-learning');

    const seats = await c.learner.get(`/api/v1/course-sessions/${id}/seats`);
    expect(seats.body).toMatchObject({ open: false, closedReason: expect.stringContaining('already have a place'), mine: { id: res.body.id, state: 'confirmed' }, seats: { confirmed: 1, free: 1 } });
    expect((await c.colleague.get(`/api/v1/course-sessions/${id}/seats`)).body).toMatchObject({ open: true, closedReason: null, mine: null });
    const again = await apply('learner', id);
    expect(again.status).toBe(409);
    expect(again.body.detail).toMatch(/already have a place/);
  });

  it('CA-3 a full session puts the next applicants on the waitlist with their position, and mails it', async () => {
    const id = await session({ capacity: 1 });
    await enrolled('learner', id, 'confirmed');
    const second = await apply('colleague', id);
    expect(second.body).toMatchObject({ state: 'waitlisted', position: 2, waitlistPosition: 1, seats: { capacity: 1, confirmed: 1, waitlisted: 1, free: 0 } });
    const third = await apply('outsider', id);
    expect(third.body).toMatchObject({ state: 'waitlisted', position: 3, waitlistPosition: 2 });
    const mail = await mailText(s.db, `enrolment:${third.body.id}:waitlisted`);
    expect(mail!.subject).toBe('Waitlist: Handling Customer Complaints');
    expect(mail!.text).toContain('you are number 2 on its waitlist');
    expect((await c.outsider.get(`/api/v1/course-sessions/${id}/seats`)).body.mine).toMatchObject({ waitlistPosition: 2 });
  });

  it('CA-3 cancelling a confirmed place promotes the first on the waitlist, in order, and mails them', async () => {
    const id = await session({ capacity: 2 });
    const first = await enrolled('learner', id, 'confirmed');
    await enrolled('colleague', id, 'confirmed');
    const next = await enrolled('outsider', id, 'waitlisted');
    await enrolled('otherReport', id, 'waitlisted');
    await enrolled('extra', id, 'waitlisted');

    const res = await c.learner.post(`/api/v1/enrolments/${first}/cancel`, { reason: 'A customer visit that day.' });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ state: 'cancelled', cancellationReason: 'A customer visit that day.', allowed: { cancel: false } });
    const list = await roster(id);
    expect(names(list.confirmed)).toEqual(['Cole Colleague', 'Ari Outsider']);
    expect(names(list.waitlist)).toEqual(['Otto Other', 'Eve Extra']);
    expect(list.waitlist.map((e: { waitlistPosition: number }) => e.waitlistPosition)).toEqual([1, 2]);
    expect(list.seats).toEqual({ capacity: 2, confirmed: 2, waitlisted: 2, pendingApproval: 0, free: 0 });

    const promoted = await view('outsider', next);
    expect(promoted.history.map((h: { type: string; actor: unknown }) => [h.type, h.actor])).toEqual([['applied', { id: p.outsider.id, name: 'Ari Outsider' }], ['promoted', null]]);
    expect((await mailText(s.db, `enrolment:${next}:confirmed`))!.text).toContain('a seat freed up and you were next on the waitlist');
    expect((await mailText(s.db, `enrolment:${first}:cancelled`))!.text).toContain('A customer visit that day.');
    const audit = await s.db.select().from(auditLog).where(eq(auditLog.entityId, next));
    expect(audit.map((a) => a.action).sort()).toEqual(['enrolment.applied', 'enrolment.promoted']);

    expect((await c.learner.post(`/api/v1/enrolments/${first}/cancel`, {})).status).toBe(409);
  });

  it('CA-3 a waitlisted place or an application can be cancelled too, freeing no seat and promoting nobody', async () => {
    const id = await session({ capacity: 1 });
    await enrolled('learner', id, 'confirmed');
    const waiting = await enrolled('colleague', id, 'waitlisted');
    await enrolled('outsider', id, 'waitlisted');
    expect((await c.boss.post(`/api/v1/enrolments/${waiting}/cancel`, {})).body).toMatchObject({ state: 'cancelled' });
    const list = await roster(id);
    expect(names(list.confirmed)).toEqual(['Lena Learner']);
    expect(list.waitlist).toMatchObject([{ person: { name: 'Ari Outsider' }, waitlistPosition: 1 }]);
    expect((await mailText(s.db, `enrolment:${waiting}:cancelled`))!.text).toContain('(by Sam Supervisor)');
  });

  it('CA-3 a capacity lowered below the confirmed count bumps nobody and confirms nobody until under it', async () => {
    const id = await session({ capacity: 3 });
    const [a, b] = [await enrolled('learner', id, 'confirmed'), await enrolled('colleague', id, 'confirmed')];
    await enrolled('outsider', id, 'confirmed');
    await enrolled('otherReport', id, 'waitlisted');
    await enrolled('extra', id, 'waitlisted');
    const lowered = await c.coordinator.put(`/api/v1/course-sessions/${id}`, { ...sessionBody(base, { approvalMode: 'none', capacity: 2 }), sequence: 0 });
    expect(lowered.status, lowered.text).toBe(200);
    expect((await roster(id)).seats).toEqual({ capacity: 2, confirmed: 3, waitlisted: 2, pendingApproval: 0, free: 0 });
    await c.learner.post(`/api/v1/enrolments/${a}/cancel`, {});
    expect((await roster(id)).seats).toMatchObject({ confirmed: 2, waitlisted: 2 });
    await c.colleague.post(`/api/v1/enrolments/${b}/cancel`, {});
    const list = await roster(id);
    expect(list.seats).toMatchObject({ confirmed: 2, waitlisted: 1 });
    expect(names(list.confirmed)).toEqual(['Ari Outsider', 'Otto Other']);
  });

  it('CA-3 only the learner, their supervisors and coordinators cancel; others are refused and nothing changes', async () => {
    const id = await session({ instructorId: p.instructor.id });
    const mine = await enrolled('learner', id, 'confirmed');
    const before = await fingerprintDatabase(s.database);
    expect((await c.colleague.post(`/api/v1/enrolments/${mine}/cancel`, {})).status).toBe(404);
    expect((await c.otherBoss.post(`/api/v1/enrolments/${mine}/cancel`, {})).status).toBe(404);
    expect((await c.consultant.post(`/api/v1/enrolments/${mine}/cancel`, {})).status).toBe(404);
    expect((await c.instructor.post(`/api/v1/enrolments/${mine}/cancel`, {})).status).toBe(403);
    expect(fingerprintDiff(before, await fingerprintDatabase(s.database))).toEqual([]);
    expect((await c.instructor.get(`/api/v1/enrolments/${mine}`)).status).toBe(200);
    expect((await c.director.post(`/api/v1/enrolments/${mine}/cancel`, {})).body.state).toBe('cancelled');
  });

  it('CA-3 the roster is for coordinators and the session’s instructor, in arrival and waitlist order', async () => {
    const id = await session({ capacity: 1, instructorId: p.instructor.id });
    await enrolled('learner', id, 'confirmed');
    await enrolled('colleague', id, 'waitlisted');
    const seen = await c.instructor.get(`/api/v1/course-sessions/${id}/enrolments`);
    expect(seen.status, seen.text).toBe(200);
    expect(names(seen.body.confirmed)).toEqual(['Lena Learner']);
    expect(names(seen.body.waitlist)).toEqual(['Cole Colleague']);
    expect(seen.text).not.toContain(p.learner.email);
    expect((await c.learner.get(`/api/v1/course-sessions/${id}/enrolments`)).status).toBe(403);
    expect((await c.consultant.get(`/api/v1/course-sessions/${id}/enrolments`)).status).toBe(403);
  });
});

describe('CA-3 supervisor approval, by mail link or in Stride', () => {
  it('CA-3 the manager is mailed Approve and Decline links; the link shows what is decided, approves once, and refuses a second use', async () => {
    const id = await later({ approvalMode: 'supervisor' });
    const res = await apply('learner', id, { note: 'Our complaints doubled since the tariff change.' });
    expect(res.body).toMatchObject({ state: 'pending_approval', position: 1, approval: { by: 'supervisor', decidedBy: null }, seats: { confirmed: 0, pendingApproval: 1 } });
    const request = await mailText(s.db, `enrolment:${res.body.id}:approval-request`);
    expect(request).toMatchObject({ to: p.boss.email, subject: 'Approval needed: Lena Learner – Handling Customer Complaints' });
    expect(request!.text).toContain('Our complaints doubled since the tariff change.');
    expect(request!.text).toMatch(/Decline: http:\/\/stride\.test\/approvals\/[A-Za-z0-9_-]{43}\?decision=decline/);
    expect((await mailText(s.db, `enrolment:${res.body.id}:pending`))!.text).toContain('waiting for approval by Sam Supervisor');

    const token = await approvalToken(s.db, res.body.id);
    const [stored] = await s.db.select().from(enrolmentApprovalTokens).where(eq(enrolmentApprovalTokens.enrolmentId, res.body.id));
    expect(stored!.tokenHash).toBe(hashToken(token));
    expect(stored!.tokenHash).not.toContain(token);

    const anonymous = s.client();
    const shown = await anonymous.get(`/api/v1/approvals/${token}`);
    expect(shown.status, shown.text).toBe(200);
    expect(shown.body).toEqual({
      learnerName: 'Lena Learner',
      course: { code: expect.any(String), title: 'Handling Customer Complaints' },
      session: { startsAt: expect.any(String), endsAt: expect.any(String), timeZone: 'America/New_York', startsLocal: `${day(30)}T09:00`, endsLocal: `${day(30)}T17:00` },
      substitution: false,
      flags: [{ rule: 'no_answers', label: 'Questions not answered' }],
      expiresAt: new Date(base.getTime() + 14 * 86_400_000).toISOString(),
    });
    expect(shown.text).not.toContain(p.learner.email);
    expect(shown.text).not.toContain('tariff');

    const decided = await anonymous.post(`/api/v1/approvals/${token}`, { decision: 'approve', note: 'Go for it.' });
    expect(decided.status, decided.text).toBe(200);
    expect(decided.body).toMatchObject({ decision: 'approve', state: 'confirmed', learnerName: 'Lena Learner', message: expect.stringContaining('Approved') });
    expect((await mailText(s.db, `enrolment:${res.body.id}:confirmed`))!.text).toContain('Sam Supervisor approved your application');
    const seen = await view('learner', res.body.id);
    expect(seen).toMatchObject({ state: 'confirmed', approval: { by: 'supervisor', decidedBy: { id: p.boss.id, name: 'Sam Supervisor' }, note: 'Go for it.' } });
    expect(seen.history.map((h: { type: string }) => h.type)).toEqual(['applied', 'approved']);

    const twice = await anonymous.post(`/api/v1/approvals/${token}`, { decision: 'decline' });
    expect(twice.status).toBe(409);
    expect(twice.body.detail).toMatch(/already used/);
    expect((await anonymous.get(`/api/v1/approvals/${token}`)).status).toBe(409);
  });

  it('CA-3 an expired link is refused with a clear message and writes nothing; the supervisor decides in Stride instead', async () => {
    const id = await later({ approvalMode: 'supervisor' });
    const pending = await enrolled('learner', id, 'pending_approval');
    const token = await approvalToken(s.db, pending);
    s.clock.set(new Date(base.getTime() + 15 * 86_400_000));
    const before = await fingerprintDatabase(s.database);
    const shown = await s.client().get(`/api/v1/approvals/${token}`);
    expect(shown.status).toBe(409);
    expect(shown.body.detail).toMatch(/This link expired on .*2026.*Sign in to Stride to approve or decline/);
    const posted = await s.client().post(`/api/v1/approvals/${token}`, { decision: 'approve' });
    expect(posted.status).toBe(409);
    expect(posted.body.detail).toMatch(/expired/);
    expect(fingerprintDiff(before, await fingerprintDatabase(s.database))).toEqual([]);

    expect((await c.learner.post(`/api/v1/enrolments/${pending}/approval`, { decision: 'approve' })).status).toBe(403);
    expect((await c.otherBoss.post(`/api/v1/enrolments/${pending}/approval`, { decision: 'approve' })).status).toBe(404);
    const declined = await c.boss.post(`/api/v1/enrolments/${pending}/approval`, { decision: 'decline', note: 'Not this quarter: the audit.' });
    expect(declined.status, declined.text).toBe(200);
    expect(declined.body).toMatchObject({ state: 'declined', approval: { decidedBy: { name: 'Sam Supervisor' }, note: 'Not this quarter: the audit.' } });
    const mail = await mailText(s.db, `enrolment:${pending}:declined`);
    expect(mail!.subject).toBe('Not approved: Handling Customer Complaints');
    expect(mail!.text).toContain('Not this quarter: the audit.');
    expect((await c.boss.post(`/api/v1/enrolments/${pending}/approval`, { decision: 'approve' })).status).toBe(409);
    // Declined is over: the learner may apply again.
    expect((await apply('learner', id)).body.state).toBe('pending_approval');
  });

  it('CA-3 a manager declines by link with a note; the learner is told', async () => {
    const id = await later({ approvalMode: 'supervisor' });
    const pending = await enrolled('colleague', id, 'pending_approval');
    const res = await s.client().post(`/api/v1/approvals/${await approvalToken(s.db, pending)}`, { decision: 'decline', note: 'Let us talk first.' });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ decision: 'decline', state: 'declined', waitlistPosition: null });
    expect((await mailText(s.db, `enrolment:${pending}:declined`))!.text).toContain('Let us talk first.');
  });

  it('CA-3 an application approved into a full session joins the waitlist at its original position, ahead of later arrivals', async () => {
    const id = await later({ approvalMode: 'supervisor', capacity: 1 });
    const early = await enrolled('learner', id, 'pending_approval');
    const seated = (await nominate('boss', id, p.colleague.id)).body;
    expect(seated).toMatchObject({ state: 'confirmed', origin: 'supervisor', position: 2 });
    expect((await nominate('otherBoss', id, p.otherReport.id)).body).toMatchObject({ state: 'waitlisted', position: 3, waitlistPosition: 1 });
    const res = await s.client().post(`/api/v1/approvals/${await approvalToken(s.db, early)}`, { decision: 'approve' });
    expect(res.body).toMatchObject({ state: 'waitlisted', waitlistPosition: 1, message: expect.stringContaining('number 1 on the waitlist') });
    expect(names((await roster(id)).waitlist)).toEqual(['Lena Learner', 'Otto Other']);
    await c.colleague.post(`/api/v1/enrolments/${seated.id}/cancel`, {});
    expect(names((await roster(id)).confirmed)).toEqual(['Lena Learner']);
  });

  it('CA-3 a waitlist skips applications still waiting for approval', async () => {
    const id = await later({ approvalMode: 'supervisor', capacity: 1 });
    const seated = (await nominate('coordinator', id, p.extra.id)).body.id;
    await enrolled('learner', id, 'pending_approval');
    expect((await nominate('otherBoss', id, p.otherReport.id)).body.state).toBe('waitlisted');
    await c.coordinator.post(`/api/v1/enrolments/${seated}/cancel`, {});
    const list = await roster(id);
    expect(names(list.confirmed)).toEqual(['Otto Other']);
    expect(names(list.pendingApproval)).toEqual(['Lena Learner']);
  });

  it('CA-3 without a manager in Stride, or where the session says so, a coordinator approves; supervisors cannot', async () => {
    const id = await later({ approvalMode: 'supervisor' });
    const orphan = (await apply('outsider', id)).body;
    expect(orphan).toMatchObject({ state: 'pending_approval', approval: { by: 'coordinator' } });
    expect(await mailText(s.db, `enrolment:${orphan.id}:approval-request`)).toBeUndefined();
    const byCoordinator = await later({ approvalMode: 'coordinator' });
    const asked = (await apply('learner', byCoordinator)).body;
    expect(asked.approval.by).toBe('coordinator');
    const waiting = await c.coordinator.get('/api/v1/enrolments/awaiting-approval');
    expect(waiting.body.map((e: { id: string }) => e.id)).toEqual(expect.arrayContaining([orphan.id, asked.id]));
    const boss = await c.boss.post(`/api/v1/enrolments/${asked.id}/approval`, { decision: 'approve' });
    expect(boss.status).toBe(403);
    expect(boss.body.detail).toMatch(/coordinators decide/);
    expect((await c.coordinator.post(`/api/v1/enrolments/${asked.id}/approval`, { decision: 'approve' })).body.state).toBe('confirmed');
    expect((await c.coordinator.post(`/api/v1/enrolments/${orphan.id}/approval`, { decision: 'approve' })).body.state).toBe('confirmed');
  });
});

describe('CA-3 nomination, coordinators, deadlines and cancelled sessions', () => {
  it('CA-3 a supervisor nominates a report, direct or further down; someone who is not their manager cannot', async () => {
    const id = await session({ approvalMode: 'supervisor' });
    const direct = await nominate('boss', id, p.learner.id, { note: 'You asked for this at your review.' });
    expect(direct.status, direct.text).toBe(201);
    expect(direct.body).toMatchObject({ state: 'confirmed', origin: 'supervisor', appliedBy: { id: p.boss.id, name: 'Sam Supervisor' }, person: { id: p.learner.id } });
    expect((await mailText(s.db, `enrolment:${direct.body.id}:confirmed`))!.text).toContain('Sam Supervisor enrolled you');
    expect((await nominate('director', id, p.colleague.id)).body).toMatchObject({ state: 'confirmed', origin: 'supervisor' });
    const before = await fingerprintDatabase(s.database);
    expect((await nominate('otherBoss', id, p.outsider.id)).status).toBe(404);
    expect((await nominate('learner', id, p.colleague.id)).status).toBe(404);
    const consultant = await nominate('consultant', id, p.otherReport.id);
    expect(consultant.status).toBe(403);
    expect(consultant.body.detail).toMatch(/supervisors and the training unit’s coordinators/);
    expect(fingerprintDiff(before, await fingerprintDatabase(s.database))).toEqual([]);
    // Where a coordinator approves, a supervisor's nomination waits for them.
    const strict = await session({ approvalMode: 'coordinator' });
    expect((await nominate('boss', strict, p.learner.id)).body).toMatchObject({ state: 'pending_approval', approval: { by: 'coordinator' } });
  });

  it('CA-3 after the enrolment deadline applicants get 409 with whom to ask; a coordinator still adds them', async () => {
    const id = await session({ enrolmentDeadline: `${day(2)}T17:00` });
    s.clock.set(new Date(base.getTime() + 3 * 86_400_000));
    const late = await apply('learner', id);
    expect(late.status).toBe(409);
    expect(late.body.detail).toMatch(/The enrolment deadline for this session passed on .* 17:00 \(America\/New_York time\)\. The training unit’s coordinators can still add you: write to learning@test\.example/);
    expect((await nominate('boss', id, p.learner.id)).body.detail).toMatch(/can still add Lena Learner/);
    const added = await nominate('coordinator', id, p.learner.id);
    expect(added.status, added.text).toBe(201);
    expect(added.body).toMatchObject({ state: 'confirmed', origin: 'coordinator' });
    expect((await mailText(s.db, `enrolment:${added.body.id}:confirmed`))!.text).toContain('Cora Coordinator enrolled you');
  });

  it('CA-3 a cancelled session takes no application, not even a coordinator’s', async () => {
    const id = await session();
    expect((await c.coordinator.post(`/api/v1/course-sessions/${id}/cancel`, { sequence: 0, reason: 'Instructor ill' })).status).toBe(200);
    const res = await apply('learner', id);
    expect(res.status).toBe(409);
    expect(res.body.detail).toMatch(/This session was cancelled \(Instructor ill\)/);
    expect((await nominate('coordinator', id, p.learner.id)).status).toBe(409);
    expect((await c.learner.get(`/api/v1/course-sessions/${id}/seats`)).body).toMatchObject({ open: false, closedReason: expect.stringContaining('cancelled') });
  });
});

describe('CA-3 substitution of a colleague', () => {
  it('CA-3 the seat passes to a colleague at once, past the waitlist', async () => {
    const id = await session({ capacity: 1 });
    const mine = await enrolled('learner', id, 'confirmed');
    const waiting = await enrolled('outsider', id, 'waitlisted');
    const res = await c.learner.post(`/api/v1/enrolments/${mine}/substitute`, { personId: p.colleague.id, note: 'Cole handles the same accounts.' });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ state: 'confirmed', origin: 'substitution', replacesEnrolmentId: mine, person: { name: 'Cole Colleague' }, seats: { confirmed: 1, waitlisted: 1 } });
    expect(await view('learner', mine)).toMatchObject({ state: 'cancelled', cancellationReason: 'Seat passed to Cole Colleague.', replacedByEnrolmentId: res.body.id });
    expect((await view('outsider', waiting))).toMatchObject({ state: 'waitlisted', waitlistPosition: 1 });
    expect((await mailText(s.db, `enrolment:${mine}:cancelled`))!.text).toContain('now belongs to Cole Colleague');
    expect((await mailText(s.db, `enrolment:${res.body.id}:confirmed`))!.text).toContain('Lena Learner passed their seat to you');

    expect((await c.colleague.post(`/api/v1/enrolments/${res.body.id}/substitute`, { personId: p.outsider.id })).status).toBe(409);
    const self = await c.colleague.post(`/api/v1/enrolments/${res.body.id}/substitute`, { personId: p.colleague.id });
    expect(self.status).toBe(400);
    expect(self.body.errors).toEqual([{ field: 'personId', message: 'Name someone else: the seat is already theirs.' }]);
    expect((await c.outsider.post(`/api/v1/enrolments/${waiting}/substitute`, { personId: p.extra.id })).status).toBe(409);
    expect((await c.otherBoss.post(`/api/v1/enrolments/${res.body.id}/substitute`, { personId: p.extra.id })).status).toBe(404);
  });

  it('CA-3 the substitute’s approval rules apply: the original keeps the seat until the substitute’s supervisor approves', async () => {
    const id = await later({ approvalMode: 'supervisor', capacity: 1 });
    const mine = (await nominate('boss', id, p.learner.id)).body.id;
    const proposed = await c.learner.post(`/api/v1/enrolments/${mine}/substitute`, { personId: p.otherReport.id });
    expect(proposed.status, proposed.text).toBe(201);
    expect(proposed.body).toMatchObject({ state: 'pending_approval', origin: 'substitution', replacesEnrolmentId: mine, approval: { by: 'supervisor' } });
    expect((await view('learner', mine)).state).toBe('confirmed');
    const request = await mailText(s.db, `enrolment:${proposed.body.id}:approval-request`);
    expect(request!.to).toBe(p.otherBoss.email);
    expect(request!.text).toContain('Lena Learner cannot attend the session below and proposes that Otto Other takes their seat.');
    const token = await approvalToken(s.db, proposed.body.id);
    expect((await s.client().get(`/api/v1/approvals/${token}`)).body.substitution).toBe(true);
    const approved = await s.client().post(`/api/v1/approvals/${token}`, { decision: 'approve' });
    expect(approved.body).toMatchObject({ state: 'confirmed' });
    expect((await view('learner', mine)).state).toBe('cancelled');
    expect((await roster(id)).seats).toMatchObject({ confirmed: 1, waitlisted: 0 });
  });

  it('CA-3 a supervisor passing a report’s seat to another of their reports needs no further approval', async () => {
    const id = await later({ approvalMode: 'supervisor' });
    const mine = (await nominate('boss', id, p.learner.id)).body.id;
    const res = await c.boss.post(`/api/v1/enrolments/${mine}/substitute`, { personId: p.colleague.id });
    expect(res.body).toMatchObject({ state: 'confirmed', person: { name: 'Cole Colleague' } });
    expect((await mailText(s.db, `enrolment:${mine}:cancelled`))!.text).toContain('(by Sam Supervisor)');
  });
});

describe('CA-3 self-paced e-learning', () => {
  it('CA-3 an enrolment to the course itself, confirmed at once, without seats; sessions-based courses refuse it', async () => {
    const elearning = await publishedCourse(c.coordinator, p.coordinator.id, { format: 'e-learning', durationMinutes: 45 });
    const res = await c.learner.post(`/api/v1/courses/${elearning}/enrolments`, {});
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ state: 'confirmed', origin: 'self', position: null, session: null, seats: null, course: { id: elearning, format: 'e-learning' } });
    expect((await mailText(s.db, `enrolment:${res.body.id}:confirmed`))!.text).toContain('self-paced e-learning');
    expect((await c.learner.post(`/api/v1/courses/${elearning}/enrolments`, {})).status).toBe(409);
    expect((await c.boss.post(`/api/v1/courses/${elearning}/nominations`, { personId: p.colleague.id })).body).toMatchObject({ state: 'confirmed', origin: 'supervisor' });
    expect((await c.otherBoss.post(`/api/v1/courses/${elearning}/nominations`, { personId: p.colleague.id })).status).toBe(404);
    const classroom = await c.learner.post(`/api/v1/courses/${courseId}/enrolments`, {});
    expect(classroom.status).toBe(409);
    expect(classroom.body.detail).toMatch(/taught in sessions/);
    expect((await c.learner.post(`/api/v1/enrolments/${res.body.id}/cancel`, {})).body.state).toBe('cancelled');
    expect((await c.learner.post(`/api/v1/courses/${elearning}/enrolments`, {})).status).toBe(201);
  });
});

describe('CA-3 My learning and the supervisor’s page', () => {
  it('CA-3 a learner lists upcoming and past enrolments with their state; a supervisor their reports’ and what awaits their approval', async () => {
    const soon = await session({ startsAt: `${day(1)}T09:00`, endsAt: `${day(1)}T17:00` });
    const past = await enrolled('colleague', soon, 'confirmed');
    const ahead = await later({ approvalMode: 'supervisor' });
    const pending = await enrolled('colleague', ahead, 'pending_approval');
    s.clock.set(new Date(base.getTime() + 2 * 86_400_000));

    const mine = await c.colleague.get('/api/v1/enrolments/mine');
    expect(mine.status, mine.text).toBe(200);
    expect(mine.body.past.map((e: { id: string }) => e.id)).toContain(past);
    expect(mine.body.upcoming.map((e: { id: string }) => e.id)).toContain(pending);
    expect(mine.body.upcoming.every((e: { person: { id: string } }) => e.person.id === p.colleague.id)).toBe(true);
    const startOf = (e: { session: { startsAt: string } | null }) => e.session?.startsAt ?? '';
    const upcomingStarts = mine.body.upcoming.filter((e: { session: unknown }) => e.session).map(startOf);
    expect(upcomingStarts).toEqual([...upcomingStarts].sort());

    const team = await c.boss.get('/api/v1/enrolments/team');
    const teamPeople = new Set([...team.body.upcoming, ...team.body.past].map((e: { person: { name: string } }) => e.person.name));
    expect([...teamPeople].sort()).toEqual(['Cole Colleague', 'Lena Learner']);
    const one = await c.director.get(`/api/v1/enrolments/team?personId=${p.colleague.id}`);
    expect(new Set([...one.body.upcoming, ...one.body.past].map((e: { person: { name: string } }) => e.person.name))).toEqual(new Set(['Cole Colleague']));
    const theirs = await c.otherBoss.get('/api/v1/enrolments/team');
    expect([...theirs.body.upcoming, ...theirs.body.past].every((e: { person: { name: string } }) => e.person.name === 'Otto Other')).toBe(true);

    const awaiting = await c.boss.get('/api/v1/enrolments/awaiting-approval');
    expect(awaiting.body.map((e: { id: string }) => e.id)).toContain(pending);
    expect(awaiting.body.find((e: { id: string }) => e.id === pending).allowed).toEqual({ cancel: true, substitute: false, decide: true, redirect: false, answer: false });
    expect((await c.otherBoss.get('/api/v1/enrolments/awaiting-approval')).body.map((e: { id: string }) => e.id)).not.toContain(pending);
    expect((await c.colleague.get('/api/v1/enrolments/awaiting-approval')).body).toEqual([]);
  });
});

describe('CA-3 bad input is refused field by field, and writes nothing', () => {
  it('CA-3 names each wrong field', async () => {
    const id = await session();
    const mine = await enrolled('learner', id, 'confirmed');
    const before = await fingerprintDatabase(s.database);
    const fields = async (res: Promise<TestResponse>) => {
      const r = await res;
      expect(r.status, r.text).toBe(400);
      expect(String(r.headers['content-type'])).toMatch(/^application\/problem\+json/);
      return r.body.errors.map((e: { field: string }) => e.field);
    };
    expect(await fields(apply('colleague', id, { note: 'x'.repeat(1001) }))).toEqual(['note']);
    expect(await fields(apply('colleague', id, { note: 42 }))).toEqual(['note']);
    expect(await fields(c.colleague.post('/api/v1/course-sessions/not-a-session/enrolments', {}))).toEqual(['params.id']);
    expect(await fields(nominate('boss', id, 'someone'))).toEqual(['personId']);
    expect(await fields(c.boss.post(`/api/v1/course-sessions/${id}/nominations`, {}))).toEqual(['personId']);
    expect(await fields(c.learner.post(`/api/v1/enrolments/${mine}/substitute`, {}))).toEqual(['personId']);
    expect(await fields(c.learner.post(`/api/v1/enrolments/${mine}/cancel`, { reason: 'y'.repeat(1001) }))).toEqual(['reason']);
    expect(await fields(c.boss.post(`/api/v1/enrolments/${mine}/approval`, { decision: 'maybe' }))).toEqual(['decision']);
    expect(await fields(s.client().post('/api/v1/approvals/too-short', { decision: 'approve' }))).toEqual(['params.token']);
    expect(await fields(c.learner.get('/api/v1/enrolments/team?personId=nobody'))).toEqual(['querystring.personId']);
    const unknown = await c.learner.post(`/api/v1/enrolments/${mine}/substitute`, { personId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([{ field: 'personId', message: 'There is no such person; choose a colleague from the list.' }]);
    expect((await s.client().get(`/api/v1/approvals/${'A'.repeat(43)}`)).status).toBe(404);
    expect(fingerprintDiff(before, await fingerprintDatabase(s.database))).toEqual([]);
  });
});
