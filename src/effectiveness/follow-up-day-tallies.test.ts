import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq, inArray } from 'drizzle-orm';
import { createTestStride, type TestStride } from '../../tests/support/test-stride';
import { createBusinessUnit, createPerson, setUnitContact, type TestPerson } from '../../tests/support/factories';
import { publishedCourse, scheduledSession } from '../../tests/support/enrolment-factories';
import { finishEnrolment, followUp } from '../../tests/support/after-event-factories';
import { courseObjectives } from '../catalog/schema';
import { people } from '../people/schema';
import { enrolments } from '../enrolment/schema';
import { followUpAnswers, followUps } from '../follow-up/schema';
import { getUnitSettings, saveUnitSettings } from '../platform/settings/unit-settings';
import { queryTallies } from '../platform/measures/month-tallies';
import type { MeasureWindow } from '../platform/measures/value-measure';
import { dayTalliesCover } from '../follow-up/follow-up-day-tallies';
import { valueWindows } from '../value/value-window';
import { tallyQueries } from './value-measures';

// Decision 030: the follow-up measures read day tallies the database keeps as records are written.
// After every kind of write that changes what a follow-up counts — answering, a rating changed, a
// form deleted, a learner moving unit, an enrolment changing learner, the unit's time zone
// changing — the tallies must give exactly the rows the straightforward count over the follow-ups
// gives, for the whole organization and each unit, with or without a goal, over periods that
// start and end on month boundaries of the unit's zone and inside months.

let s: TestStride;
const units = {} as Record<'a' | 'b', { id: string }>;
const p = {} as Record<'cora' | 'sue' | 'ana' | 'ben' | 'nou' | 'zed', TestPerson>;
let objectives: string[] = [];
const e: Record<string, string> = {};

const periods: [string, string][] = [
  ['2026-01-01', '2026-12-31'],
  ['2026-03-01', '2026-03-31'],
  ['2026-04-01', '2026-04-30'],
  ['2026-03-15', '2026-04-14'],
  ['2026-03-31', '2026-04-01'],
];

/** Every window the check covers: each period, for the organization, each unit and a goal. */
async function windows(): Promise<MeasureWindow[]> {
  const out: MeasureWindow[] = [];
  for (const [from, to] of periods) {
    for (const businessUnitId of [undefined, units.a.id, units.b.id]) {
      const { period, trend } = await valueWindows(s.db, { from, to, businessUnitId }, s.clock.now());
      out.push(period, trend, { ...period, goalId: '00000000-0000-4000-8000-000000000001' });
    }
  }
  return out;
}

/** Checks the tallies against the count over the rows for every window; returns the organization's objectives rated in 2026. */
async function expectTalliesEqualRows(): Promise<number> {
  for (const window of await windows()) {
    expect(await dayTalliesCover(s.db, window)).toBe(true);
    for (const role of ['learner', 'supervisor'] as const) {
      expect(await queryTallies(s.db, tallyQueries.objectivesMet(role, window, true))).toEqual(await queryTallies(s.db, tallyQueries.objectivesMet(role, window, false)));
    }
    expect(await queryTallies(s.db, tallyQueries.recommendation(window, true))).toEqual(await queryTallies(s.db, tallyQueries.recommendation(window, false)));
  }
  const { period } = await valueWindows(s.db, { from: '2026-01-01', to: '2026-12-31' }, s.clock.now());
  const rated = await queryTallies(s.db, tallyQueries.objectivesMet('learner', period, false));
  return rated.reduce((n, t) => n + (t.counts.of ?? 0), 0);
}

async function answerLater(enrolmentId: string, who: TestPerson, role: 'learner' | 'supervisor', at: Date, recommend: number, ratings: ('met' | 'partly' | 'not_met')[]) {
  // As answering a form does (follow-up/answer-follow-up.ts): the form first, then its ratings.
  const id = await followUp(s.db, { enrolmentId, role, respondentId: who.id, openedAt: new Date(at.getTime() - 86_400_000) });
  await s.db.transaction(async (tx) => {
    await tx.update(followUps).set({ answeredAt: at, recommend }).where(eq(followUps.id, id));
    await tx.insert(followUpAnswers).values(ratings.map((rating, i) => ({ followUpId: id, objectiveId: objectives[i]!, rating })));
  });
  return id;
}

