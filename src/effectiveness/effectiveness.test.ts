import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq, inArray } from 'drizzle-orm';
import { createPerson, type TestPerson } from '../../tests/support/factories';
import { createTestStride, type TestStride } from '../../tests/support/test-stride';
import type { TestClient } from '../../tests/support/test-client';
import { publishedCourse, scheduledSession } from '../../tests/support/enrolment-factories';
import { certificate, finishEnrolment, followUp, retentionPlan, supportCase } from '../../tests/support/after-event-factories';
import type { ObjectiveRating } from '../follow-up/follow-up-values';
import { courseObjectives } from '../catalog/schema';

// AF-7 from a known set of answers: a course with two sessions, taught by two instructors.
//   Session 1 (Ivo, 9 March 2026): learners Ana, Ben, Cy completed on 10 March, Dee a no-show.
//     Learners answer 10, 9, 6; supervisors: Sue answers 9, Sam answers 7, Sid never answers.
//   Session 2 (Ola, 13 April 2026): Eva and Fay completed on 15 April. Eva answers 5; Fay and
//     Eva's supervisor never answer.
// Objectives O1, O2 current; O3 removed after Eva answered about it; O4 removed, never answered.

let s: TestStride;
const p = {} as Record<'cora' | 'ivo' | 'ola' | 'ana' | 'ben' | 'cy' | 'dee' | 'eva' | 'fay' | 'sue' | 'sam' | 'sid' | 'sal', TestPerson>;
const c = {} as Record<'cora' | 'ivo' | 'ola' | 'ana' | 'sue', TestClient>;
let courseId: string;
const sessions = { one: '', two: '' };
const e = {} as Record<'ana' | 'ben' | 'cy' | 'dee' | 'eva' | 'fay', string>;
let o: [string, string, string, string];
const COMMENT = 'The role-play was far too short to practise anything.';
const at = (iso: string) => new Date(`${iso}T15:00:00Z`);

/** The coordinator puts the learner down (one sign-in for all, rather than one per learner). */
async function apply(who: 'ana' | 'ben' | 'cy' | 'dee' | 'eva' | 'fay', sessionId: string): Promise<string> {
  const res = await c.cora.post(`/api/v1/course-sessions/${sessionId}/nominations`, { personId: p[who].id });
  expect(res.status, res.text).toBe(201);
  return String(res.body.id);
}

async function answered(enrolmentId: string, role: 'learner' | 'supervisor', respondent: TestPerson, recommend: number, ratings: ObjectiveRating[], day: string, comment?: string) {
  const byObjective = Object.fromEntries(ratings.map((r, i) => [o[i]!, r]));
  return followUp(s.db, { enrolmentId, role, respondentId: respondent.id, openedAt: at(day), answer: { recommend, ratings: byObjective, comment, example: `Example by ${respondent.name}` } });
}

