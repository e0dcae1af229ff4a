import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq, sql } from 'drizzle-orm';
import { createTestStride, type TestStride } from '../../tests/support/test-stride';
import { createBusinessUnit, createPerson, setUnitContact, type TestPerson } from '../../tests/support/factories';
import type { TestClient } from '../../tests/support/test-client';
import { publishedCourse, scheduledSession } from '../../tests/support/enrolment-factories';
import { finishEnrolment, followUp, retentionPlan, supportCase } from '../../tests/support/after-event-factories';
import { seedDemoCharter } from '../charter/demo-charter';
import { recordClockEvent } from '../service-levels/record-clock-event';
import { courseObjectives } from '../catalog/schema';
import { suggestions } from '../suggestions/schema';
import { requestRecommendations, trainingRequests } from '../requests/schema';
import { developmentProjects } from '../development/schema';
import type { ObjectiveRating } from '../follow-up/follow-up-values';
import type { DashboardView, MeasureView } from './value-schemas';
import { valueWindows } from './value-window';
import { measureWindow, periodAndTrendTallies } from './value-dashboard';
import { listValueMeasures } from '../platform/measures/measure-registry';

// The value dashboard (VA-1..3) over a small, hand-counted world. The unit's time zone is
// Europe/Paris (summer time from 29 March 2026). Two business units: Call Centre and Finance.
// One course with two objectives; learners Ana and Ben (Call Centre) and Cy (Finance).
// Follow-ups (answered one day after opening):
//   Ana  learner    10  met, met          answered 10 Feb
//   Ana  supervisor  9  met, partly       answered 12 Feb
//   Ben  learner     6  not met, partly   answered  5 Mar
//   Cy   learner     8  met, met          answered  5 Mar
//   Cy   supervisor  3  not met, not met  answered 31 Mar 22:30 UTC = 1 April 00:30 in Paris
// So the first quarter holds four answers: promoters 2, passives 1, detractors 1 → NPS 25.
// Service levels (the demo charter: web questions answered within 480 business minutes, New York
// calendar): Q1 met and Q2 breached (Call Centre), Q3 still running past its target (Finance).

let s: TestStride;
let lead: TestClient;
let learnerClient: TestClient;
const p = {} as Record<'lead' | 'cora' | 'ana' | 'ben' | 'cy' | 'sue' | 'fin', TestPerson>;
const units = {} as Record<'cc' | 'fi', { id: string; name: string }>;
let courseId: string;
let objectives: [string, string];

const Q1 = '/api/v1/value/dashboard?from=2026-01-01&to=2026-03-31';
const measureOf = (view: DashboardView, key: string): MeasureView => {
  const found = view.measures.find((m) => m.key === key);
  if (!found) throw new Error(`no measure ${key}`);
  return found;
};
const ny = (local: string) => new Date(`${local}:00-04:00`);

async function answer(enrolmentId: string, role: 'learner' | 'supervisor', who: TestPerson, openedAt: string, recommend: number, ratings: [ObjectiveRating, ObjectiveRating]) {
  await followUp(s.db, { enrolmentId, role, respondentId: who.id, openedAt: new Date(openedAt), answer: { recommend, ratings: { [objectives[0]]: ratings[0], [objectives[1]]: ratings[1] }, comment: `A comment by ${who.name}` } });
}

async function question(id: string, asked: string, unit: string, answered?: string) {
  const event = (type: string, at: string) =>
    s.db.transaction((tx) => recordClockEvent(tx, s.clock, { type, subject: { type: 'question', id }, at: ny(at), businessUnitId: unit, ...(type === 'question.asked' ? { attributes: { channel: 'web' } } : {}) }));
  await event('question.asked', asked);
  if (answered) await event('question.answered', answered);
}

