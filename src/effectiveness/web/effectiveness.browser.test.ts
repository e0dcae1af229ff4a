import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { asc, eq } from 'drizzle-orm';
import { fixedClock } from '../../platform/clock';
import { courseObjectives } from '../../catalog/schema';
import { createPerson, TEST_PASSWORD, type TestPerson } from '../../../tests/support/factories';
import { TestClient } from '../../../tests/support/test-client';
import { publishedCourse, scheduledSession } from '../../../tests/support/enrolment-factories';
import { certificate, finishEnrolment, followUp, retentionPlan, supportCase } from '../../../tests/support/after-event-factories';
import { expectNoAxeViolations } from '../../../tests/support/browser';
import { startBrowserStride, type BrowserStride } from '../../../tests/support/browser-stride';

// AF-7 as a coordinator meets it: from the Effectiveness list to a course's page, with its
// objectives chart and table, NPS with counts, response rates, support and plans, the session row
// and its own page, and the print view — accessible (axe, charts included) and at phone width.

const DAY = 86_400_000;
const start = new Date(Math.floor(Date.now() / DAY) * DAY - 60 * DAY + 12 * 3_600_000);
const clock = fixedClock(start);
const sessionDay = new Date(start.getTime() + 7 * DAY).toISOString().slice(0, 10);
const done = new Date(start.getTime() + 8 * DAY);
const title = 'Handling Customer Complaints';

let stride: BrowserStride;
let page: Page;
let cora: TestPerson;
let courseId: string;

beforeAll(async () => {
  stride = await startBrowserStride({ clock, timezoneId: 'America/New_York' });
  page = stride.page;
  const { db } = stride.database;
  cora = await createPerson(db, { name: 'Cora Coordinator', roles: ['coordinator'] });
  const ivo = await createPerson(db, { name: 'Ivo Instructor', roles: ['instructor'] });
  const api = new TestClient(stride.app);
  const signedIn = await api.post('/api/v1/session', { email: cora.email, password: TEST_PASSWORD });
  if (signedIn.status !== 200) throw new Error(`sign-in: ${signedIn.status} ${signedIn.text}`);
  courseId = await publishedCourse(api, cora.id, { title });
  const objectives = (await db.select({ id: courseObjectives.id }).from(courseObjectives).where(eq(courseObjectives.courseId, courseId)).orderBy(asc(courseObjectives.position))).map((r) => r.id);
  const sessionId = await scheduledSession(api, courseId, start, { approvalMode: 'none', startsAt: `${sessionDay}T09:00`, endsAt: `${sessionDay}T17:00`, instructorId: ivo.id });
  // Three learners completed; learners answer 10, 9, 4 and two supervisors 8 and 3.
  const plan = [
    { learner: 10, supervisor: 8, ratings: ['met', 'met'] },
    { learner: 9, supervisor: 3, ratings: ['met', 'not_met'] },
    { learner: 4, supervisor: undefined, ratings: ['partly', 'not_met'] },
  ] as const;
  for (const [i, p] of plan.entries()) {
    const boss = await createPerson(db, { name: `Boss ${i}`, password: false });
    const learner = await createPerson(db, { name: `Learner ${i}`, managerId: boss.id, password: false });
    const res = await api.post(`/api/v1/course-sessions/${sessionId}/nominations`, { personId: learner.id });
    if (res.status !== 201) throw new Error(`nomination: ${res.status} ${res.text}`);
    const enrolmentId = String(res.body.id);
    await finishEnrolment(db, enrolmentId, 'completed', done);
    await certificate(db, { enrolmentId, learnerName: learner.name, at: done });
    const ratings = Object.fromEntries(p.ratings.map((r, k) => [objectives[k]!, r]));
    await followUp(db, { enrolmentId, role: 'learner', respondentId: learner.id, openedAt: done, answer: { recommend: p.learner, ratings } });
    await followUp(db, { enrolmentId, role: 'supervisor', respondentId: boss.id, openedAt: done, ...(p.supervisor === undefined ? {} : { answer: { recommend: p.supervisor, ratings } }) });
    if (i === 1) await supportCase(db, { enrolmentId, objectiveIds: [objectives[1]!], openedAt: done, state: 'closed', decision: { option: 'no_further_training', reason: 'A job aid already covers it.', by: cora.id }, outcome: 'Agreed.' });
    if (i === 0) await retentionPlan(db, { enrolmentId, by: boss.id, at: done });
  }
}, 180_000);
afterAll(() => stride?.close());

