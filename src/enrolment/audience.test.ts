import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { createBusinessUnit, createPerson, type TestPerson } from '../../tests/support/factories';
import { createTestStride, type TestStride } from '../../tests/support/test-stride';
import type { TestClient, TestResponse } from '../../tests/support/test-client';
import { courseBody } from '../../tests/support/catalog-factories';
import { approvalToken, mailText, publishedCourse, scheduledSession } from '../../tests/support/enrolment-factories';
import { fingerprintDatabase, fingerprintDiff } from '../../tests/support/database-fingerprint';
import { auditLog } from '../platform/audit/schema';
import { outbox } from '../platform/mail/schema';
import { enrolmentAudience, enrolmentFitFlags } from './schema';

// CA-4 the pre-event audience analysis through the API: the questions an application asks, the
// supervisor's expectations, the flags the coordinator sees, and the redirect to a better offering.

let s: TestStride;
const p = {} as Record<'boss' | 'learner' | 'colleague' | 'analyst' | 'outsider' | 'otherBoss' | 'coordinator' | 'instructor', TestPerson>;
const c = {} as Record<keyof typeof p, TestClient>;
const base = new Date('2026-03-02T12:00:00Z');
/** CC-101-like: for Customer Care, with prerequisites, introductory by its code. */
let basics: string;
/** Another course, for everyone, without prerequisites: where a redirect may lead. */
let advanced: string;

const answers = {
  reason: 'Complaints about the new tariff take me twice as long as they should.',
  priorExperience: 'some',
  selfRatedLevel: 2,
  meetsPrerequisites: 'yes',
} as const;

beforeAll(async () => {
  s = await createTestStride();
  const care = await createBusinessUnit(s.db, { name: 'Customer Care' });
  const finance = await createBusinessUnit(s.db, { name: 'Finance' });
  p.boss = await createPerson(s.db, { name: 'Sam Supervisor', businessUnitId: care.id, jobTitle: 'Team Manager' });
  p.learner = await createPerson(s.db, { name: 'Lena Learner', businessUnitId: care.id, managerId: p.boss.id, jobTitle: 'Customer Service Agent' });
  p.colleague = await createPerson(s.db, { name: 'Cole Colleague', businessUnitId: care.id, managerId: p.boss.id, jobTitle: 'Customer Service Agent' });
  p.analyst = await createPerson(s.db, { name: 'Ana Analyst', businessUnitId: finance.id, managerId: p.boss.id, jobTitle: 'Financial Analyst' });
  p.outsider = await createPerson(s.db, { name: 'Ari Outsider' });
  p.otherBoss = await createPerson(s.db, { name: 'Olga Otherteam' });
  p.coordinator = await createPerson(s.db, { name: 'Cora Coordinator', roles: ['coordinator'] });
  p.instructor = await createPerson(s.db, { name: 'Ivo Instructor', roles: ['instructor'] });
  for (const key of Object.keys(p) as (keyof typeof p)[]) c[key] = await s.signInAs(p[key]);
  s.clock.set(base);
  basics = await publishedCourse(c.coordinator, p.coordinator.id, { code: `CC-${Date.now() % 1000}-101`, audienceBusinessUnitIds: [care.id], prerequisites: 'One month on the phones.' });
  advanced = await publishedCourse(c.coordinator, p.coordinator.id, { title: 'Writing Clear Replies to Customers', prerequisites: '' });
});
afterAll(() => s.close());

