import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { fixedClock } from '../../platform/clock';
import type { App } from '../../platform/http/types';
import { buildApp } from '../../app/build-app';
import type { TestDatabase } from '../../../tests/support/test-database';
import { TestClient } from '../../../tests/support/test-client';
import { createBusinessUnit, createPerson, TEST_PASSWORD, type TestPerson } from '../../../tests/support/factories';
import { expectNoAxeViolations } from '../../../tests/support/browser';
import { startBrowserStride, type BrowserStride } from '../../../tests/support/browser-stride';
import { seedDemoCharter } from '../../charter/demo-charter';
import { recordClockEvent } from '../record-clock-event';
import { presetRange, todayIn } from '../../app/web/report-period';

// CH-3 as staff meet it: the compliance report of the questions asked in early June 2026 on the
// demo charter (web questions answered within 8 working hours, 08:30–17:00 New York weekdays).
// The questions are asked and answered through the API on a clock the test moves; the browser's
// Stride reads them on the real clock, so the one question never answered is long late.

const WEB = 'question.first-response.web';
const WEB_NAME = 'First response to a question — web form';
const ny = (local: string) => new Date(`${local}:00-04:00`);
const june = '/service-levels/compliance?from=2026-06-01&to=2026-06-10';

let stride: BrowserStride;
let database: TestDatabase;
let base: string;
let page: Page;
let api: App;
const apiClock = fixedClock(new Date());
let units: { operations: { id: string }; field: { id: string } };
let cora: TestPerson;
let learner: TestPerson;
let leader: TestPerson;
const ids: Record<'late' | 'paused' | 'open', string> = { late: '', paused: '', open: '' };
/** Question id → its reference (Q-000123), which the report names a breach by. */
const references = new Map<string, string>();

