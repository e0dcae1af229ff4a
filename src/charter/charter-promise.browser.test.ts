import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fixedClock } from '../platform/clock';
import { createBusinessUnit, createPerson, type TestPerson } from '../../tests/support/factories';
import { expectNoAxeViolations } from '../../tests/support/browser';
import { startBrowserStride, type BrowserStride } from '../../tests/support/browser-stride';
import { demoServiceLevels, seedDemoCharter } from './demo-charter';

// Issue 4's "done means", walked as new users would: the unit lead edits and publishes the charter;
// a learner reads it from the navigation; a question asked on Friday 4 September 2026 at 16:55,
// with an 8-working-hour first-response target and Labor Day on the Monday, is due Tuesday at
// 16:25; answering it stops the clock; the compliance report counts it as met.
// The server's clock is moved (fixedClock); the browser shows times in New York, as the unit does.

const newYork = (local: string) => new Date(`${local}-04:00`);
const clock = fixedClock(newYork('2026-09-01T09:00:00'));

let stride: BrowserStride;
let base: string;
let page: Page;
let lead: TestPerson;
let learner: TestPerson;
let coordinator: TestPerson;

const phoneLevel = demoServiceLevels.find((level) => level.key === 'question.first-response.phone')!;
const webLevel = demoServiceLevels.find((level) => level.key === 'question.first-response.web')!;
const subject = 'Which course covers switching orders for new field technicians?';
const main = () => page.getByRole('main');
const heading = (name: string | RegExp) => page.getByRole('heading', { name });

async function signInAt(person: TestPerson, path: string, at: Date): Promise<void> {
  clock.set(at);
  await page.context().clearCookies();
  await stride.signIn(person, path);
}

beforeAll(async () => {
  stride = await startBrowserStride({ clock, timezoneId: 'America/New_York' });
  ({ base, page } = stride);
  const { db } = stride.database;
  const field = await createBusinessUnit(db, { name: 'Field Operations' });
  lead = await createPerson(db, { name: 'Grace Lead', roles: ['unit_lead'] });
  learner = await createPerson(db, { name: 'Lena Learner', businessUnitId: field.id });
  coordinator = await createPerson(db, { name: 'Cora Coordinator', roles: ['coordinator'] });
  await seedDemoCharter(db, clock, lead.id);
}, 180_000);

afterAll(async () => {
  await stride?.close();
});

describe('the service charter, kept: issue 4 walked through in a real browser', () => {
  it('CH-1 CH-2 CH-3 CH-4 IN-1 the lead publishes, a learner reads, a Friday 16:55 question before Labor Day is due Tuesday 16:25, the answer meets it, the report counts it', async () => {
    // The unit lead shortens the phone promise and publishes version 2.
    await signInAt(lead, '/charter', newYork('2026-09-01T09:00:00'));
    await page.getByRole('link', { name: 'Edit the charter' }).click();
    await page.waitForURL(/\/charter\/edit$/);
    const phone = page.getByRole('group', { name: phoneLevel.name, exact: true });
    await phone.getByLabel('Target').fill('2');
    await page.getByLabel('Summary of changes').fill('Phone calls get a first answer within 2 working hours.');
    await page.getByRole('button', { name: 'Publish…' }).click();
    await page.getByRole('dialog', { name: 'Publish the charter?' }).getByRole('button', { name: 'Publish now' }).click();
    await page.waitForURL(/\/charter\/versions\/2$/);
    await page.getByRole('region', { name: 'What changed' }).getByText(phoneLevel.name, { exact: false }).first().waitFor();

    // A learner finds it in the main navigation and reads the promise for web questions.
    await signInAt(learner, '/', newYork('2026-09-01T10:00:00'));
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Charter' }).click();
    await page.waitForURL(/\/charter$/);
    const webRow = main().locator('tr', { has: page.getByText(webLevel.name, { exact: true }) });
    await webRow.waitFor();
    expect(await webRow.textContent()).toContain('8 working hours');
    expect(await main().textContent()).toContain('Version 2');
    await page.waitForLoadState('networkidle');
    await expectNoAxeViolations(page, 'the charter as a learner reads it');

    // Friday 4 September, 16:55 New York time: the learner asks on the web form.
    await signInAt(learner, '/questions/ask', newYork('2026-09-04T16:55:00'));
    await heading('Ask the training unit').waitFor();
    await page.getByLabel('Subject').fill(subject);
    await page.getByLabel('Your question').fill('I start in the field next month and need to read switching orders.');
    await page.getByRole('button', { name: 'Send the question' }).click();
    await page.waitForURL(/\/questions\/[0-9a-f-]{36}$/);
    const questionUrl = page.url();
    // 5 minutes on Friday; the weekend and Labor Day count nothing; 475 minutes from 08:30 Tuesday.
    const promise = main().getByRole('status').filter({ hasText: "We'll answer by" });
    await promise.waitFor();
    expect(await promise.textContent()).toMatch(/We'll answer by Tue, Sep 8, 0?4:25\s?PM/);

    // Tuesday 10:00: a coordinator answers; the first-response clock stops, met.
    await signInAt(coordinator, new URL(questionUrl).pathname, newYork('2026-09-08T10:00:00'));
    await heading(subject).waitFor();
    await page.getByLabel('Your answer').fill('The Switching Orders Basics course runs on 14 October; I have put your name down.');
    await page.getByRole('button', { name: 'Send the answer' }).click();
    await main().getByText('Cora Coordinator answered').waitFor();
    await main().getByText('Met', { exact: true }).first().waitFor();

    // The unit lead opens the service-level report from the navigation, for September: one web question, met.
    await signInAt(lead, '/', newYork('2026-09-30T12:00:00'));
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Service-level report' }).click();
    await page.waitForURL(/\/service-levels\/compliance/);
    // The page's presets count from the browser's today; September is asked for in the URL.
    await page.goto(`${base}/service-levels/compliance?from=2026-09-01&to=2026-09-30`);
    const web = main().getByRole('article', { name: webLevel.name });
    await web.getByText('1 of 1 met', { exact: true }).waitFor();
    expect(await web.getByRole('img', { name: 'Share met: 100%, 1 of 1 met' }).isVisible()).toBe(true);
    expect(await web.getByText('Target: 8 working hours').isVisible()).toBe(true);
    await page.waitForLoadState('networkidle');
    await expectNoAxeViolations(page, 'the service-level report for September');
    expect(stride.cspViolations, 'the walk-through broke the Content Security Policy').toEqual([]);
  }, 300_000);
});
