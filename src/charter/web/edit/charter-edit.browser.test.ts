import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { systemClock } from '../../../platform/clock';
import { createPerson, type TestPerson } from '../../../../tests/support/factories';
import { expectNoAxeViolations } from '../../../../tests/support/browser';
import { startBrowserStride, type BrowserStride } from '../../../../tests/support/browser-stride';
import { demoServiceLevels, seedDemoCharter } from '../../demo-charter';

// CH-1 CH-4 as the unit lead lives them: edit the charter in force, be told field by field what is
// wrong (and have nothing published), save a draft, publish it as version 2 with what changed —
// and a learner then reads the new promise, but cannot open the editor.

let stride: BrowserStride;
let base: string;
let learner: TestPerson;
let lead: TestPerson;
let page: Page;

const newLevelName = 'Courseware fix confirmed to the reporter';
const webLevel = demoServiceLevels.find((level) => level.key === 'question.first-response.web')!;
const summary = 'Web questions now get a first answer within 4 working hours; closed on Founders Day.';

const main = () => page.getByRole('main');
const group = (name: string) => page.getByRole('group', { name, exact: true });

const signIn = (person: TestPerson, path: string) => stride.signIn(person, path);

async function versionInForce(): Promise<number> {
  const response = await page.request.get(`${base}/api/v1/charter`);
  return ((await response.json()) as { version: number }).version;
}

beforeAll(async () => {
  stride = await startBrowserStride();
  ({ base, page } = stride);
  const { db } = stride.database;
  learner = await createPerson(db, { name: 'Lena Learner' });
  lead = await createPerson(db, { name: 'Dana Lead', roles: ['unit_lead'] });
  await seedDemoCharter(db, systemClock, lead.id);
}, 180_000);

afterAll(async () => {
  await stride?.close();
});

describe('the unit lead edits and publishes the charter in a real browser', () => {
  it('CH-1 CH-2 CH-4 edit, see field errors with nothing published, save a draft, publish version 2; a learner reads it and cannot edit', async () => {
    await signIn(lead, '/charter');
    await page.waitForURL(/\/charter$/);
    await page.getByRole('link', { name: 'Edit the charter' }).click();
    await page.waitForURL(/\/charter\/edit$/);
    await page.getByRole('heading', { name: 'Edit the charter' }).waitFor();
    const web = group(webLevel.name);
    await web.waitFor();
    expect(await web.getByLabel('Target').inputValue()).toBe('8');
    expect(await web.textContent()).toContain('8 working hours');
    await page.waitForLoadState('networkidle');
    await expectNoAxeViolations(page, 'charter editor');

    // A holiday, a target of zero and a Monday that ends before it starts: refused on the spot.
    await page.getByRole('button', { name: 'Add a holiday' }).click();
    await page.getByLabel(/^Date of holiday/).last().fill('2026-12-28');
    await page.getByLabel(/^Name of holiday/).last().fill('Founders Day');
    await web.getByLabel('Target').fill('0');
    const monday = group('Monday');
    await monday.getByLabel('Ends').fill('08:00');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await web.getByText('The target must be more than zero business minutes.').waitFor();
    await monday.getByText(/The period must end after it starts/).waitFor();
    expect(await web.getByLabel('Target').getAttribute('aria-invalid')).toBe('true');
    const alert = main().getByRole('alert').filter({ hasText: 'Not saved yet' });
    expect(await alert.textContent()).toContain('2 things need attention');
    expect(await alert.textContent()).toContain(`${webLevel.name} › target`);
    expect(await alert.textContent()).toContain('Monday › period 1 › end');
    expect(await page.getByLabel(/^Name of holiday/).last().inputValue()).toBe('Founders Day');
    expect(await versionInForce()).toBe(1);
    await page.evaluate(() => window.scrollTo(0, 0));
    await web.screenshot({ path: '/tmp/charter-edit-errors-level.png' });
    await group('Working week').screenshot({ path: '/tmp/charter-edit-errors-week.png' });
    await expectNoAxeViolations(page, 'charter editor with errors');

    // Fixed, saved as a draft (readers still see version 1), then published.
    await web.getByLabel('Target').fill('4');
    expect(await web.textContent()).toContain('4 working hours (240 business minutes)');
    await monday.getByLabel('Ends').fill('17:00');

    // A new promise, wired to events Stride records (CH-2); a clock that never stops is refused.
    await page.getByRole('button', { name: 'Add a service level' }).click();
    await group(`Service level ${demoServiceLevels.length + 1}`).getByLabel('Name', { exact: true }).fill(newLevelName);
    const added = group(newLevelName);
    await added.getByLabel('Key', { exact: true }).fill('problem-report.fix-confirmed');
    await added.getByLabel('Measures', { exact: true }).click();
    await page.getByRole('option', { name: 'A courseware problem report' }).click();
    expect(await added.getByLabel('Starts when', { exact: true }).inputValue()).toBe('A courseware problem was reported');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await added.getByText('A clock that never stops cannot be met; name at least one event that stops it.').waitFor();
    await page.waitForLoadState('networkidle');
    await expectNoAxeViolations(page, 'charter editor, a new service level with no stop event');
    await added.getByLabel('Stops when', { exact: true }).click();
    await page.getByRole('option', { name: 'The reporter got an answer' }).click();
    await page.keyboard.press('Escape');
    expect(await added.textContent()).toContain('stops when the reporter got an answer');

    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText(/^Draft saved at /).waitFor();
    expect(await alert.count()).toBe(0);
    expect(await versionInForce()).toBe(1);

    await page.getByLabel('Summary of changes').fill(summary);
    await page.getByRole('button', { name: 'Publish…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Publish the charter?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(summary);
    await expectNoAxeViolations(page, 'publish modal');
    await dialog.getByRole('button', { name: 'Publish now' }).click();

    await page.waitForURL(/\/charter\/versions\/2$/);
    const changes = page.getByRole('region', { name: 'What changed' });
    await changes.waitFor();
    const changed = (await changes.textContent()) ?? '';
    expect(changed).toContain(webLevel.name);
    expect(changed).toContain('4 working hours');
    expect(changed).toContain('Holiday added: Founders Day (2026-12-28)');
    expect(changed).not.toContain('Monday');
    expect(changed).toContain(newLevelName);
    expect(await main().getByText(summary).first().isVisible()).toBe(true);
    expect(await versionInForce()).toBe(2);

    // A learner reads the new promise and has no way into the editor.
    await stride.browser.context.clearCookies();
    await signIn(learner, '/charter');
    await page.waitForURL(/\/charter$/);
    const webRow = main().locator('tr', { has: page.getByText(webLevel.name, { exact: true }) });
    await webRow.waitFor();
    expect(await webRow.textContent()).toContain('4 working hours');
    expect(await page.getByRole('link', { name: 'Edit the charter' }).count()).toBe(0);
    await page.goto(`${base}/charter/edit`);
    await page.getByRole('heading', { name: 'Not available to you' }).waitFor();
    expect(await page.getByLabel('Summary of changes').count()).toBe(0);
    expect(stride.cspViolations, 'the charter editor broke the Content Security Policy').toEqual([]);
  }, 300_000);
});