beforeAll(async () => {
  s = await createTestStride();
  s.clock.set(new Date('2026-03-01T12:00:00Z'));
  for (const [key, name] of Object.entries({ cora: 'Cora Coordinator', ivo: 'Ivo Instructor', ola: 'Ola Instructor' }) as [keyof typeof p, string][]) {
    p[key] = await createPerson(s.db, { name, roles: key === 'cora' ? ['coordinator'] : ['instructor'] });
  }
  for (const [key, name] of Object.entries({ sue: 'Sue Supervisor', sam: 'Sam Supervisor', sid: 'Sid Supervisor', sal: 'Sal Supervisor' }) as [keyof typeof p, string][]) p[key] = await createPerson(s.db, { name });
  const learners = { ana: 'sue', ben: 'sam', cy: 'sid', dee: 'sid', eva: 'sal', fay: 'sal' } as const;
  for (const [key, boss] of Object.entries(learners) as [keyof typeof learners, keyof typeof p][]) p[key] = await createPerson(s.db, { name: `${key[0]!.toUpperCase()}${key.slice(1)} Learner`, managerId: p[boss].id });
  for (const key of ['cora', 'ivo', 'ola', 'ana', 'sue'] as const) c[key] = await s.signInAs(p[key]);

  courseId = await publishedCourse(c.cora, p.cora.id, {
    title: 'Handling Customer Complaints',
    objectives: [{ text: 'Restate a customer complaint in the customer’s own words.' }, { text: 'Write a reply that says what happens next and by when.' }, { text: 'Log the case with its category in the ticket system.' }, { text: 'Escalate a case politely to the team lead on duty.' }],
  });
  o = (await s.db.select({ id: courseObjectives.id }).from(courseObjectives).where(eq(courseObjectives.courseId, courseId)).orderBy(asc(courseObjectives.position))).map((r) => r.id) as typeof o;
  sessions.one = await scheduledSession(c.cora, courseId, s.clock.now(), { approvalMode: 'none', startsAt: '2026-03-09T09:00', endsAt: '2026-03-09T17:00', instructorId: p.ivo.id });
  sessions.two = await scheduledSession(c.cora, courseId, s.clock.now(), { approvalMode: 'none', startsAt: '2026-04-13T09:00', endsAt: '2026-04-13T17:00', instructorId: p.ola.id });
  for (const who of ['ana', 'ben', 'cy', 'dee'] as const) e[who] = await apply(who, sessions.one);
  for (const who of ['eva', 'fay'] as const) e[who] = await apply(who, sessions.two);
  for (const who of ['ana', 'ben', 'cy'] as const) await finishEnrolment(s.db, e[who], 'completed', at('2026-03-10'));
  await finishEnrolment(s.db, e.dee, 'no_show', at('2026-03-10'));
  for (const who of ['eva', 'fay'] as const) await finishEnrolment(s.db, e[who], 'completed', at('2026-04-15'));

  // Session 1: learners 10, 9, 6; supervisors 9 and 7, and one who never answers.
  await answered(e.ana, 'learner', p.ana, 10, ['met', 'not_met'], '2026-04-09', COMMENT);
  await answered(e.ben, 'learner', p.ben, 9, ['met', 'partly'], '2026-04-09');
  await answered(e.cy, 'learner', p.cy, 6, ['partly', 'met'], '2026-04-09');
  await answered(e.ana, 'supervisor', p.sue, 9, ['met', 'not_met'], '2026-04-09');
  await answered(e.ben, 'supervisor', p.sam, 7, ['partly', 'not_met'], '2026-04-09');
  await followUp(s.db, { enrolmentId: e.cy, role: 'supervisor', respondentId: p.sid.id, openedAt: at('2026-04-09') });
  // Session 2: Eva answers 5 (O1 not met, O3 met); Fay and Eva's supervisor do not answer.
  await followUp(s.db, { enrolmentId: e.eva, role: 'learner', respondentId: p.eva.id, openedAt: at('2026-05-15'), answer: { recommend: 5, ratings: { [o[0]]: 'not_met', [o[2]]: 'met' } } });
  await followUp(s.db, { enrolmentId: e.fay, role: 'learner', respondentId: p.fay.id, openedAt: at('2026-05-15') });
  await followUp(s.db, { enrolmentId: e.eva, role: 'supervisor', respondentId: p.sal.id, openedAt: at('2026-05-15') });
  await s.db.update(courseObjectives).set({ removedAt: at('2026-06-01') }).where(inArray(courseObjectives.id, [o[2], o[3]]));

  // Support: Ana's case closed with "no further training"; Ben's open, undecided; Eva's in progress with coaching.
  await supportCase(s.db, { enrolmentId: e.ana, objectiveIds: [o[1]], openedAt: at('2026-04-10'), state: 'closed', decision: { option: 'no_further_training', reason: 'The reply template changes next month.', by: p.cora.id }, outcome: 'Explained; the new template covers it.' });
  await supportCase(s.db, { enrolmentId: e.ben, objectiveIds: [o[1]], openedAt: at('2026-04-10') });
  await supportCase(s.db, { enrolmentId: e.eva, objectiveIds: [o[0]], openedAt: at('2026-05-16'), state: 'in_progress', decision: { option: 'coaching', reason: 'Two calls with a team lead.', by: p.cora.id } });
  await retentionPlan(s.db, { enrolmentId: e.ana, by: p.sue.id, at: at('2026-03-20') });
  await retentionPlan(s.db, { enrolmentId: e.ben, by: p.sam.id, at: at('2026-03-20'), closed: true });
  for (const who of ['ana', 'ben', 'cy', 'eva', 'fay'] as const) await certificate(s.db, { enrolmentId: e[who], learnerName: p[who].name, at: at(who === 'eva' || who === 'fay' ? '2026-04-15' : '2026-03-10'), ...(who === 'fay' ? { revokedBy: p.cora.id } : {}) });
});
afterAll(() => s.close());

const ratings = (met: number, partly: number, notMet: number) => {
  const total = met + partly + notMet;
  const pc = (x: number) => (total ? Math.round((100 * x) / total) : null);
  return { met, partly, notMet, total, metPercent: pc(met), partlyPercent: pc(partly), notMetPercent: pc(notMet) };
};

