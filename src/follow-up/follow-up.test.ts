import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import { createPerson, type TestPerson } from '../../tests/support/factories';
import { createTestStride, type TestStride } from '../../tests/support/test-stride';
import type { TestClient } from '../../tests/support/test-client';
import { mailText, publishedCourse, scheduledSession } from '../../tests/support/enrolment-factories';
import { seedDemoCharter } from '../charter/demo-charter';
import { courses } from '../catalog/schema';
import { outbox } from '../platform/mail/schema';
import { supportCases } from '../support/schema';
import { sessions } from '../account/schema';
import { openDueFollowUps } from './open-due-follow-ups';
import { remindFollowUps } from './remind-follow-ups';
import { followUpToken } from './testing/follow-up-fixtures';
import { followUpAnswers, followUps } from './schema';

let s: TestStride;
const p = {} as Record<'learner' | 'loner' | 'supervisor' | 'coordinator' | 'instructor' | 'stranger', TestPerson>;
const c = {} as Record<keyof typeof p, TestClient>;
const DAY = 86_400_000;
const deps = () => ({ db: s.db, clock: s.clock, publicUrl: 'http://stride.test' });
let clockAt = new Date('2027-01-04T12:00:00Z');

beforeAll(async () => {
  s = await createTestStride();
  p.supervisor = await createPerson(s.db, { name: 'Sam Supervisor' });
  p.learner = await createPerson(s.db, { name: 'Lena Learner', managerId: p.supervisor.id });
  p.loner = await createPerson(s.db, { name: 'Lou Loner' });
  p.coordinator = await createPerson(s.db, { name: 'Cora Coordinator', roles: ['coordinator'] });
  p.instructor = await createPerson(s.db, { name: 'Ivo Instructor', roles: ['instructor'] });
  p.stranger = await createPerson(s.db, { name: 'Stu Stranger' });
  s.clock.set(clockAt);
  for (const key of Object.keys(p) as (keyof typeof p)[]) c[key] = await s.signInAs(p[key]);
  // This file moves the clock by months; sessions last a week. Signing in again each time would
  // run into the sign-in rate limit, so these sessions are simply made to outlast the file.
  await s.db.update(sessions).set({ expiresAt: new Date('2100-01-01T00:00:00Z') });
  await seedDemoCharter(s.db, s.clock, p.coordinator.id);
});
afterAll(() => s.close());

/** Moves the test clock (forward only: each test starts where the last one ended, plus a margin). */
const at = (d: Date) => s.clock.set((clockAt = d));
const plusDays = (d: Date, n: number) => new Date(d.getTime() + n * DAY);

type Completed = { sessionId: string; courseId: string; learner: string; loner: string; completedAt: Date; objectives: { id: string; text: string }[] };

/** A one-day session of a new course taught by the instructor, attended by learner and loner, completed through the API (AF-1). */
async function completedSession(course: Record<string, unknown> = {}): Promise<Completed> {
  at(plusDays(clockAt, 60));
  const courseId = await publishedCourse(c.coordinator, p.coordinator.id, course);
  const day = plusDays(clockAt, 7).toISOString().slice(0, 10);
  const sessionId = await scheduledSession(c.coordinator, courseId, clockAt, { approvalMode: 'none', instructorId: p.instructor.id, startsAt: `${day}T09:00`, endsAt: `${day}T17:00` });
  const ids: string[] = [];
  for (const who of ['learner', 'loner'] as const) {
    const res = await c[who].post(`/api/v1/course-sessions/${sessionId}/enrolments`, {});
    expect(res.status, res.text).toBe(201);
    ids.push(res.body.id);
  }
  at(new Date(`${day}T23:00:00Z`));
  const marked = await c.instructor.put(`/api/v1/course-sessions/${sessionId}/attendance`, { day, marks: ids.map((enrolmentId) => ({ enrolmentId, present: true })) });
  expect(marked.status, marked.text).toBe(200);
  const done = await c.instructor.post(`/api/v1/course-sessions/${sessionId}/complete`, {});
  expect(done.status, done.text).toBe(200);
  const read = await c.coordinator.get(`/api/v1/courses/${courseId}`);
  return { sessionId, courseId, learner: ids[0]!, loner: ids[1]!, completedAt: clockAt, objectives: read.body.objectives };
}

