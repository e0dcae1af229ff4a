import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { like } from 'drizzle-orm';
import { createPerson, type TestPerson } from '../../tests/support/factories';
import { createTestStride, type TestStride } from '../../tests/support/test-stride';
import type { TestClient } from '../../tests/support/test-client';
import { mailText, publishedCourse } from '../../tests/support/enrolment-factories';
import { completedEnrolment } from '../../tests/support/retention-factories';
import { outbox } from '../platform/mail/schema';
import { remindDueCheckIns } from './remind-check-ins';
import type { PlanView } from './retention-schemas';

let s: TestStride;
const p = {} as Record<'learner' | 'supervisor' | 'other' | 'coordinator' | 'orphan', TestPerson>;
const c = {} as Record<keyof typeof p, TestClient>;
let courseId: string;
// Monday 4 May 2026, 10:00 in Paris (the unit's time zone in the tests).
const base = new Date('2026-05-04T08:00:00Z');

beforeAll(async () => {
  s = await createTestStride();
  s.clock.set(base);
  p.supervisor = await createPerson(s.db, { name: 'Sam Supervisor' });
  p.learner = await createPerson(s.db, { name: 'Lena Learner', managerId: p.supervisor.id });
  p.other = await createPerson(s.db, { name: 'Otto Other' });
  p.orphan = await createPerson(s.db, { name: 'Nora Nomanager' });
  p.coordinator = await createPerson(s.db, { name: 'Cora Coordinator', roles: ['coordinator'] });
  for (const key of Object.keys(p) as (keyof typeof p)[]) c[key] = await s.signInAs(p[key]);
  courseId = await publishedCourse(c.coordinator, p.coordinator.id);
});
afterAll(() => s.close());

type Body = { revision: number; actions: Record<string, unknown>[]; checkIns: Record<string, unknown>[] };

/** The PUT body that saves a plan as it is: actions in their sections, check-ins in order. */
function bodyOf(plan: PlanView): Body {
  const actions = [...plan.objectives.flatMap((o) => o.actions), ...plan.otherActions].map(({ id, objectiveId, kind, description, owner, dueOn, done }) => ({ id, objectiveId, kind, description, owner, dueOn, done }));
  return { revision: plan.revision, actions, checkIns: plan.checkIns.map(({ id, dueOn, held, note }) => ({ id, dueOn, held, note })) };
}

async function startedPlan(who: keyof typeof p = 'learner', learner: keyof typeof p = 'learner'): Promise<PlanView> {
  s.clock.set(base);
  const enrolmentId = await completedEnrolment(s.db, c.coordinator, courseId, p[learner].id, base);
  const res = await c[who].post(`/api/v1/enrolments/${enrolmentId}/retention-plan`);
  expect(res.status, res.text).toBe(201);
  return res.body;
}