const day = (offsetDays: number) => new Date(base.getTime() + offsetDays * 86_400_000).toISOString().slice(0, 10);
function session(courseId: string, overrides: Record<string, unknown> = {}): Promise<string> {
  s.clock.set(base);
  return scheduledSession(c.coordinator, courseId, base, { approvalMode: 'none', instructorId: p.instructor.id, ...overrides });
}
const later = (courseId: string, overrides: Record<string, unknown> = {}) => session(courseId, { startsAt: `${day(30)}T09:00`, endsAt: `${day(30)}T17:00`, ...overrides });
const apply = (who: keyof typeof p, sessionId: string, body: Record<string, unknown> = {}) => c[who].post(`/api/v1/course-sessions/${sessionId}/enrolments`, body);
const created = (res: TestResponse) => {
  expect(res.status, res.text).toBe(201);
  return res.body;
};
const rulesOf = (view: { audience: { flags: { rule: string }[] | null } | null }) => view.audience?.flags?.map((f) => f.rule);
const liveRules = async (enrolmentId: string) =>
  (await s.db.select().from(enrolmentFitFlags).where(and(eq(enrolmentFitFlags.enrolmentId, enrolmentId), isNull(enrolmentFitFlags.clearedAt)))).map((f) => f.rule).sort();

describe('CA-4 the application’s questions and the fit check', () => {
  it('CA-4 answers go with the application; the flags are stored with their rule and shown to the coordinator and the instructor, not to learners', async () => {
    const id = await session(basics);
    const seats = await c.learner.get(`/api/v1/course-sessions/${id}/seats`);
    expect(seats.body.questions).toEqual({ role: 'Customer Service Agent', prerequisites: 'One month on the phones.' });

    const told = created(
      await apply('learner', id, { audience: { ...answers, reason: 'My manager told me to attend.', priorExperience: 'a_lot', priorExperienceNote: 'Six years on the complaints desk.', selfRatedLevel: 5, meetsPrerequisites: 'partly' } }),
    );
    expect(told.state).toBe('confirmed');
    // The learner sees their answers, not the flags.
    expect(told.audience).toMatchObject({
      answers: { role: 'Customer Service Agent', reason: 'My manager told me to attend.', priorExperience: 'a_lot', priorExperienceNote: 'Six years on the complaints desk.', selfRatedLevel: 5, meetsPrerequisites: 'partly', answeredBy: { id: p.learner.id } },
      expectations: null,
      flags: null,
    });
    expect(await liveRules(told.id)).toEqual(['experienced_on_introductory', 'obligation_only', 'prerequisites_partly_met']);
    const [stored] = await s.db.select().from(enrolmentFitFlags).where(and(eq(enrolmentFitFlags.enrolmentId, told.id), eq(enrolmentFitFlags.rule, 'experienced_on_introductory')));
    expect(stored).toMatchObject({ explanation: expect.stringContaining('rates themself 5 of 5, on an introductory course'), details: { priorExperience: 'a_lot', selfRatedLevel: 5 }, clearedAt: null });

    const fit = created(await apply('colleague', id, { audience: { ...answers, role: 'Senior agent, late shift' } }));
    expect(fit.audience.answers.role).toBe('Senior agent, late shift');
    const wrongUnit = created(await apply('analyst', id, { audience: { ...answers, meetsPrerequisites: 'no', reason: 'I take supplier calls that get heated.' } }));
    // Without answers (as before CA-4): taken all the same, and flagged.
    const silent = created(await apply('outsider', id, { note: 'Please.' }));
    expect(silent.state).toBe('confirmed');
    expect(silent.audience).toMatchObject({ answers: null, flags: null });

    const analysis = await c.coordinator.get(`/api/v1/course-sessions/${id}/audience`);
    expect(analysis.status, analysis.text).toBe(200);
    expect(analysis.body.course).toMatchObject({ id: basics, prerequisites: 'One month on the phones.', audienceUnits: [{ name: 'Customer Care' }], introductory: expect.stringContaining('101') });
    expect(analysis.body.applicants.map((a: { person: { name: string } }) => a.person.name)).toEqual(['Lena Learner', 'Cole Colleague', 'Ana Analyst', 'Ari Outsider']);
    expect(analysis.body.applicants.map(rulesOf)).toEqual([
      ['prerequisites_partly_met', 'experienced_on_introductory', 'obligation_only'],
      [],
      ['unit_outside_audience', 'prerequisites_not_met'],
      ['no_answers', 'unit_outside_audience'],
    ]);
    const byRule = Object.fromEntries(analysis.body.summary.byRule.map((r: { rule: string; count: number }) => [r.rule, r.count]));
    expect(analysis.body.summary).toMatchObject({ applicants: 4, answered: 3, withExpectations: 0, flagged: 3 });
    expect(byRule).toEqual({
      no_answers: 1, unit_outside_audience: 2, prerequisites_not_met: 1, prerequisites_partly_met: 1, experienced_on_introductory: 1, no_reason: 0, obligation_only: 1, no_expectations: 0,
    });
    const flag = analysis.body.applicants[2].audience.flags[0];
    expect(flag).toEqual({ rule: 'unit_outside_audience', label: 'Outside the course’s audience', explanation: 'Ana Analyst works in Finance; the course is meant for Customer Care.', raisedAt: base.toISOString() });
    expect(analysis.text).not.toContain(p.learner.email);

    // The session's instructor reads it too, and the flags travel with the roster; learners do not.
    const taught = await c.instructor.get(`/api/v1/course-sessions/${id}/audience`);
    expect(taught.status, taught.text).toBe(200);
    expect((await c.instructor.get(`/api/v1/course-sessions/${id}/enrolments`)).body.confirmed[0].audience.flags).toHaveLength(3);
    for (const who of ['learner', 'colleague', 'otherBoss'] as const) expect((await c[who].get(`/api/v1/course-sessions/${id}/audience`)).status).toBe(403);
    expect((await c.colleague.get(`/api/v1/enrolments/${told.id}`)).status).toBe(404);
    expect((await c.learner.get(`/api/v1/enrolments/${told.id}`)).body.audience.flags).toBeNull();
    // A supervisor deciding sees them.
    expect(rulesOf((await c.boss.get(`/api/v1/enrolments/${wrongUnit.id}`)).body)).toEqual(['unit_outside_audience', 'prerequisites_not_met']);
  });

  it('CA-4 a nominated learner answers later; the fit is checked again and a flag that no longer holds is cleared, not deleted', async () => {
    const id = await session(basics);
    const nominated = created(await c.boss.post(`/api/v1/course-sessions/${id}/nominations`, { personId: p.learner.id }));
    expect(await liveRules(nominated.id)).toEqual(['no_answers']);
    expect(nominated.allowed).toMatchObject({ answer: false, redirect: false });
    expect((await c.coordinator.get(`/api/v1/enrolments/${nominated.id}`)).body.allowed).toMatchObject({ answer: true, redirect: true });
    expect((await c.learner.get(`/api/v1/enrolments/${nominated.id}`)).body.allowed).toMatchObject({ answer: true, redirect: false });

    expect((await c.boss.put(`/api/v1/enrolments/${nominated.id}/audience`, answers)).status).toBe(403);
    expect((await c.otherBoss.put(`/api/v1/enrolments/${nominated.id}/audience`, answers)).status).toBe(404);
    const noPrerequisite = await c.learner.put(`/api/v1/enrolments/${nominated.id}/audience`, { ...answers, meetsPrerequisites: undefined });
    expect(noPrerequisite.status).toBe(400);
    expect(noPrerequisite.body.errors).toEqual([{ field: 'meetsPrerequisites', message: 'Say whether you meet the prerequisites (yes, partly or no): “One month on the phones.”' }]);

    s.clock.set(new Date(base.getTime() + 3_600_000));
    const answered = await c.learner.put(`/api/v1/enrolments/${nominated.id}/audience`, { ...answers, reason: 'n/a' });
    expect(answered.status, answered.text).toBe(200);
    expect(answered.body.audience.answers).toMatchObject({ role: 'Customer Service Agent', reason: 'n/a' });
    expect(await liveRules(nominated.id)).toEqual(['no_reason']);
    const all = await s.db.select().from(enrolmentFitFlags).where(eq(enrolmentFitFlags.enrolmentId, nominated.id));
    expect(all.find((f) => f.rule === 'no_answers')!.clearedAt).toEqual(new Date(base.getTime() + 3_600_000));
    const audit = await s.db.select().from(auditLog).where(and(eq(auditLog.entityId, nominated.id), eq(auditLog.action, 'enrolment.audience_answered')));
    expect(audit).toHaveLength(1);
  });

  it('CA-4 bad answers are refused field by field, and nothing is written', async () => {
    const id = await session(basics);
    const before = await fingerprintDatabase(s.database);
    const fields = async (body: Record<string, unknown>) => {
      const res = await apply('learner', id, body);
      expect(res.status, res.text).toBe(400);
      return res.body.errors.map((e: { field: string }) => e.field);
    };
    expect(await fields({ audience: { ...answers, reason: '  ' } })).toEqual(['audience.reason']);
    expect(await fields({ audience: { ...answers, selfRatedLevel: 6, priorExperience: 'loads' } })).toEqual(['audience.priorExperience', 'audience.selfRatedLevel']);
    expect(await fields({ audience: { ...answers, selfRatedLevel: 2.5 } })).toEqual(['audience.selfRatedLevel']);
    expect(await fields({ audience: { ...answers, meetsPrerequisites: 'maybe' } })).toEqual(['audience.meetsPrerequisites']);
    expect(await fields({ audience: { ...answers, meetsPrerequisites: undefined } })).toEqual(['audience.meetsPrerequisites']);
    expect(await fields({ audience: { ...answers, role: 'r'.repeat(201) } })).toEqual(['audience.role']);
    const nomination = await c.boss.post(`/api/v1/course-sessions/${id}/nominations`, { personId: p.learner.id, audience: { expectations: 'e'.repeat(1001) } });
    expect(nomination.body.errors.map((e: { field: string }) => e.field)).toEqual(['audience.expectations']);
    expect(fingerprintDiff(before, await fingerprintDatabase(s.database))).toEqual([]);
  });
});