const mailsOf = async (enrolmentId: string) => (await s.db.select().from(outbox).where(like(outbox.idempotencyKey, `follow-up:${enrolmentId}:%`))).map((m) => m.idempotencyKey).sort();
const formsOf = (enrolmentId: string) => s.db.select().from(followUps).where(eq(followUps.enrolmentId, enrolmentId));
const allMet = (objectives: { id: string }[]) => objectives.map((o) => ({ objectiveId: o.id, rating: 'met' as const }));

describe('AF-4 opening the follow-up', () => {
  it('AF-4 30 days after completion the job opens a learner and a supervisor form and mails each once', async () => {
    const done = await completedSession();
    at(plusDays(done.completedAt, 29));
    await openDueFollowUps(deps());
    expect(await formsOf(done.learner)).toEqual([]);

    at(plusDays(done.completedAt, 30));
    await openDueFollowUps(deps());
    await openDueFollowUps(deps()); // a second run (or a second process) opens and mails nothing more
    const forms = await formsOf(done.learner);
    expect(forms.map((f) => [f.respondentRole, f.respondentId]).sort()).toEqual([['learner', p.learner.id], ['supervisor', p.supervisor.id]]);
    for (const f of forms) expect(f.closesAt.getTime() - f.openedAt.getTime()).toBe(21 * DAY);
    expect(await mailsOf(done.learner)).toEqual([`follow-up:${done.learner}:learner`, `follow-up:${done.learner}:supervisor`]);
    // No manager: the learner alone is asked.
    expect((await formsOf(done.loner)).map((f) => f.respondentRole)).toEqual(['learner']);

    const learnerMail = (await mailText(s.db, `follow-up:${done.learner}:learner`))!;
    expect(learnerMail.to).toBe(p.learner.email);
    expect(learnerMail.text).toContain('How is applying what you learned');
    expect(learnerMail.text).toContain(done.objectives[0]!.text);
    const supervisorMail = (await mailText(s.db, `follow-up:${done.learner}:supervisor`))!;
    expect(supervisorMail.to).toBe(p.supervisor.email);
    expect(supervisorMail.text).toContain('What have you observed in their work');
    const token = await followUpToken(s.db, done.learner, 'supervisor');
    expect(supervisorMail.text).toContain(`http://stride.test/follow-up/${token}`);
    // Only the hash is stored.
    expect(forms.some((f) => f.tokenHash === token)).toBe(false);
  });

  it('AF-4 the course’s own interval is honoured (10 days), and a follow-up missed by more than 30 days is not opened late', async () => {
    const short = await completedSession();
    await s.db.update(courses).set({ followUpDays: 10 }).where(eq(courses.id, short.courseId));
    const long = await completedSession(); // the default 30 days; completed a little later, same week
    at(plusDays(short.completedAt, 9));
    await openDueFollowUps(deps());
    expect(await formsOf(short.learner)).toEqual([]);
    at(plusDays(short.completedAt, 10));
    await openDueFollowUps(deps());
    expect(await formsOf(short.learner)).toHaveLength(2);
    expect(await formsOf(long.learner)).toEqual([]);
    // Stride was not run for two months: the 30-day follow-up fell due 31 days ago and stays unsent.
    at(plusDays(long.completedAt, 61));
    await openDueFollowUps(deps());
    expect(await formsOf(long.learner)).toEqual([]);
  });
});