describe('AF-7 effectiveness', () => {
  it('AF-7 a course: objectives by learner and supervisor side by side, NPS per role and combined, response rates, completions, support, plans, certificates', async () => {
    const res = await c.cora.get(`/api/v1/courses/${courseId}/effectiveness`);
    expect(res.status, res.text).toBe(200);
    const v = res.body;
    expect(v.scope).toBe('course');
    expect(v.completions).toEqual({ completed: 5, noShow: 1 });
    expect(v.objectives.map((x: { text: string; removed: boolean }) => [x.text, x.removed])).toEqual([
      ['Restate a customer complaint in the customer’s own words.', false],
      ['Write a reply that says what happens next and by when.', false],
      ['Log the case with its category in the ticket system.', true],
    ]);
    const [o1, o2, o3] = v.objectives;
    expect(o1.learner).toEqual(ratings(2, 1, 1));
    expect(o1.supervisor).toEqual(ratings(1, 1, 0));
    expect(o2.learner).toEqual(ratings(1, 1, 1));
    expect(o2.supervisor).toEqual(ratings(0, 0, 2));
    expect(o3.learner).toEqual(ratings(1, 0, 0));
    expect(o3.supervisor).toEqual(ratings(0, 0, 0));
    // Learners 10, 9, 6, 5: 2 promoters, 2 detractors → 0. Supervisors 9, 7 → 50. All six: (3 − 2) / 6 → 17.
    expect(v.nps.learner).toEqual({ promoters: 2, passives: 0, detractors: 2, answers: 4, nps: 0 });
    expect(v.nps.supervisor).toEqual({ promoters: 1, passives: 1, detractors: 0, answers: 2, nps: 50 });
    expect(v.nps.combined).toEqual({ promoters: 3, passives: 1, detractors: 2, answers: 6, nps: 17 });
    expect(v.responses).toEqual({ learner: { opened: 5, answered: 4, percent: 80 }, supervisor: { opened: 4, answered: 2, percent: 50 } });
    expect(v.supportCases).toEqual({
      opened: 3,
      byState: { open: 1, in_progress: 1, closed: 1 },
      byDecision: { practice_session: 0, job_aid: 0, coaching: 1, mentoring: 0, diagnosis: 0, no_further_training: 1 },
      undecided: 1,
      noFurtherTraining: 1,
      closedWithOutcome: 1,
    });
    expect(v.retentionPlans).toEqual({ started: 2, active: 1, closed: 1 });
    expect(v.certificates).toEqual({ issued: 5, revoked: 1 });
    // One row per session, in date order, with its own figures.
    expect(v.sessions.map((r: Record<string, unknown>) => [r.id, r.instructor, r.completed, r.noShow, r.responses, r.opened, r.nps])).toEqual([
      [sessions.one, 'Ivo Instructor', 3, 1, 5, 6, 40],
      [sessions.two, 'Ola Instructor', 2, 0, 1, 3, -100],
    ]);
  });

  it('AF-7 a session counts its own learners only; a period on completion dates narrows a course', async () => {
    const one = await c.cora.get(`/api/v1/course-sessions/${sessions.one}/effectiveness`);
    expect(one.status, one.text).toBe(200);
    expect(one.body.session).toMatchObject({ id: sessions.one, instructor: 'Ivo Instructor', timeZone: 'America/New_York' });
    expect(one.body.completions).toEqual({ completed: 3, noShow: 1 });
    expect(one.body.nps.learner).toEqual({ promoters: 2, passives: 0, detractors: 1, answers: 3, nps: 33 });
    expect(one.body.nps.combined).toEqual({ promoters: 3, passives: 1, detractors: 1, answers: 5, nps: 40 });
    expect(one.body.responses.supervisor).toEqual({ opened: 3, answered: 2, percent: 67 });
    expect(one.body.objectives.map((x: { text: string }) => x.text)).toEqual(['Restate a customer complaint in the customer’s own words.', 'Write a reply that says what happens next and by when.']);
    expect(one.body.supportCases.opened).toBe(2);
    expect(one.body.certificates).toEqual({ issued: 3, revoked: 0 });

    const april = await c.cora.get(`/api/v1/courses/${courseId}/effectiveness?from=2026-04-01&to=2026-04-30`);
    expect(april.status, april.text).toBe(200);
    expect(april.body).toMatchObject({ from: '2026-04-01', to: '2026-04-30', completions: { completed: 2, noShow: 0 } });
    expect(april.body.nps.combined).toEqual({ promoters: 0, passives: 0, detractors: 1, answers: 1, nps: -100 });
    expect(april.body.sessions.map((r: { id: string }) => r.id)).toEqual([sessions.two]);

    const empty = await c.cora.get(`/api/v1/courses/${courseId}/effectiveness?from=2026-07-01`);
    expect(empty.body.completions).toEqual({ completed: 0, noShow: 0 });
    expect(empty.body.nps.combined.nps).toBeNull();
    expect(empty.body.responses.learner.percent).toBeNull();
    expect(empty.body.objectives.map((x: { text: string }) => x.text)).toEqual(['Restate a customer complaint in the customer’s own words.', 'Write a reply that says what happens next and by when.']);

    const backwards = await c.cora.get(`/api/v1/courses/${courseId}/effectiveness?from=2026-05-01&to=2026-04-01`);
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors).toEqual([expect.objectContaining({ field: 'querystring.to' })]);
  });

  it('AF-7 an instructor sees their own sessions only: the course as the sum of theirs, another’s session refused', async () => {
    const course = await c.ivo.get(`/api/v1/courses/${courseId}/effectiveness`);
    expect(course.status, course.text).toBe(200);
    expect(course.body.scope).toBe('instructor');
    expect(course.body.completions).toEqual({ completed: 3, noShow: 1 });
    expect(course.body.sessions.map((r: { id: string }) => r.id)).toEqual([sessions.one]);
    expect((await c.ivo.get(`/api/v1/course-sessions/${sessions.one}/effectiveness`)).status).toBe(200);
    expect((await c.ivo.get(`/api/v1/course-sessions/${sessions.two}/effectiveness`)).status).toBe(403);
    expect((await c.ola.get(`/api/v1/course-sessions/${sessions.one}/effectiveness`)).status).toBe(403);
  });

  it('AF-7 learners and supervisors give the figures but do not read them; lists are for coordinators', async () => {
    for (const who of [c.ana, c.sue]) {
      expect((await who.get(`/api/v1/courses/${courseId}/effectiveness`)).status).toBe(403);
      expect((await who.get(`/api/v1/course-sessions/${sessions.one}/effectiveness`)).status).toBe(403);
      expect((await who.get('/api/v1/effectiveness/courses?from=2026-01-01&to=2026-12-31')).status).toBe(403);
    }
    expect((await s.client().get(`/api/v1/courses/${courseId}/effectiveness`)).status).toBe(401);
  });

  it('AF-7 only aggregates leave: no respondent, learner, comment or example is in any answer', async () => {
    const bodies = [
      (await c.cora.get(`/api/v1/courses/${courseId}/effectiveness`)).text,
      (await c.cora.get(`/api/v1/course-sessions/${sessions.one}/effectiveness`)).text,
      (await c.ivo.get(`/api/v1/course-sessions/${sessions.one}/effectiveness`)).text,
    ];
    const people = [p.ana, p.ben, p.cy, p.dee, p.eva, p.fay, p.sue, p.sam, p.sid, p.sal];
    for (const text of bodies) {
      for (const person of people) {
        expect(text).not.toContain(person.id);
        expect(text).not.toContain(person.name);
        expect(text).not.toContain(person.email);
      }
      for (const id of Object.values(e)) expect(text).not.toContain(id);
      expect(text).not.toContain(COMMENT);
      expect(text).not.toContain('Example by');
      expect(text).not.toContain('The reply template changes');
    }
  });

  it('AF-7 the list of courses with completions in a period is alphabetical, not ranked', async () => {
    const other = await publishedCourse(c.cora, p.cora.id, { title: 'Active Listening' });
    const otherSession = await scheduledSession(c.cora, other, s.clock.now(), { approvalMode: 'none', startsAt: '2026-03-16T09:00', endsAt: '2026-03-16T17:00' });
    const enrolment = await c.cora.post(`/api/v1/course-sessions/${otherSession}/nominations`, { personId: p.dee.id });
    expect(enrolment.status, enrolment.text).toBe(201);
    await finishEnrolment(s.db, enrolment.body.id, 'completed', at('2026-03-17'));
    const march = await c.cora.get('/api/v1/effectiveness/courses?from=2026-03-01&to=2026-03-31');
    expect(march.status, march.text).toBe(200);
    expect(march.body.courses.map((x: { title: string }) => x.title)).toEqual(['Active Listening', 'Handling Customer Complaints']);
    const may = await c.cora.get('/api/v1/effectiveness/courses?from=2026-05-01&to=2026-05-31');
    expect(may.body.courses).toEqual([]);
  });
});