describe('CA-4 the supervisor’s expectations', () => {
  it('CA-4 given on nomination, on approval by the mailed link and in Stride; a supervisor-approved place without them is flagged', async () => {
    const id = await later(basics, { approvalMode: 'supervisor' });
    const nominated = created(await c.boss.post(`/api/v1/course-sessions/${id}/nominations`, { personId: p.colleague.id, audience: { expectations: 'Close a tariff complaint in one call, without a supervisor.' } }));
    expect(nominated.audience.expectations).toEqual({ text: 'Close a tariff complaint in one call, without a supervisor.', by: { id: p.boss.id, name: 'Sam Supervisor' }, at: base.toISOString() });
    expect(rulesOf(nominated)).toEqual(['no_answers']);

    // Waiting for the supervisor: no "no expectations" flag yet; the link approves with them.
    const pending = created(await apply('learner', id, { audience: answers }));
    expect(pending.state).toBe('pending_approval');
    expect(await liveRules(pending.id)).toEqual([]);
    const token = await approvalToken(s.db, pending.id);
    const page = await s.client().get(`/api/v1/approvals/${token}`);
    expect(page.body.flags).toEqual([]);
    expect(page.text).not.toContain('tariff');
    const byLink = await s.client().post(`/api/v1/approvals/${token}`, { decision: 'approve', expectations: 'Write replies that need no follow-up call.' });
    expect(byLink.status, byLink.text).toBe(200);
    const [stored] = await s.db.select().from(enrolmentAudience).where(eq(enrolmentAudience.enrolmentId, pending.id));
    expect(stored).toMatchObject({ expectations: 'Write replies that need no follow-up call.', expectationsBy: p.boss.id });
    expect(await liveRules(pending.id)).toEqual([]);

    // The link shows the supervisor the flags by name, not the answers; approved without expectations: flagged.
    const bare = created(await apply('analyst', id, { audience: { ...answers, meetsPrerequisites: 'yes', reason: 'I take supplier calls that get heated.' } }));
    const bareToken = await approvalToken(s.db, bare.id);
    const shown = await s.client().get(`/api/v1/approvals/${bareToken}`);
    expect(shown.body.flags).toEqual([{ rule: 'unit_outside_audience', label: 'Outside the course’s audience' }]);
    expect(shown.text).not.toContain('supplier');
    expect((await mailText(s.db, `enrolment:${bare.id}:approval-request`))!.text).toContain('Their reason: “I take supplier calls that get heated.”');
    await s.client().post(`/api/v1/approvals/${bareToken}`, { decision: 'approve' });
    expect(await liveRules(bare.id)).toEqual(['no_expectations', 'unit_outside_audience']);

    // In Stride, with expectations.
    const other = await later(advanced, { approvalMode: 'supervisor' });
    const waiting = created(await apply('learner', other, { audience: answers }));
    const decided = await c.boss.post(`/api/v1/enrolments/${waiting.id}/approval`, { decision: 'approve', expectations: '  Fewer escalations to the team lead.  ' });
    expect(decided.status, decided.text).toBe(200);
    expect(decided.body.audience).toMatchObject({ expectations: { text: 'Fewer escalations to the team lead.', by: { name: 'Sam Supervisor' } }, flags: [] });
    const [audited] = await s.db.select().from(auditLog).where(and(eq(auditLog.entityId, waiting.id), eq(auditLog.action, 'enrolment.audience_expectations')));
    expect(audited).toMatchObject({ actorId: p.boss.id, before: { expectations: null }, after: { expectations: 'Fewer escalations to the team lead.' } });
    const tooLong = await c.boss.post(`/api/v1/enrolments/${waiting.id}/approval`, { decision: 'approve', expectations: 'x'.repeat(1001) });
    expect(tooLong.body.errors).toEqual([{ field: 'expectations', message: 'The expectations is too long (1,000 characters at most).' }]);
  });
});