beforeAll(async () => {
  s = await createTestStride();
  s.clock.set(new Date('2026-01-02T12:00:00Z'));
  await setUnitContact(s.db);
  await seedDemoCharter(s.db, s.clock);
  units.cc = await createBusinessUnit(s.db, { code: 'CC', name: 'Call Centre' });
  units.fi = await createBusinessUnit(s.db, { code: 'FI', name: 'Finance' });
  p.lead = await createPerson(s.db, { name: 'Lena Lead', roles: ['unit_lead'] });
  p.cora = await createPerson(s.db, { name: 'Cora Coordinator', roles: ['coordinator'] });
  p.sue = await createPerson(s.db, { name: 'Sue Supervisor', businessUnitId: units.cc.id });
  p.fin = await createPerson(s.db, { name: 'Finn Supervisor', businessUnitId: units.fi.id });
  p.ana = await createPerson(s.db, { name: 'Ana Learner', businessUnitId: units.cc.id, managerId: p.sue.id });
  p.ben = await createPerson(s.db, { name: 'Ben Learner', businessUnitId: units.cc.id, managerId: p.sue.id });
  p.cy = await createPerson(s.db, { name: 'Cy Learner', businessUnitId: units.fi.id, managerId: p.fin.id });
  const cora = await s.signInAs(p.cora);

  courseId = await publishedCourse(cora, p.cora.id, { title: 'Calming Difficult Calls', objectives: [{ text: 'Name the caller’s concern in their words.' }, { text: 'Offer a next step with a time.' }] });
  objectives = (await s.db.select({ id: courseObjectives.id }).from(courseObjectives).where(eq(courseObjectives.courseId, courseId)).orderBy(asc(courseObjectives.position))).map((r) => r.id) as [string, string];
  const sessionId = await scheduledSession(cora, courseId, s.clock.now(), { approvalMode: 'none', startsAt: '2026-01-20T09:00', endsAt: '2026-01-20T17:00' });
  const e: Record<string, string> = {};
  for (const who of ['ana', 'ben', 'cy'] as const) {
    const res = await cora.post(`/api/v1/course-sessions/${sessionId}/nominations`, { personId: p[who].id });
    expect(res.status, res.text).toBe(201);
    e[who] = String(res.body.id);
    await finishEnrolment(s.db, e[who], 'completed', new Date('2026-01-20T17:00:00Z'));
  }
  await answer(e.ana!, 'learner', p.ana, '2026-02-09T10:00:00Z', 10, ['met', 'met']);
  await answer(e.ana!, 'supervisor', p.sue, '2026-02-11T10:00:00Z', 9, ['met', 'partly']);
  await answer(e.ben!, 'learner', p.ben, '2026-03-04T10:00:00Z', 6, ['not_met', 'partly']);
  await answer(e.cy!, 'learner', p.cy, '2026-03-04T10:00:00Z', 8, ['met', 'met']);
  await answer(e.cy!, 'supervisor', p.fin, '2026-03-30T22:30:00Z', 3, ['not_met', 'not_met']);

  await supportCase(s.db, { enrolmentId: e.ben!, objectiveIds: [objectives[0]], openedAt: new Date('2026-03-06T10:00:00Z'), state: 'closed', decision: { option: 'no_further_training', reason: 'The call script changed; the new one fixes it.', by: p.cora.id } });
  await supportCase(s.db, { enrolmentId: e.cy!, objectiveIds: [objectives[0]], openedAt: new Date('2026-04-02T10:00:00Z') });
  await retentionPlan(s.db, { enrolmentId: e.ana!, by: p.sue.id, at: new Date('2026-02-15T10:00:00Z'), closed: true });
  await retentionPlan(s.db, { enrolmentId: e.ben!, by: p.sue.id, at: new Date('2026-03-10T10:00:00Z') });

  // Suggestions in the quarter: Ana's two (one adopted, one answered by her manager), Cy's one escalated.
  const suggestion = (submitterId: string, status: 'adopted' | 'answered' | 'escalated', day: string) =>
    s.db.insert(suggestions).values({ submitterId, title: `An idea ${status}`, idea: 'Call customers back at the time we promised.', benefit: 'Fewer repeat calls.', status, submittedAt: new Date(`${day}T10:00:00Z`), updatedAt: new Date(`${day}T10:00:00Z`) });
  await suggestion(p.ana.id, 'adopted', '2026-01-15');
  await suggestion(p.ana.id, 'answered', '2026-02-15');
  await suggestion(p.cy.id, 'escalated', '2026-03-15');

  // Requests decided in the quarter: the Call Centre's ends in a procedure change and a job aid (no
  // training), 10 days after it was sent; Finance's in a new course, 20 days after. The course's
  // project was delivered 30 days after it started.
  const decided = async (unit: string, requesterId: string, kinds: string[], submitted: string, accepted: string) => {
    const [request] = await s.db
      .insert(trainingRequests)
      .values({ requesterId, businessUnitId: unit, title: `Help for ${unit}`, state: 'accepted', submittedAt: new Date(submitted), acceptedAt: new Date(accepted), createdAt: new Date(submitted), updatedAt: new Date(accepted) })
      .returning({ id: trainingRequests.id });
    await s.db.insert(requestRecommendations).values({
      requestId: request!.id,
      version: 1,
      summary: 'What will close the gap.',
      explanation: 'Why.',
      interventions: kinds.map((kind) => ({ kind, title: kind, rationale: 'Because.', ownerId: p.cora.id, course: null, size: kind === 'new_course' ? 'small' : null })) as never,
      issuedBy: p.cora.id,
      issuedAt: new Date(accepted),
      response: 'accepted',
      respondedBy: requesterId,
      respondedAt: new Date(accepted),
    });
  };
  await decided(units.cc.id, p.sue.id, ['procedure_change', 'job_aid'], '2026-02-01T10:00:00Z', '2026-02-11T10:00:00Z');
  await decided(units.fi.id, p.fin.id, ['new_course'], '2026-02-01T10:00:00Z', '2026-02-21T10:00:00Z');
  await s.db.insert(developmentProjects).values({ title: 'Month-end close for new starters', size: 'small', state: 'delivered', ownerId: p.cora.id, startedAt: new Date('2026-02-21T10:00:00Z'), endedAt: new Date('2026-03-23T10:00:00Z') });

  await question('VQ1', '2026-03-02T09:00', units.cc.id, '2026-03-02T10:00');
  await question('VQ2', '2026-03-03T09:00', units.cc.id, '2026-03-05T16:00');
  await question('VQ3', '2026-03-30T09:00', units.fi.id);
  await question('VQ5', '2026-04-10T09:00', units.fi.id);
  s.clock.set(ny('2026-04-10T12:00'));
  lead = await s.signInAs(p.lead);
  learnerClient = await s.signInAs(p.ana);
}, 120_000);

