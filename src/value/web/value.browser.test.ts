import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { asc, eq } from 'drizzle-orm';
import { courseObjectives } from '../../catalog/schema';
import { createBusinessUnit, createPerson, setUnitContact, TEST_PASSWORD, type TestPerson } from '../../../tests/support/factories';
import { TestClient } from '../../../tests/support/test-client';
import { publishedCourse, scheduledSession } from '../../../tests/support/enrolment-factories';
import { finishEnrolment, followUp } from '../../../tests/support/after-event-factories';
import { expectNoAxeViolations } from '../../../tests/support/browser';
import { startBrowserStride, type BrowserStride } from '../../../tests/support/browser-stride';
import { presetRange, todayIn } from '../../app/web/report-period';

// Issue 11's "Done means", as the unit lead meets it: the dashboard, filtered to one business unit
// and the last quarter; the NPS figure clicked through to the follow-up answers behind it; those
// exported as CSV; and the NPS recomputed by hand from the export matches the figure on screen.
// The answers sit in the last quarter of the real calendar (the page's presets use today's date).

const DAY = 86_400_000;
const quarter = presetRange('last-quarter', todayIn('Europe/Paris'));
const inQuarter = (days: number) => new Date(Date.parse(`${quarter.from}T10:00:00Z`) + days * DAY);

let stride: BrowserStride;
let page: Page;
let lead: TestPerson;

beforeAll(async () => {
  stride = await startBrowserStride({ timezoneId: 'Europe/Paris' });
  page = stride.page;
  const { db } = stride.database;
  await setUnitContact(db);
  const callCentre = await createBusinessUnit(db, { code: 'CC', name: 'Call Centre' });
  const finance = await createBusinessUnit(db, { code: 'FI', name: 'Finance' });
  lead = await createPerson(db, { name: 'Lena Lead', roles: ['unit_lead'] });
  const cora = await createPerson(db, { name: 'Cora Coordinator', roles: ['coordinator'] });
  const api = new TestClient(stride.app);
  const signedIn = await api.post('/api/v1/session', { email: cora.email, password: TEST_PASSWORD });
  if (signedIn.status !== 200) throw new Error(`sign-in: ${signedIn.status} ${signedIn.text}`);
  const courseId = await publishedCourse(api, cora.id, { title: 'Calming Difficult Calls' });
  const objectives = (await db.select({ id: courseObjectives.id }).from(courseObjectives).where(eq(courseObjectives.courseId, courseId)).orderBy(asc(courseObjectives.position))).map((r) => r.id);
  const sessionId = await scheduledSession(api, courseId, new Date(), { approvalMode: 'none' });
  // Call Centre: learners answer 10, 9, 5 and a supervisor 7 → 2 promoters, 1 passive, 1 detractor: +25.
  // Finance (filtered out): 0 and 2. An answer before the quarter (3) is outside it.
  const answers = [
    { unit: callCentre.id, learner: 10, supervisor: 7, day: 5 },
    { unit: callCentre.id, learner: 9, supervisor: undefined, day: 20 },
    { unit: callCentre.id, learner: 5, supervisor: undefined, day: 40 },
    { unit: callCentre.id, learner: 3, supervisor: undefined, day: -10 },
    { unit: finance.id, learner: 0, supervisor: 2, day: 30 },
  ];
  for (const [i, a] of answers.entries()) {
    const boss = await createPerson(db, { name: `Boss ${i}`, businessUnitId: a.unit, password: false });
    const learner = await createPerson(db, { name: `Learner ${i}`, businessUnitId: a.unit, managerId: boss.id, password: false });
    const res = await api.post(`/api/v1/course-sessions/${sessionId}/nominations`, { personId: learner.id });
    if (res.status !== 201) throw new Error(`nomination: ${res.status} ${res.text}`);
    const enrolmentId = String(res.body.id);
    await finishEnrolment(db, enrolmentId, 'completed', inQuarter(a.day - 20));
    const ratings = Object.fromEntries(objectives.map((o) => [o, 'met' as const]));
    await followUp(db, { enrolmentId, role: 'learner', respondentId: learner.id, openedAt: inQuarter(a.day), answer: { recommend: a.learner, ratings } });
    if (a.supervisor !== undefined) await followUp(db, { enrolmentId, role: 'supervisor', respondentId: boss.id, openedAt: inQuarter(a.day), answer: { recommend: a.supervisor, ratings } });
  }
}, 180_000);
afterAll(() => stride?.close());