describe('CA-4 redirecting an applicant to a better offering', () => {
  it('CA-4 in one transaction: the seat here goes to the waitlist, the place there is theirs with their answers, and the message is mailed to them and their supervisor', async () => {
    const here = await session(basics, { capacity: 1 });
    const there = await session(advanced, { approvalMode: 'supervisor', startsAt: `${day(9)}T09:00`, endsAt: `${day(9)}T17:00` });
    const moving = created(await apply('learner', here, { note: 'For the tariff.', audience: { ...answers, priorExperience: 'a_lot', selfRatedLevel: 5, reason: 'Mandatory.' } }));
    const next = created(await apply('colleague', here, { audience: answers }));
    expect(next.state).toBe('waitlisted');
    await c.boss.post(`/api/v1/course-sessions/${there}/nominations`, { personId: p.analyst.id, audience: { expectations: 'Calmer supplier calls.' } });

    const message = 'You already handle complaints well beyond the basics; Writing Clear Replies is the next step.';
    const res = await c.coordinator.post(`/api/v1/enrolments/${moving.id}/redirect`, { toSessionId: there, message });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({
      state: 'confirmed', // the coordinator's move is the coordinator's approval (decision 014)
      origin: 'coordinator',
      note: 'For the tariff.',
      redirectedFromEnrolmentId: moving.id,
      course: { id: advanced },
      session: { id: there },
      appliedBy: { name: 'Cora Coordinator' },
    });
    // The answers went along; "I meet the prerequisites" belonged to the other course. The new
    // course is not introductory and names no units, so only the reason is left to talk about.
    expect(res.body.audience.answers).toMatchObject({ reason: 'Mandatory.', priorExperience: 'a_lot', selfRatedLevel: 5, meetsPrerequisites: null, answeredBy: { id: p.learner.id } });
    expect(rulesOf(res.body)).toEqual(['obligation_only', 'no_expectations']);

    const old = (await c.coordinator.get(`/api/v1/enrolments/${moving.id}`)).body;
    expect(old).toMatchObject({ state: 'cancelled', redirectedToEnrolmentId: res.body.id, cancellationReason: expect.stringContaining('Moved by Cora Coordinator to Writing Clear Replies to Customers') });
    expect(old.history.map((h: { type: string; note: string | null }) => [h.type, h.note])).toEqual([['applied', 'For the tariff.'], ['redirected', message]]);
    const roster = (await c.coordinator.get(`/api/v1/course-sessions/${here}/enrolments`)).body;
    expect(roster.confirmed.map((e: { person: { name: string } }) => e.person.name)).toEqual(['Cole Colleague']);
    expect(roster.waitlist).toEqual([]);

    const toLearner = await mailText(s.db, `enrolment:${moving.id}:redirected`);
    expect(toLearner).toMatchObject({ to: p.learner.email, subject: 'Moved to a better fit: Writing Clear Replies to Customers' });
    expect(toLearner!.text).toContain(message);
    expect(toLearner!.text).toMatch(/From:\nHandling Customer Complaints \(CC-[\d-]+101\)[\s\S]*To:\nWriting Clear Replies to Customers/);
    expect(toLearner!.text).toContain('Your place there is confirmed');
    const [withInvitation] = await s.db.select().from(outbox).where(eq(outbox.idempotencyKey, `enrolment:${moving.id}:redirected`));
    expect(JSON.stringify(withInvitation)).toContain('METHOD:CANCEL');
    const toBoss = await mailText(s.db, `enrolment:${moving.id}:redirected:supervisor`);
    expect(toBoss).toMatchObject({ to: p.boss.email, subject: 'Lena Learner moved to a better fit: Writing Clear Replies to Customers' });
    expect(toBoss!.text).toContain(message);
    expect(await mailText(s.db, `enrolment:${moving.id}:cancelled`)).toBeUndefined();
    expect((await mailText(s.db, `enrolment:${res.body.id}:confirmed`))!.text).toContain('Cora Coordinator enrolled you');
    expect((await mailText(s.db, `enrolment:${next.id}:confirmed`))!.text).toContain('a seat freed up');
    const audit = await s.db.select().from(auditLog).where(eq(auditLog.entityId, moving.id));
    expect(audit.map((a) => a.action).sort()).toEqual(['enrolment.applied', 'enrolment.redirected']);

    // Into a full session: the waitlist there, in turn.
    const full = await session(advanced, { capacity: 1, startsAt: `${day(10)}T09:00`, endsAt: `${day(10)}T17:00` });
    created(await apply('outsider', full));
    const again = await c.coordinator.post(`/api/v1/enrolments/${next.id}/redirect`, { toSessionId: full, message: 'A seat there suits your shift.' });
    expect(again.body).toMatchObject({ state: 'waitlisted', waitlistPosition: 1 });
    expect((await mailText(s.db, `enrolment:${next.id}:redirected`))!.text).toContain('you are number 1 on its waitlist');
  });

  it('CA-4 a pending application moved elsewhere spends its approval link', async () => {
    const here = await later(basics, { approvalMode: 'supervisor' });
    const there = await later(advanced);
    const pending = created(await apply('colleague', here, { audience: answers }));
    const token = await approvalToken(s.db, pending.id);
    const moved = await c.coordinator.post(`/api/v1/enrolments/${pending.id}/redirect`, { toSessionId: there, message: 'This one starts sooner for your team.' });
    expect(moved.body.state).toBe('confirmed');
    const link = await s.client().post(`/api/v1/approvals/${token}`, { decision: 'approve' });
    expect(link.status).toBe(409);
    expect(link.body.detail).toMatch(/no longer waiting for a decision/);
  });

  it('CA-4 bad redirects are refused field by field, only coordinators redirect, and nothing changes', async () => {
    const here = await session(basics);
    const mine = created(await apply('learner', here, { audience: answers })).id;
    const cancelled = await session(advanced);
    expect((await c.coordinator.post(`/api/v1/course-sessions/${cancelled}/cancel`, { sequence: 0, reason: 'Instructor ill' })).status).toBe(200);
    const soon = await session(advanced, { startsAt: `${day(1)}T09:00`, endsAt: `${day(1)}T17:00` });
    const draft = await c.coordinator.post('/api/v1/courses', courseBody(p.coordinator.id, { title: 'Draft Course' }));
    const drafted = await session(draft.body.id);
    const elsewhere = await session(advanced);
    created(await c.coordinator.post(`/api/v1/course-sessions/${elsewhere}/nominations`, { personId: p.learner.id }));
    const ended = created(await apply('colleague', here));
    await c.colleague.post(`/api/v1/enrolments/${ended.id}/cancel`, {});
    s.clock.set(new Date(base.getTime() + 2 * 86_400_000));

    const before = await fingerprintDatabase(s.database);
    const redirect = (who: keyof typeof p, id: string, body: Record<string, unknown>) => c[who].post(`/api/v1/enrolments/${id}/redirect`, body);
    const refused = async (body: Record<string, unknown>, status = 400, id = mine) => {
      const res = await redirect('coordinator', id, body);
      expect(res.status, res.text).toBe(status);
      return res.body.errors ?? [];
    };
    const message = 'A better fit.';
    expect(await refused({ toSessionId: here, message })).toEqual([{ field: 'toSessionId', message: 'They are already in this session; choose another one to move them to.' }]);
    expect(await refused({ toSessionId: cancelled, message })).toEqual([{ field: 'toSessionId', message: 'That session was cancelled; choose another one.' }]);
    expect(await refused({ toSessionId: soon, message })).toEqual([{ field: 'toSessionId', message: 'That session has started; choose one that is still ahead.' }]);
    expect(await refused({ toSessionId: drafted, message })).toEqual([{ field: 'toSessionId', message: expect.stringMatching(/^Draft Course \(T-\w+\) is not published in the catalog/) }]);
    expect(await refused({ toSessionId: '00000000-0000-4000-8000-000000000000', message })).toEqual([{ field: 'toSessionId', message: 'There is no such session; choose one from the catalog.' }]);
    expect(await refused({ toSessionId: elsewhere, message }, 409)).toEqual([{ field: 'toSessionId', message: 'Lena Learner already has a place in that session (or an application waiting).' }]);
    expect((await refused({ toSessionId: 'soon', message: '' })).map((e: { field: string }) => e.field)).toEqual(['toSessionId', 'message']);
    expect((await refused({ toSessionId: elsewhere })).map((e: { field: string }) => e.field)).toEqual(['message']);
    expect((await refused({ toSessionId: elsewhere, message: 'm'.repeat(2001) })).map((e: { field: string }) => e.field)).toEqual(['message']);
    expect(await refused({ toSessionId: elsewhere, message }, 409, ended.id)).toEqual([]);
    expect((await redirect('learner', mine, { toSessionId: elsewhere, message })).status).toBe(403);
    expect((await redirect('boss', mine, { toSessionId: elsewhere, message })).status).toBe(403);
    expect((await redirect('instructor', mine, { toSessionId: elsewhere, message })).status).toBe(403);
    expect((await redirect('otherBoss', mine, { toSessionId: elsewhere, message })).status).toBe(404);
    expect((await redirect('colleague', mine, { toSessionId: elsewhere, message })).status).toBe(404);
    expect(fingerprintDiff(before, await fingerprintDatabase(s.database))).toEqual([]);
  });
});