afterAll(async () => {
  await s?.close();
});

describe('the value dashboard', () => {
  it('VA-1 computes each measure for the period from the records, by the hand count', async () => {
    const res = await lead.get(Q1);
    expect(res.status, res.text).toBe(200);
    const view = res.body as DashboardView;
    expect(view.timeZone).toBe('Europe/Paris');
    expect(view.businessUnit).toBeNull();

    const nps = measureOf(view, 'nps');
    expect(nps.figure).toEqual({ value: 25, basis: 4, tooFew: true });
    expect(nps.breakdown?.groups.map((g) => [g.key, g.figure.value, g.figure.basis])).toEqual([['learner', 0, 3], ['supervisor', 100, 1]]);
    expect(measureOf(view, 'objectives-met-learner').figure).toMatchObject({ value: 66.7, basis: 6 });
    expect(measureOf(view, 'objectives-met-supervisor').figure).toMatchObject({ value: 50, basis: 2 });

    const support = measureOf(view, 'support-cases');
    expect(support.figure.value).toBe(1);
    expect(support.breakdown?.groups.find((g) => g.key === 'no_further_training')?.figure.value).toBe(1);
    expect(support.breakdown?.groups.find((g) => g.key === 'undecided')?.figure.value).toBe(0);
    expect(measureOf(view, 'retention-plans-closed').figure).toMatchObject({ value: 50, basis: 2 });

    // Met 1 of 3: VQ2 stopped late, VQ3 is still running three weeks past its target.
    const compliance = measureOf(view, 'service-level-compliance');
    expect(compliance.figure).toMatchObject({ value: 33.3, basis: 3 });
    expect(compliance.breakdown?.groups.find((g) => g.key === 'question.first-response.web')?.figure).toMatchObject({ value: 33.3, basis: 3 });
    // Requests: one of two decisions without training, 15 days on average; the project took 30.
    expect(measureOf(view, 'requests-without-training').figure).toMatchObject({ value: 50, basis: 2 });
    expect(measureOf(view, 'request-to-decision').figure).toMatchObject({ value: 15, basis: 2 });
    expect(measureOf(view, 'decision-to-release').figure).toMatchObject({ value: 30, basis: 1 });
    // Suggestions: 2 of 3 reached leadership; of those, 1 adopted.
    expect(measureOf(view, 'suggestions-escalated').figure).toMatchObject({ value: 66.7, basis: 3 });
    expect(measureOf(view, 'suggestions-adopted').figure).toMatchObject({ value: 50, basis: 2 });
    // No feedback has reached the unit: no figure, rather than a figure of zero.
    expect(measureOf(view, 'feedback-on-time').figure).toEqual({ value: null, basis: 0, tooFew: true });
  });

  it('VA-1 filters to one business unit, and says which measures it cannot split', async () => {
    const res = await lead.get(`${Q1}&businessUnitId=${units.cc.id}`);
    expect(res.status, res.text).toBe(200);
    const view = res.body as DashboardView;
    expect(view.businessUnit).toEqual({ id: units.cc.id, name: 'Call Centre' });
    expect(measureOf(view, 'nps').figure).toMatchObject({ value: 33, basis: 3 });
    expect(measureOf(view, 'objectives-met-learner').figure).toMatchObject({ value: 50, basis: 4 });
    expect(measureOf(view, 'service-level-compliance').figure).toMatchObject({ value: 50, basis: 2 });
    expect(measureOf(view, 'retention-plans-closed').figure).toMatchObject({ value: 50, basis: 2 });
    expect(measureOf(view, 'suggestions-escalated').figure).toMatchObject({ value: 50, basis: 2 });
    expect(measureOf(view, 'suggestions-adopted').figure).toMatchObject({ value: 100, basis: 1 });
    expect(measureOf(view, 'requests-without-training').figure).toMatchObject({ value: 100, basis: 1 });
    expect(measureOf(view, 'request-to-decision').figure).toMatchObject({ value: 10, basis: 1 });
    // A project knows its request only by id: its figure is the whole organization's, and says so.
    expect(measureOf(view, 'decision-to-release').notSplitBy).toEqual(['businessUnit']);
    for (const m of view.measures.filter((m) => m.key !== 'decision-to-release')) expect(m.notSplitBy).toEqual([]);

    // A strategic goal no measure here can attribute to: each says so, none drops it silently.
    const byGoal = (await lead.get(`${Q1}&goalId=00000000-0000-4000-8000-000000000001`)).body as DashboardView;
    expect(byGoal.measures.filter((m) => !m.notSplitBy.includes('goal')).map((m) => m.key).sort()).toEqual(['request-to-decision', 'requests-without-training']);
    expect(measureOf(byGoal, 'requests-without-training').figure.basis).toBe(0);
  });

  it('VA-1 draws each measure month by month in the unit’s calendar, the quarter against its year', async () => {
    const view = (await lead.get(Q1)).body as DashboardView;
    expect(view.months).toHaveLength(12);
    expect(view.months[0]).toBe('2025-04');
    expect(view.months.at(-1)).toBe('2026-03');
    const trend = Object.fromEntries(measureOf(view, 'nps').trend.map((t) => [t.month, [t.value, t.basis]]));
    expect(trend['2026-02']).toEqual([100, 2]);
    expect(trend['2026-03']).toEqual([-50, 2]);
    expect(trend['2026-01']).toEqual([null, 0]);

    // Cy's supervisor answered at 22:30 UTC on 31 March: already April in Paris.
    const april = (await lead.get('/api/v1/value/dashboard?from=2026-04-01&to=2026-04-30')).body as DashboardView;
    expect(measureOf(april, 'nps').figure).toMatchObject({ value: -100, basis: 1 });
    // VQ5 is still running within its target at noon: no verdict yet, not counted.
    expect(measureOf(april, 'service-level-compliance').figure.basis).toBe(0);
  });

  it('VA-1 counts the trend\'s year once: the period and the head before it give what each window counted on its own gives', async () => {
    // From mid-month, in Paris, with and without a unit or a goal: the trend starts on 1 April 2025, the period on 11 February.
    const goalId = '00000000-0000-4000-8000-000000000001';
    for (const filters of [{}, { businessUnitId: units.cc.id }, { businessUnitId: units.fi.id }, { businessUnitId: units.cc.id, goalId }]) {
      const { period, trend } = await valueWindows(s.db, { from: '2026-02-11', to: '2026-03-31', ...filters }, s.clock.now());
      for (const measure of listValueMeasures()) {
        const own = measureWindow(measure, period).window;
        const ownTrend = measureWindow(measure, trend).window;
        const fast = await periodAndTrendTallies(s.db, measure, own, ownTrend);
        expect(fast.period, measure.key).toEqual(await measure.tally(s.db, own));
        expect(fast.trend, measure.key).toEqual(await measure.tally(s.db, ownTrend));
      }
    }
    // Not a vacuous comparison: February's NPS holds answers from before the period's first day.
    const { period, trend } = await valueWindows(s.db, { from: '2026-02-11', to: '2026-03-31' }, s.clock.now());
    const nps = await periodAndTrendTallies(s.db, listValueMeasures().find((m) => m.key === 'nps')!, period, trend);
    expect(nps.trend.find((t) => t.month === '2026-02')?.counts.promoters).toBe(2);
    expect(nps.period.find((t) => t.month === '2026-02')?.counts.promoters).toBe(1);
  });

  it('VA-1 flags figures resting on too few answers to judge', async () => {
    const view = (await lead.get(Q1)).body as DashboardView;
    expect(view.tooFewBelow).toBe(5);
    expect(measureOf(view, 'objectives-met-learner').figure.tooFew).toBe(false);
    expect(measureOf(view, 'nps').figure.tooFew).toBe(true);
  });

  it('VA-2 every measure says how it is computed and from which events', async () => {
    const view = (await lead.get(Q1)).body as DashboardView;
    expect(view.measures.map((m) => m.key)).toEqual(
      expect.arrayContaining(['service-level-compliance', 'objectives-met-learner', 'objectives-met-supervisor', 'nps', 'support-cases', 'retention-plans-closed', 'feedback-on-time']),
    );
    for (const m of view.measures) {
      expect(m.definition.length, m.key).toBeGreaterThan(60);
      expect(m.events.length, m.key).toBeGreaterThan(0);
    }
  });

  it('VA-2 drills down from the NPS to the answers behind it, which add up to the figure and name no one', async () => {
    const res = await lead.get(`/api/v1/value/measures/nps/records?from=2026-01-01&to=2026-03-31&businessUnitId=${units.cc.id}`);
    expect(res.status, res.text).toBe(200);
    expect(res.body.figure).toMatchObject({ value: 33, basis: 3 });
    expect(res.body.total).toBe(3);
    const scores = res.body.rows.map((r: { cells: { score: number } }) => r.cells.score);
    expect(scores).toEqual([10, 9, 6]); // in the order they were given, never ranked
    const promoters = scores.filter((x: number) => x >= 9).length;
    const detractors = scores.filter((x: number) => x <= 6).length;
    expect(Math.round((100 * (promoters - detractors)) / scores.length)).toBe(res.body.figure.value);
    expect(res.body.rows[0].href).toBe(`/courses/${courseId}/effectiveness`);
    for (const person of [p.ana, p.ben, p.sue]) {
      expect(res.text).not.toContain(person.name);
      expect(res.text).not.toContain(person.email);
    }
    expect(res.text).not.toContain('A comment by');

    const cases = await lead.get('/api/v1/value/measures/support-cases/records?from=2026-01-01&to=2026-03-31');
    expect(cases.body.rows).toHaveLength(1);
    expect(cases.body.rows[0].cells).toMatchObject({ course: 'Calming Difficult Calls', businessUnit: 'Call Centre', decision: 'No further training' });
    expect(cases.body.rows[0].href).toMatch(/^\/support\//);

    const clocks = await lead.get('/api/v1/value/measures/service-level-compliance/records?from=2026-01-01&to=2026-03-31');
    expect(clocks.body.rows.map((r: { cells: { verdict: string; stopped: string } }) => [r.cells.verdict, r.cells.stopped])).toEqual([
      ['Met', '2026-03-02'],
      ['Breached', '2026-03-05'],
      ['Breached', 'Still running'],
    ]);
    expect(clocks.body.rows[0].href).toBe('/questions/VQ1');
  });

  it('VA-3 exports the dashboard and the records behind a figure as CSV that recomputes by hand', async () => {
    const dashboard = await lead.get(`/api/v1/value/dashboard.csv?from=2026-01-01&to=2026-03-31&businessUnitId=${units.cc.id}`);
    expect(dashboard.status).toBe(200);
    expect(String(dashboard.headers['content-type'])).toMatch(/^text\/csv/);
    expect(String(dashboard.headers['content-disposition'])).toContain('value-2026-01-01-to-2026-03-31.csv');
    const lines = dashboard.text.split('\r\n');
    expect(lines[0]).toBe('from,to,business_unit,measure,part,value,basis,note,not_split_by,definition');
    expect(lines.find((l) => l.startsWith('2026-01-01,2026-03-31,Call Centre,Net promoter score,,33,3,too few to judge'))).toBeDefined();
    expect(lines).toContain('Net promoter score,2026-02,100,2,too few to judge');

    const records = await lead.get(`/api/v1/value/measures/nps/records.csv?from=2026-01-01&to=2026-03-31&businessUnitId=${units.cc.id}`);
    expect(records.status).toBe(200);
    const [header, ...rows] = records.text.trim().split('\r\n');
    expect(header).toBe('Answered,Course,Session,Business unit,Answered by,Score (0–10),Category');
    const scores = rows.map((r) => Number(r.split(',')[5]));
    const nps = Math.round((100 * (scores.filter((x) => x >= 9).length - scores.filter((x) => x <= 6).length)) / scores.length);
    expect(nps).toBe(33);
  });

  it('refuses a bad period, an unknown unit and an unknown measure, field by field', async () => {
    const backwards = await lead.get('/api/v1/value/dashboard?from=2026-03-31&to=2026-01-01');
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors).toEqual([expect.objectContaining({ field: 'querystring.to', message: 'The period must end on or after its first day.' })]);
    const notADay = await lead.get('/api/v1/value/dashboard?from=2026-02-30&to=2026-03-01');
    expect(notADay.status).toBe(400);
    expect(notADay.body.errors[0].field).toBe('querystring.from');
    const tooLong = await lead.get('/api/v1/value/dashboard?from=2020-01-01&to=2026-03-01');
    expect(tooLong.body.errors[0].field).toBe('querystring.to');
    const unknownUnit = await lead.get(`${Q1}&businessUnitId=00000000-0000-4000-8000-000000000009`);
    expect(unknownUnit.status).toBe(400);
    expect(unknownUnit.body.errors).toEqual([expect.objectContaining({ field: 'querystring.businessUnitId' })]);
    expect((await lead.get('/api/v1/value/measures/no-such-thing/records?from=2026-01-01&to=2026-03-31')).status).toBe(404);
    expect((await learnerClient.get(Q1)).status).toBe(403);
  });

  it('VA-1 a recommendation includes training exactly when one of its interventions is a course, new or existing', async () => {
    const [request] = await s.db.select({ id: trainingRequests.id }).from(trainingRequests).limit(1);
    const kinds = [[], ['coaching', 'existing_course'], ['job_aid'], ['new_course'], ['procedure_change', 'management_action']];
    for (const [i, list] of kinds.entries()) {
      await s.db.insert(requestRecommendations).values({
        requestId: request!.id, version: 10 + i, summary: 'Another version.', explanation: 'Why.', issuedBy: p.cora.id, issuedAt: new Date('2026-04-01T10:00:00Z'),
        interventions: list.map((kind) => ({ kind, title: kind, rationale: 'Because.', ownerId: p.cora.id, course: null, size: null })) as never,
      });
    }
    // The flag the measures read, against the rule it stands for, on every recommendation.
    const rows = (await s.db.execute(sql`SELECT rr.includes_training AS flag,
        EXISTS (SELECT 1 FROM jsonb_array_elements(rr.interventions) i WHERE i->>'kind' IN ('new_course', 'existing_course')) AS rule
      FROM request_recommendations rr ORDER BY rr.version`)) as unknown as { rows: { flag: boolean; rule: boolean }[] };
    expect(rows.rows.length).toBe(7);
    expect(rows.rows.filter((r) => r.flag).length).toBe(3);
    for (const r of rows.rows) expect(r.flag).toBe(r.rule);
  });

  it('VA-2 offers no leaderboard, points, badges or rank anywhere in the API: no route and no field carries one', () => {
    const doc = s.app.swagger() as { paths: Record<string, unknown> };
    const names = new Set<string>(Object.keys(doc.paths));
    const collect = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(collect);
      else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if (key === 'properties' && value && typeof value === 'object') for (const name of Object.keys(value)) names.add(name);
          collect(value);
        }
      }
    };
    collect(doc);
    const forbidden = /leaderboard|rank|points|badge|streak|xp\b/i;
    expect([...names].filter((n) => forbidden.test(n))).toEqual([]);
    expect(names.size).toBeGreaterThan(200);
  });
});