beforeAll(async () => {
  s = await createTestStride();
  s.clock.set(new Date('2026-01-02T12:00:00Z'));
  await setUnitContact(s.db); // Europe/Paris
  units.a = await createBusinessUnit(s.db, { name: 'Alpha' });
  units.b = await createBusinessUnit(s.db, { name: 'Beta' });
  p.cora = await createPerson(s.db, { roles: ['coordinator'] });
  p.sue = await createPerson(s.db, { businessUnitId: units.a.id });
  p.ana = await createPerson(s.db, { businessUnitId: units.a.id, managerId: p.sue.id });
  p.ben = await createPerson(s.db, { businessUnitId: units.b.id, managerId: p.sue.id });
  p.nou = await createPerson(s.db, { businessUnitId: null });
  p.zed = await createPerson(s.db, { businessUnitId: units.b.id });
  const cora = await s.signInAs(p.cora);
  const courseId = await publishedCourse(cora, p.cora.id, { title: 'Tallies', objectives: [{ text: 'Name the caller’s concern in their words.' }, { text: 'Offer a next step with a time.' }, { text: 'Close the call with a summary.' }] });
  objectives = (await s.db.select({ id: courseObjectives.id }).from(courseObjectives).where(eq(courseObjectives.courseId, courseId)).orderBy(asc(courseObjectives.position))).map((r) => r.id);
  const sessionId = await scheduledSession(cora, courseId, s.clock.now(), { approvalMode: 'none', startsAt: '2026-01-20T09:00', endsAt: '2026-01-20T17:00' });
  for (const who of ['ana', 'ben', 'nou'] as const) {
    const res = await cora.post(`/api/v1/course-sessions/${sessionId}/nominations`, { personId: p[who].id });
    expect(res.status, res.text).toBe(201);
    e[who] = String(res.body.id);
    await finishEnrolment(s.db, e[who], 'completed', new Date('2026-01-20T17:00:00Z'));
  }
  s.clock.set(new Date('2026-05-01T12:00:00Z'));
}, 120_000);

afterAll(async () => {
  await s?.close();
});

describe('the follow-up day tallies (decision 030)', () => {
  it('equal the count over the follow-ups after every write that changes one, in the unit’s zone, per unit and for the organization', async () => {
    expect(await expectTalliesEqualRows()).toBe(0);

    // Answers around the turn of March in Paris: 31 March 21:59 UTC is still March (23:59, summer
    // time), 22:00 UTC is already 1 April; a form written whole, and forms answered later.
    await followUp(s.db, { enrolmentId: e.ana!, role: 'learner', respondentId: p.ana.id, openedAt: new Date('2026-03-30T21:59:00Z'), answer: { recommend: 10, ratings: { [objectives[0]!]: 'met', [objectives[1]!]: 'partly' } } });
    const anaSup = await answerLater(e.ana!, p.sue, 'supervisor', new Date('2026-03-31T22:00:00Z'), 7, ['met', 'met', 'not_met']);
    await answerLater(e.ben!, p.ben, 'learner', new Date('2026-03-14T23:30:00Z'), 3, ['not_met', 'met']);
    const nouForm = await answerLater(e.nou!, p.nou, 'learner', new Date('2026-04-14T22:30:00Z'), 9, ['met']);
    await followUp(s.db, { enrolmentId: e.nou!, role: 'supervisor', respondentId: p.sue.id, openedAt: new Date('2026-04-01T10:00:00Z') }); // never answered
    expect(await expectTalliesEqualRows()).toBe(5);

    // A rating changed, and a form with its ratings deleted.
    await s.db.update(followUpAnswers).set({ rating: 'met' }).where(eq(followUpAnswers.followUpId, anaSup));
    await s.db.delete(followUpAnswers).where(eq(followUpAnswers.followUpId, nouForm));
    await s.db.delete(followUps).where(eq(followUps.id, nouForm));
    expect(await expectTalliesEqualRows()).toBe(4);

    // Learners moving: Ana to Beta, the unit-less learner into Alpha, Ben out of any unit; then an
    // enrolment handed to another learner.
    await s.db.update(people).set({ businessUnitId: units.b.id }).where(eq(people.id, p.ana.id));
    await s.db.update(people).set({ businessUnitId: units.a.id }).where(eq(people.id, p.nou.id));
    await s.db.update(people).set({ businessUnitId: null }).where(inArray(people.id, [p.ben.id]));
    expect(await expectTalliesEqualRows()).toBe(4);
    await s.db.update(enrolments).set({ personId: p.zed.id }).where(eq(enrolments.id, e.ben!));
    expect(await expectTalliesEqualRows()).toBe(4);

    // The unit moves to New York: every answer falls on a day of the new zone (31 March 22:00 UTC
    // is March again), and the windows are that zone's.
    await saveUnitSettings(s.db, { ...(await getUnitSettings(s.db)), timeZone: 'America/New_York' });
    expect(await expectTalliesEqualRows()).toBe(4);
  });

  it('count a window that is not whole days of the unit’s zone from the follow-ups themselves', async () => {
    const { period } = await valueWindows(s.db, { from: '2026-03-01', to: '2026-03-31' }, s.clock.now());
    expect(await dayTalliesCover(s.db, { ...period, start: new Date(period.start.getTime() + 3_600_000) })).toBe(false);
    expect(await dayTalliesCover(s.db, { ...period, timeZone: 'Asia/Kolkata' })).toBe(false);
  });
});