describe('AF-6 retention plans', () => {
  it('AF-6 the learner starts a plan pre-filled from the course objectives and two check-ins; the supervisor is mailed; a second start is 409', async () => {
    const enrolmentId = await completedEnrolment(s.db, c.coordinator, courseId, p.learner.id, base);
    const startable = await c.supervisor.get('/api/v1/retention-plans/startable');
    expect(startable.body.map((x: { enrolmentId: string }) => x.enrolmentId)).toContain(enrolmentId);
    const res = await c.learner.post(`/api/v1/enrolments/${enrolmentId}/retention-plan`);
    expect(res.status, res.text).toBe(201);
    const plan: PlanView = res.body;
    expect(plan.objectives).toHaveLength(2);
    for (const o of plan.objectives) {
      expect(o.actions).toEqual([expect.objectContaining({ kind: 'apply_on_the_job', owner: 'learner', description: `Apply: ${o.text}`, done: false })]);
    }
    expect(plan.otherActions).toEqual([]);
    expect(plan.checkIns.map((x) => x.dueOn)).toEqual(['2026-05-18', '2026-06-15']);
    expect(plan.supervisor?.name).toBe('Sam Supervisor');
    expect(plan.mayClose).toBe(false);
    expect((await mailText(s.db, `retention-plan:${plan.id}:started:${p.supervisor.id}`))?.text).toContain('Lena Learner');
    expect(await mailText(s.db, `retention-plan:${plan.id}:started:${p.learner.id}`)).toBeUndefined();
    const again = await c.supervisor.post(`/api/v1/enrolments/${enrolmentId}/retention-plan`);
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain(`/retention-plans/${plan.id}`);
    const mine = await c.learner.get('/api/v1/retention-plans?scope=mine');
    expect(mine.body.find((x: { id: string }) => x.id === plan.id)).toMatchObject({ actionsDone: 0, actionsTotal: 2, nextCheckIn: '2026-05-18' });
    const team = await c.supervisor.get('/api/v1/retention-plans?scope=team');
    expect(team.body.map((x: { id: string }) => x.id)).toContain(plan.id);
    expect((await c.learner.get('/api/v1/retention-plans?scope=all')).status).toBe(403);
  });

  it('AF-6 the supervisor edits the plan: adds an action and a check-in, marks one done; a stale revision is 409 with the current plan', async () => {
    const plan = await startedPlan();
    const edit = bodyOf(plan);
    edit.actions[0]!.done = true;
    edit.actions.push({ objectiveId: null, kind: 'additional_training', description: 'Shadow a senior agent on escalations', owner: 'supervisor', dueOn: '2026-05-29', done: false });
    edit.checkIns.push({ dueOn: '2026-05-11', held: false, note: null });
    const saved = await c.supervisor.put(`/api/v1/retention-plans/${plan.id}`, edit);
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body.revision).toBe(plan.revision + 1);
    expect(saved.body.updatedBy.name).toBe('Sam Supervisor');
    expect(saved.body.otherActions).toEqual([expect.objectContaining({ kind: 'additional_training', owner: 'supervisor', dueOn: '2026-05-29' })]);
    expect(saved.body.objectives[0].actions[0].done).toBe(true);
    expect(saved.body.checkIns.map((x: { dueOn: string }) => x.dueOn)).toEqual(['2026-05-11', '2026-05-18', '2026-06-15']);

    const stale = bodyOf(plan);
    stale.actions[1]!.description = 'Typed on an old copy';
    const refused = await c.learner.put(`/api/v1/retention-plans/${plan.id}`, stale);
    expect(refused.status).toBe(409);
    expect(refused.body.current.revision).toBe(plan.revision + 1);
    expect(refused.body.current.otherActions).toHaveLength(1);
    const after = await c.learner.get(`/api/v1/retention-plans/${plan.id}`);
    expect(after.body.objectives[1].actions[0].description).not.toBe('Typed on an old copy');
  });

  it('AF-6 removing the last action of an objective, or adding a check-in in the past, is refused field by field and saves nothing', async () => {
    const plan = await startedPlan();
    const edit = bodyOf(plan);
    edit.actions = edit.actions.filter((a) => a.objectiveId !== plan.objectives[1]!.id);
    edit.actions[0]!.description = 'Changed, but must not stick';
    edit.checkIns.push({ dueOn: '2026-05-03' });
    const res = await c.learner.put(`/api/v1/retention-plans/${plan.id}`, edit);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        { field: `objectives.${plan.objectives[1]!.id}`, message: expect.stringContaining(plan.objectives[1]!.text) },
        { field: 'checkIns.2.dueOn', message: expect.stringContaining('2026-05-04') },
      ]),
    );
    const after = await c.learner.get(`/api/v1/retention-plans/${plan.id}`);
    expect(after.body.revision).toBe(plan.revision);
    expect(after.body.objectives[0].actions[0].description).toBe(plan.objectives[0]!.actions[0]!.description);
  });

  it('AF-6 the learner cannot close; the supervisor confirms the objectives applied and the learner is mailed; a closed plan is read-only', async () => {
    const plan = await startedPlan('supervisor');
    expect((await mailText(s.db, `retention-plan:${plan.id}:started:${p.learner.id}`))?.subject).toContain('Retention plan started');
    const byLearner = await c.learner.post(`/api/v1/retention-plans/${plan.id}/close`, { revision: plan.revision });
    expect(byLearner.status).toBe(403);
    const byCoordinator = await c.coordinator.post(`/api/v1/retention-plans/${plan.id}/close`, { revision: plan.revision });
    expect(byCoordinator.status).toBe(403);
    const closed = await c.supervisor.post(`/api/v1/retention-plans/${plan.id}/close`, { revision: plan.revision, note: 'Seen it on the phones twice this week.' });
    expect(closed.status, closed.text).toBe(200);
    expect(closed.body).toMatchObject({ state: 'closed', mayEdit: false, mayClose: false, closedBy: { name: 'Sam Supervisor' }, closingNote: 'Seen it on the phones twice this week.' });
    const mail = await mailText(s.db, `retention-plan:${plan.id}:closed`);
    expect(mail?.to).toBe(p.learner.email);
    expect(mail?.text).toContain('Seen it on the phones twice this week.');
    expect((await c.learner.put(`/api/v1/retention-plans/${plan.id}`, bodyOf(closed.body))).status).toBe(409);
  });

  it('AF-6 a coordinator confirms for a learner with no supervisor', async () => {
    const plan = await startedPlan('orphan', 'orphan');
    expect(plan.supervisor).toBeNull();
    const closed = await c.coordinator.post(`/api/v1/retention-plans/${plan.id}/close`, { revision: plan.revision });
    expect(closed.status, closed.text).toBe(200);
  });

  it('AF-6 a check-in is reminded to learner and supervisor once, on its day in the unit’s time zone', async () => {
    const plan = await startedPlan();
    const first = plan.checkIns[0]!;
    const keys = [`retention-check-in:${first.id}:${first.dueOn}`, `retention-check-in:${first.id}:${first.dueOn}:supervisor`];
    const deps = { db: s.db, clock: s.clock, publicUrl: 'http://stride.test' };
    s.clock.set(new Date('2026-05-17T21:30:00Z')); // 23:30 on the 17th in Paris: not yet
    await remindDueCheckIns(deps);
    expect(await mailText(s.db, keys[0]!)).toBeUndefined();
    s.clock.set(new Date('2026-05-17T22:30:00Z')); // 00:30 on the 18th in Paris
    expect(await remindDueCheckIns(deps)).toBeGreaterThanOrEqual(1);
    expect((await mailText(s.db, keys[0]!))?.to).toBe(p.learner.email);
    expect((await mailText(s.db, keys[1]!))?.to).toBe(p.supervisor.email);
    await remindDueCheckIns(deps);
    const rows = await s.db.select().from(outbox).where(like(outbox.idempotencyKey, `retention-check-in:${first.id}%`));
    expect(rows).toHaveLength(2);
    s.clock.set(base); // sessions idle out over two weeks; the plan is read back as of the start
    const read = await c.learner.get(`/api/v1/retention-plans/${plan.id}`);
    expect(read.status, read.text).toBe(200);
    expect(read.body.checkIns[0]).toMatchObject({ id: first.id, reminded: true });
    expect(read.body.checkIns[1].reminded).toBe(false);
  });

  it('AF-6 a save that leaves out "held" and the note keeps them; a check-in moved to another day is reminded again on that day', async () => {
    const plan = await startedPlan();
    const deps = { db: s.db, clock: s.clock, publicUrl: 'http://stride.test' };
    const held = bodyOf(plan);
    held.checkIns[0] = { ...held.checkIns[0], held: true, note: 'Went well.' };
    const saved = await c.learner.put(`/api/v1/retention-plans/${plan.id}`, held);
    expect(saved.status, saved.text).toBe(200);
    const bare = { ...bodyOf(saved.body), checkIns: saved.body.checkIns.map(({ id, dueOn }: { id: string; dueOn: string }) => ({ id, dueOn })) };
    const again = await c.supervisor.put(`/api/v1/retention-plans/${plan.id}`, bare);
    expect(again.status, again.text).toBe(200);
    expect(again.body.checkIns[0]).toMatchObject({ held: true, note: 'Went well.' });

    const second = again.body.checkIns[1]!;
    s.clock.set(new Date(`${second.dueOn}T08:00:00Z`));
    await remindDueCheckIns(deps);
    s.clock.set(base); // sessions idle out over weeks: edit as of the start again
    const moved = bodyOf((await c.learner.get(`/api/v1/retention-plans/${plan.id}`)).body);
    const later = new Date(Date.parse(`${second.dueOn}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
    moved.checkIns[1] = { ...moved.checkIns[1], dueOn: later };
    expect((await c.learner.put(`/api/v1/retention-plans/${plan.id}`, moved)).status).toBe(200);
    s.clock.set(new Date(`${later}T08:00:00Z`));
    await remindDueCheckIns(deps);
    const mails = await s.db.select().from(outbox).where(like(outbox.idempotencyKey, `retention-check-in:${second.id}:%`));
    expect(mails.map((m) => m.idempotencyKey).sort()).toEqual([`retention-check-in:${second.id}:${later}`, `retention-check-in:${second.id}:${later}:supervisor`, `retention-check-in:${second.id}:${second.dueOn}`, `retention-check-in:${second.id}:${second.dueOn}:supervisor`].sort());
    s.clock.set(base);
  });

  it('AF-6 another learner gets 404 on the plan and cannot start one on someone else’s enrolment', async () => {
    const plan = await startedPlan();
    expect((await c.other.get(`/api/v1/retention-plans/${plan.id}`)).status).toBe(404);
    expect((await c.other.put(`/api/v1/retention-plans/${plan.id}`, bodyOf(plan))).status).toBe(404);
    expect((await c.other.post(`/api/v1/retention-plans/${plan.id}/close`, { revision: plan.revision })).status).toBe(404);
    const enrolmentId = await completedEnrolment(s.db, c.coordinator, courseId, p.learner.id, base);
    expect((await c.other.post(`/api/v1/enrolments/${enrolmentId}/retention-plan`)).status).toBe(404);
    expect((await c.other.get('/api/v1/retention-plans?scope=team')).body).toEqual([]);
  });
});