async function signIn(person: TestPerson): Promise<TestClient> {
  const client = new TestClient(api);
  const res = await client.post('/api/v1/session', { email: person.email, password: TEST_PASSWORD });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${res.text}`);
  return client;
}

async function ask(asker: TestClient, subject: string, at: string): Promise<string> {
  apiClock.set(ny(at));
  const res = await asker.post('/api/v1/questions', { subject, body: 'When is the next session?' });
  expect(res.status, res.text).toBe(201);
  references.set(res.body.id, res.body.reference);
  return res.body.id;
}

async function answer(staff: TestClient, id: string, at: string): Promise<void> {
  apiClock.set(ny(at));
  const res = await staff.post(`/api/v1/questions/${id}/answers`, { body: 'The next session is on Monday.' });
  expect(res.status, res.text).toBe(201);
}

async function clockEvent(type: string, id: string, at: string): Promise<void> {
  await database.db.transaction((tx) => recordClockEvent(tx, apiClock, { type, subject: { type: 'question', id }, at: ny(at) }));
}

beforeAll(async () => {
  stride = await startBrowserStride();
  ({ database, base, page } = stride);
  const db = database.db;
  units = { operations: await createBusinessUnit(db, { name: 'Operations' }), field: await createBusinessUnit(db, { name: 'Field Services' }) };
  const olga = await createPerson(db, { name: 'Olga Operations', businessUnitId: units.operations.id });
  const fred = await createPerson(db, { name: 'Fred Field', businessUnitId: units.field.id });
  cora = await createPerson(db, { name: 'Cora Coordinator', roles: ['coordinator'] });
  learner = await createPerson(db, { name: 'Lena Learner' });
  leader = await createPerson(db, { name: 'Leo Leader', roles: ['leader'] });
  // Version 1 of the charter is in force from January 2026, before every question below.
  await seedDemoCharter(db, fixedClock(new Date('2026-01-02T12:00:00Z')), cora.id);

  // The API on the same database, on a clock the test moves. Sessions start at today's clock; their
  // expiry stays ahead of the June moments visited below.
  ({ app: api } = await buildApp({ database, clock: apiClock, publicUrl: 'http://stride.test', serveWeb: false, logLevel: 'silent' }));
  await api.ready();
  const [asOlga, asFred, asCora] = [await signIn(olga), await signIn(fred), await signIn(cora)];

  // Operations: answered in 60 working minutes; in 1080 (600 late, Cora owning it); in 180.
  await answer(asCora, await ask(asOlga, 'Excel basics', '2026-06-01T09:00'), '2026-06-01T10:00');
  ids.late = await ask(asOlga, 'Forklift licence', '2026-06-01T09:00');
  apiClock.set(ny('2026-06-01T09:30'));
  expect((await asCora.patch(`/api/v1/questions/${ids.late}/assignee`, { assigneeId: cora.id })).status).toBe(200);
  await answer(asCora, ids.late, '2026-06-03T10:00');
  await answer(asCora, await ask(asOlga, 'Safety refresher', '2026-06-09T09:00'), '2026-06-09T12:00');
  // Field Services: answered in 120; waiting on the asker for 210 working minutes, answered at 630
  // (150 late); one never answered.
  await answer(asCora, await ask(asFred, 'Welding course', '2026-06-02T09:00'), '2026-06-02T11:00');
  ids.paused = await ask(asFred, 'Crane operation', '2026-06-03T13:00');
  await clockEvent('question.waiting-on-customer', ids.paused, '2026-06-03T14:00');
  await clockEvent('question.customer-replied', ids.paused, '2026-06-04T09:00');
  await answer(asCora, ids.paused, '2026-06-05T10:00');
  ids.open = await ask(asFred, 'First aid dates', '2026-06-08T09:00');
}, 180_000);

afterAll(async () => {
  await api?.close();
  await stride?.close();
});

const main = () => page.getByRole('main');
const card = (name: string) => main().getByRole('article', { name });
/** The value beside a term in a service level's figures. */
const figure = (article: Locator, term: string) => article.locator('dl > div').filter({ has: page.getByText(term, { exact: true }) }).locator('dd');
const breachRow = (id: string) => main().locator('tr', { has: page.locator(`a[href="/questions/${id}"]`) });
const csvHref = () => main().getByRole('link', { name: 'Download CSV' }).getAttribute('href');
const choose = async (select: string, option: string) => {
  await page.getByRole('textbox', { name: select, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
};

describe('the service-level compliance report in a real browser', () => {
  it('CH-3 staff read share met, times and breaches per period and business unit, filter in the URL, download CSV and print; a learner is refused; axe finds nothing', async () => {
    const reportRequests: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/v1/service-levels/compliance')) reportRequests.push(r.url());
    });

    // From the navigation, on this month by default (in the charter calendar's time zone).
    await stride.signIn(cora, '/');
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Service-level report' }).click();
    await page.waitForURL(/\/service-levels\/compliance$/);
    await page.getByRole('heading', { name: 'Service-level compliance', level: 1 }).waitFor();
    const thisMonth = presetRange('this-month', todayIn('America/New_York'));
    await main().getByRole('heading', { name: 'Breaches' }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Period', exact: true }).inputValue()).toBe('This month');
    expect(await csvHref()).toBe(`/api/v1/service-levels/compliance.csv?from=${thisMonth.from}&to=${thisMonth.to}`);

    // Early June, from the URL: six web questions, three met and two breached of the five answered.
    await page.goto(`${base}${june}`);
    const web = card(WEB_NAME);
    await web.waitFor();
    expect(await web.getByText('Target: 8 working hours').isVisible()).toBe(true);
    expect(await web.getByRole('img', { name: 'Share met: 60%, 3 of 5 met' }).isVisible()).toBe(true);
    expect(await web.getByText('3 of 5 met', { exact: true }).isVisible()).toBe(true);
    const figures = Object.fromEntries(
      await Promise.all(['Started', 'Still running', 'Met', 'Breached', 'Running and already late', 'Median time', '90th percentile'].map(async (t) => [t, await figure(web, t).textContent()])),
    );
    // Answered in 60, 120, 180, 630, 1080: median 180; 90th percentile 630 + 0.6 × 450 = 900 (a working day is 510).
    expect(figures).toEqual({
      Started: '6',
      'Still running': '1',
      Met: '3',
      Breached: '2',
      'Running and already late': '1',
      'Median time': '3 working hours',
      '90th percentile': '1 working day and 6 hours 30 minutes',
    });
    // Per business unit, in alphabetical order, as figures beside bars.
    const unitRows = web.getByRole('table').locator('tbody tr');
    expect(await unitRows.allTextContents()).toEqual([
      expect.stringMatching(/^Field Services50% \(1 of 2 met\)3.*1$/),
      expect.stringMatching(/^Operations67% \(2 of 3 met\)3.*0$/),
    ]);
    expect(await card('First response to a question — phone message').getByText('No clock started in this period.').isVisible()).toBe(true);

    // The breaches, each with its cause; questions link to their page.
    expect(await main().locator('table.stride-compliance-breaches tbody tr').count()).toBe(3);
    const late = breachRow(ids.late);
    // ICU writes a narrow no-break space before AM and PM.
    expect((await late.locator('td').allTextContents()).map((t) => t.replace(/\s/g, ' '))).toEqual([
      WEB_NAME,
      `Question ${references.get(ids.late)}`,
      'Operations',
      'Jun 1, 2026, 9:00 AM',
      'Jun 1, 2026, 5:00 PM',
      'Jun 3, 2026, 10:00 AM',
      '1 working day and 1 hour 30 minutes',
      'Stopped late: The unit answered the question',
      'Cora Coordinator',
      'Not paused',
    ]);
    expect(await breachRow(ids.paused).textContent()).toContain('2 working hours 30 minutes'); // late by
    expect(await breachRow(ids.paused).locator('td').last().textContent()).toBe('3 working hours 30 minutes'); // paused
    expect(await breachRow(ids.open).textContent()).toMatch(/Field Services.*Still running.*Still open.*No owner/);
    expect(await csvHref()).toBe('/api/v1/service-levels/compliance.csv?from=2026-06-01&to=2026-06-10');
    await page.waitForLoadState('networkidle');
    await expectNoAxeViolations(page, 'the compliance report, all business units');

    // On paper: no navigation, filters or buttons; the report itself stays.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: 'Main navigation' }).isVisible()).toBe(false);
    expect(await page.getByRole('search', { name: 'Filter the report' }).isVisible()).toBe(false);
    expect(await main().getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    expect(await web.isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });

    // The filters: a later first day, then one business unit; the URL and the CSV link follow.
    await page.getByLabel('From', { exact: true }).fill('2026-06-08');
    await page.waitForURL(/from=2026-06-08/);
    await web.getByText('1 of 1 met', { exact: true }).waitFor();
    expect(await figure(web, 'Started').textContent()).toBe('2');
    await choose('Business unit', 'Field Services');
    await page.waitForURL(new RegExp(`unit=${units.field.id}`));
    await web.getByRole('img', { name: 'Share met: no clock has stopped yet' }).waitFor();
    expect(await web.getByRole('table').count()).toBe(0);
    expect(await main().locator('table.stride-compliance-breaches tbody tr').count()).toBe(1);
    const href = await csvHref();
    expect(href).toBe(`/api/v1/service-levels/compliance.csv?from=2026-06-08&to=2026-06-10&businessUnitId=${units.field.id}`);
    const csv = await page.request.get(`${base}${href}`);
    expect(csv.status()).toBe(200);
    expect((await csv.text()).split('\r\n')).toContain(`${WEB},${WEB_NAME},480,All business units,1,1,0,0,,,,1`);

    // A last day before the first: the field says so and nothing is asked.
    await page.waitForLoadState('networkidle');
    const asked = reportRequests.length;
    await page.getByLabel('To', { exact: true }).fill('2026-06-01');
    await page.getByText('The period must end on or after its first day.').waitFor();
    expect(await page.getByLabel('To', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await main().getByRole('button', { name: 'Download CSV' }).isDisabled()).toBe(true);
    await page.waitForLoadState('networkidle');
    expect(reportRequests.length).toBe(asked);
    await expectNoAxeViolations(page, 'the compliance report, a period ending before it starts');

    // A preset from the filters replaces the days; a service level from the URL narrows the cards.
    await choose('Period', 'Last month');
    await page.waitForURL((url) => url.searchParams.get('period') === 'last-month' && !url.searchParams.has('from'));
    const lastMonth = presetRange('last-month', todayIn('America/New_York'));
    expect(await csvHref()).toBe(`/api/v1/service-levels/compliance.csv?from=${lastMonth.from}&to=${lastMonth.to}&businessUnitId=${units.field.id}`);
    await page.goto(`${base}/service-levels/compliance?from=2026-06-09&to=2026-06-09&level=${encodeURIComponent(WEB)}`);
    await web.getByText('1 of 1 met', { exact: true }).waitFor();
    expect(await main().getByRole('article').count()).toBe(1);
    await main().getByText('No breaches in this period').waitFor();
    await page.waitForLoadState('networkidle');
    await expectNoAxeViolations(page, 'the compliance report, one service level, no breaches');

    // A leader reads the report too, but not the unit's questions: the subject is named, not linked.
    await page.context().clearCookies();
    await stride.signIn(leader, june);
    await main().getByText(`Question ${references.get(ids.late)}`, { exact: true }).waitFor();
    expect(await main().locator(`a[href="/questions/${ids.late}"]`).count()).toBe(0);

    // A learner is told the page is not for them, and has no link to it.
    await page.context().clearCookies();
    await stride.signIn(learner, '/service-levels/compliance');
    await page.getByRole('heading', { name: 'Not available to you' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Service-level report' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'the compliance report, refused to a learner');
    expect(stride.cspViolations, 'the compliance page broke the Content Security Policy').toEqual([]);
  }, 120_000);
});