const main = () => page.getByRole('main');
const choose = async (select: string, option: string) => {
  await page.getByRole('textbox', { name: select, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
};

describe('the value dashboard in a real browser', () => {
  it('VA-1 VA-2 VA-3 the unit lead filters to a unit and a quarter, opens the answers behind the NPS, exports them, and the export recomputes to the figure', async () => {
    await stride.signIn(lead, '/value');
    await page.waitForURL((url) => url.pathname === '/value');
    await main().getByRole('heading', { name: 'The value of the unit', level: 1 }).waitFor();
    await main().getByRole('heading', { name: 'Learning that lasts' }).waitFor();
    await expectNoAxeViolations(page, 'the value dashboard');

    await choose('Period', 'Last quarter');
    await expect.poll(() => new URL(page.url()).searchParams.get('period')).toBe('last-quarter');
    await choose('Business unit', 'Call Centre');
    await expect.poll(() => new URL(page.url()).searchParams.has('unit')).toBe(true);
    // The second choice keeps the first (it once started from a render that had not caught up).
    expect(new URL(page.url()).searchParams.get('period')).toBe('last-quarter');
    const nps = main().getByRole('article', { name: 'Net promoter score' });
    const figureLink = nps.getByRole('link', { name: /^Net promoter score: \+25, from 4 answers/ });
    await figureLink.waitFor();
    await expect.poll(() => nps.getByText('Too few to judge').count()).toBe(1);
    await expect.poll(() => nps.locator('.stride-value-trend svg').count()).toBe(1);
    await nps.getByText('How it is computed').click();
    await nps.locator('details').getByText(/promoters \(9–10\) minus detractors \(0–6\)/).waitFor();
    await expectNoAxeViolations(page, 'the value dashboard, filtered, a definition open');

    await figureLink.click();
    await page.waitForURL((url) => url.pathname === '/value/measures/nps' && url.searchParams.get('period') === 'last-quarter');
    await main().getByRole('heading', { name: 'Behind the figure: Net promoter score' }).waitFor();
    const table = main().getByRole('table');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(4);
    expect(await main().textContent()).not.toContain('Learner 0');
    await expectNoAxeViolations(page, 'the records behind the NPS');
    const shown = (await main().locator('p').filter({ hasText: /^[+−-]?\d+$/ }).first().textContent())?.trim();

    const [download] = await Promise.all([page.waitForEvent('download'), main().getByRole('link', { name: 'Download CSV' }).click()]);
    const path = await download.path();
    const csv = await readFile(path, 'utf8');
    const [header, ...rows] = csv.trim().split('\r\n');
    const scoreAt = header!.split(',').indexOf('Score (0–10)');
    const scores = rows.map((r) => Number(r.split(',')[scoreAt]));
    expect(scores.sort()).toEqual([10, 5, 7, 9].sort());
    const byHand = Math.round((100 * (scores.filter((s) => s >= 9).length - scores.filter((s) => s <= 6).length)) / scores.length);
    expect(byHand).toBe(25);
    expect(shown).toBe('+25');

    expect(stride.cspViolations).toEqual([]);
  }, 120_000);

  it('VA-1 a learner does not see the dashboard', async () => {
    const learner = await createPerson(stride.database.db, { name: 'Lou Learner' });
    await page.context().clearCookies();
    await stride.signIn(learner, '/value');
    await main().getByRole('heading', { name: 'Not available to you' }).waitFor();
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Value' }).count()).toBe(0);
  }, 60_000);
});