describe('AF-7 effectiveness pages', () => {
  it('AF-7 a coordinator opens a course from the Effectiveness list and reads its figures, charts with tables, accessibly and in print', async () => {
    await stride.signIn(cora, '/effectiveness');
    await page.waitForURL((url) => url.pathname === '/effectiveness');
    await expect.poll(() => page.getByRole('navigation').getByRole('link', { name: 'Effectiveness' }).count()).toBe(1);
    await page.getByRole('link', { name: title }).click();
    await page.waitForURL((url) => url.pathname === `/courses/${courseId}/effectiveness`);
    const main = page.getByRole('main');
    await main.getByRole('heading', { name: 'Objectives met — learners and supervisors' }).waitFor();
    await page.waitForLoadState('networkidle');

    // The chart's table, which screen readers read: objective 2 — learners 1 met, 0 partly, 2 not met.
    const objectives = main.getByRole('table', { name: /rated each objective/ });
    const rows = await objectives.getByRole('row').allInnerTexts();
    expect(rows.map((r) => r.replace(/\s+/g, ' ').trim())).toContainEqual(expect.stringMatching(/^2\. .+ Learners 1 \(33%\) 0 \(0%\) 2 \(67%\) 3$/));
    expect(await main.locator('.stride-effectiveness-chart svg').count()).toBe(2);
    // NPS: learners 10, 9, 4 → +33; supervisors 8, 3 → −50; everyone 2 promoters, 1 passive, 2 detractors of 5 → 0.
    const nps = main.getByRole('region', { name: 'Recommendation (NPS)' });
    await expect.poll(() => nps.innerText()).toMatch(/Learners\s+\+33 NPS from 3 answers/);
    expect(await nps.innerText()).toMatch(/Supervisors\s+−50 NPS from 2 answers/);
    expect(await main.getByRole('progressbar', { name: /Supervisors: 2 of 3 answered \(67%\)/ }).count()).toBe(1);
    expect(await main.getByRole('region', { name: 'Support cases' }).innerText()).toMatch(/No further training”, with a written reason: 1/);
    expect(await main.getByRole('region', { name: 'Sessions' }).getByRole('row').count()).toBe(2);
    await expectNoAxeViolations(page, 'the course effectiveness page');

    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    expect(await page.getByRole('navigation').first().isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });

    // The session's own page, from its row: the same figures for its learners.
    await main.getByRole('region', { name: 'Sessions' }).getByRole('link').click();
    await page.waitForURL((url) => url.pathname.startsWith('/course-sessions/'));
    await main.getByRole('heading', { name: /Taught by|Objectives met/ }).first().waitFor();
    await expect.poll(() => main.getByRole('region', { name: 'Recommendation (NPS)' }).innerText()).toMatch(/Everyone\s+0 NPS from 5 answers/);
    // Built of the same components as the course page, which axe has checked above.

    await page.setViewportSize({ width: 390, height: 844 });
    // Charts re-measure on resize (a ResizeObserver), so wait for the page to settle at phone width.
    const wider = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('main *')]
          .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !el.closest('[role="region"][tabindex]'))
          .slice(0, 3)
          .map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
      );
    await expect.poll(wider, { timeout: 5_000 }).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    expect(stride.cspViolations).toEqual([]);
  }, 40_000);
});