describe('AF-4 reminders', () => {
  it('AF-4 non-respondents are reminded once at +7 and once at +14 days; none after answering or closing', async () => {
    const done = await completedSession();
    const opened = plusDays(done.completedAt, 30);
    at(opened);
    await openDueFollowUps(deps());
    at(plusDays(opened, 6));
    expect(await remindFollowUps(deps())).toBe(0);
    at(plusDays(opened, 7));
    await remindFollowUps(deps());
    await remindFollowUps(deps());
    const reminded = (await mailsOf(done.learner)).filter((k) => k.includes(':reminder:'));
    expect(reminded).toEqual([`follow-up:${done.learner}:learner:reminder:1`, `follow-up:${done.learner}:supervisor:reminder:1`]);
    const reminder = (await mailText(s.db, `follow-up:${done.learner}:supervisor:reminder:1`))!;
    expect(reminder.text).toContain('A reminder');
    expect(reminder.text).toContain('/follow-ups/');

    at(plusDays(opened, 8));
    const token = (await followUpToken(s.db, done.learner, 'learner'))!;
    const answered = await s.client().post(`/api/v1/follow-ups/by-token/${token}`, { answers: allMet(done.objectives), recommend: 9 });
    expect(answered.status, answered.text).toBe(201);
    at(plusDays(opened, 14));
    await remindFollowUps(deps());
    at(plusDays(opened, 15));
    await remindFollowUps(deps());
    expect((await mailsOf(done.learner)).filter((k) => k.includes(':reminder:'))).toEqual([
      `follow-up:${done.learner}:learner:reminder:1`,
      `follow-up:${done.learner}:supervisor:reminder:1`,
      `follow-up:${done.learner}:supervisor:reminder:2`,
    ]);
    at(plusDays(opened, 22)); // closed
    expect(await remindFollowUps(deps())).toBe(0);
    const forms = await formsOf(done.learner);
    expect(forms.map((f) => [f.respondentRole, f.reminderCount]).sort()).toEqual([['learner', 1], ['supervisor', 2]]);
  });
});

describe('AF-4 answering', () => {
  it('AF-4 the form validates field by field, changes nothing until whole, answers once, and is closed after three weeks', async () => {
    const done = await completedSession();
    const opened = plusDays(done.completedAt, 30);
    at(opened);
    await openDueFollowUps(deps());
    const token = (await followUpToken(s.db, done.learner, 'supervisor'))!;
    const anon = s.client();
    const view = await anon.get(`/api/v1/follow-ups/by-token/${token}`);
    expect(view.status, view.text).toBe(200);
    expect(view.body).toMatchObject({ role: 'supervisor', state: 'open', learnerName: 'Lena Learner', anonymousToInstructor: false, answeredAt: null });
    expect(view.body.objectives).toEqual(done.objectives.map((o) => ({ id: o.id, text: o.text })));
    expect(view.body.session.timeZone).toBe('America/New_York');

    const [o1, o2] = done.objectives;
    const noRecommend = await anon.post(`/api/v1/follow-ups/by-token/${token}`, { answers: allMet(done.objectives) });
    expect(noRecommend.status).toBe(400);
    expect(noRecommend.body.errors.map((e: { field: string }) => e.field)).toContain('recommend');
    const bad = await anon.post(`/api/v1/follow-ups/by-token/${token}`, {
      answers: [{ objectiveId: o1!.id, rating: 'met' }, { objectiveId: o1!.id, rating: 'partly' }, { objectiveId: '00000000-0000-4000-8000-000000000000', rating: 'met' }],
      recommend: 7,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['answers', 'answers.1.objectiveId', 'answers.2.objectiveId']);
    expect(bad.body.errors.find((e: { field: string }) => e.field === 'answers').message).toContain(o2!.text);
    const badRating = await anon.post(`/api/v1/follow-ups/by-token/${token}`, { answers: [{ objectiveId: o1!.id, rating: 'great' }, { objectiveId: o2!.id, rating: 'met' }], recommend: 11 });
    expect(badRating.status).toBe(400);
    expect(badRating.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['answers.0.rating', 'recommend']);
    const form = (await formsOf(done.learner)).find((f) => f.respondentRole === 'supervisor')!;
    expect(form.answeredAt).toBeNull();
    expect(await s.db.select().from(followUpAnswers).where(eq(followUpAnswers.followUpId, form.id))).toEqual([]);

    // Signed in, the respondent reaches the same form by id; nobody else does.
    expect((await c.stranger.get(`/api/v1/follow-ups/${form.id}`)).status).toBe(404);
    expect((await c.learner.post(`/api/v1/follow-ups/${form.id}`, { answers: allMet(done.objectives), recommend: 1 })).status).toBe(404);
    const mine = await c.supervisor.get('/api/v1/follow-ups/mine');
    expect(mine.body.find((m: { id: string }) => m.id === form.id)).toMatchObject({ role: 'supervisor', state: 'open', learnerName: 'Lena Learner' });
    const ok = await c.supervisor.post(`/api/v1/follow-ups/${form.id}`, { answers: [{ objectiveId: o2!.id, rating: 'partly', example: 'Replies are shorter now.' }, { objectiveId: o1!.id, rating: 'met' }], recommend: 8, comment: 'Too much theory in the afternoon.' });
    expect(ok.status, ok.text).toBe(201);
    expect(ok.body.notMetCount).toBe(0);
    const again = await anon.post(`/api/v1/follow-ups/by-token/${token}`, { answers: allMet(done.objectives), recommend: 3 });
    expect(again.status).toBe(409);
    expect(again.body.message ?? again.text).toContain('already answered');
    expect((await anon.get(`/api/v1/follow-ups/by-token/${token}`)).body.state).toBe('answered');
    expect((await s.db.select().from(followUpAnswers).where(eq(followUpAnswers.followUpId, form.id))).map((a) => a.rating).sort()).toEqual(['met', 'partly']);

    at(plusDays(opened, 21));
    const learnerToken = (await followUpToken(s.db, done.learner, 'learner'))!;
    expect((await anon.get(`/api/v1/follow-ups/by-token/${learnerToken}`)).body.state).toBe('closed');
    const late = await anon.post(`/api/v1/follow-ups/by-token/${learnerToken}`, { answers: allMet(done.objectives), recommend: 5 });
    expect(late.status).toBe(409);
    expect(late.body.message ?? late.text).toContain('closed');
  });

  it('AF-4 AF-5 a supervisor’s “not met” opens a support case naming the objective, in the same step', async () => {
    const done = await completedSession();
    at(plusDays(done.completedAt, 30));
    await openDueFollowUps(deps());
    const token = (await followUpToken(s.db, done.learner, 'supervisor'))!;
    const [o1, o2] = done.objectives;
    const res = await s.client().post(`/api/v1/follow-ups/by-token/${token}`, { answers: [{ objectiveId: o1!.id, rating: 'met' }, { objectiveId: o2!.id, rating: 'not_met', example: 'Still writes long replies.' }], recommend: 6 });
    expect(res.status, res.text).toBe(201);
    expect(res.body.notMetCount).toBe(1);
    const form = (await formsOf(done.learner)).find((f) => f.respondentRole === 'supervisor')!;
    const cases = await s.db.select().from(supportCases).where(and(eq(supportCases.enrolmentId, done.learner)));
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ origin: 'follow_up', followUpId: form.id, objectiveIds: [o2!.id], state: 'open' });
  });
});

describe('AF-4 the answers for staff', () => {
  it('AF-4 an anonymous course hides the respondent from the instructor, not from a coordinator; rates per role', async () => {
    const done = await completedSession();
    await s.db.update(courses).set({ followUpAnonymous: true }).where(eq(courses.id, done.courseId));
    at(plusDays(done.completedAt, 30));
    await openDueFollowUps(deps());
    const [o1, o2] = done.objectives;
    const token = (await followUpToken(s.db, done.learner, 'learner'))!;
    expect((await s.client().get(`/api/v1/follow-ups/by-token/${token}`)).body.anonymousToInstructor).toBe(true);
    const res = await s.client().post(`/api/v1/follow-ups/by-token/${token}`, { answers: [{ objectiveId: o1!.id, rating: 'partly' }, { objectiveId: o2!.id, rating: 'met' }], recommend: 4, comment: 'The role-play was rushed.' });
    expect(res.status, res.text).toBe(201);

    const taught = await c.instructor.get(`/api/v1/course-sessions/${done.sessionId}/follow-ups`);
    expect(taught.status, taught.text).toBe(200);
    expect(taught.body.namesHidden).toBe(true);
    expect(taught.body.rates).toEqual({ learner: { sent: 2, answered: 1 }, supervisor: { sent: 1, answered: 0 } });
    expect(taught.body.responses).toEqual([{ role: 'learner', respondent: null, learner: null, ratings: [{ objectiveId: o1!.id, rating: 'partly', example: null }, { objectiveId: o2!.id, rating: 'met', example: null }], recommend: 4, comment: 'The role-play was rushed.' }]);
    expect(taught.text).not.toContain(p.learner.id);
    expect(taught.text).not.toContain('Lena');

    const staff = await c.coordinator.get(`/api/v1/course-sessions/${done.sessionId}/follow-ups`);
    expect(staff.body.namesHidden).toBe(false);
    expect(staff.body.responses[0].respondent).toEqual({ id: p.learner.id, name: 'Lena Learner' });
    expect((await c.stranger.get(`/api/v1/course-sessions/${done.sessionId}/follow-ups`)).status).toBe(403);
  });
});
