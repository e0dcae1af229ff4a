import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { systemClock } from '../../platform/clock';
import type { TestDatabase } from '../../../tests/support/test-database';
import { createPerson, type TestPerson } from '../../../tests/support/factories';
import { expectNoAxeViolations } from '../../../tests/support/browser';
import { startBrowserStride, type BrowserStride } from '../../../tests/support/browser-stride';
import { demoCharter, demoServiceLevels, seedDemoCharter } from '../demo-charter';
import { saveCharterDraft } from '../save-charter-draft';
import { publishCharterDraft } from '../publish-charter-draft';

// CH-1 and CH-4 as a learner meets them: the charter from the main navigation, its service levels
// in working time, the version history and what a version changed, and the charter on paper.

let stride: BrowserStride;
let database: TestDatabase;
let base: string;
let learner: TestPerson;
let lead: TestPerson;
let page: Page;

const webLevel = demoServiceLevels.find((level) => level.key === 'question.first-response.web')!;
const phoneLevel = demoServiceLevels.find((level) => level.key === 'question.first-response.phone')!;
const secondSummary = 'Phone messages are now called back within 2 working hours.';

/** Version 2 of the demo charter: a faster phone call-back, published by the unit lead. */
async function publishSecondVersion() {
  await database.db.transaction(async (tx) => {
    const faster = { targetBusinessMinutes: 120, description: 'A message left on our line gets a call back within 2 working hours.' };
    const serviceLevels = demoServiceLevels.map((level) => (level.key === phoneLevel.key ? { ...level, ...faster } : level));
    await saveCharterDraft(tx, systemClock, lead.id, { ...demoCharter, serviceLevels, changeSummary: secondSummary });
    await publishCharterDraft(tx, systemClock, lead.id);
  });
}

const main = () => page.getByRole('main');
const heading = (name: string | RegExp) => page.getByRole('heading', { name });

beforeAll(async () => {
  stride = await startBrowserStride();
  ({ database, base, page } = stride);
  learner = await createPerson(database.db, { name: 'Lena Learner' });
  lead = await createPerson(database.db, { name: 'Dana Lead', roles: ['unit_lead'] });
}, 180_000);

afterAll(async () => {
  await stride?.close();
});

describe('the service charter in a real browser', () => {
  it('CH-1 CH-4 a learner reads the charter, its versions and what changed, and prints it; every page passes axe', async () => {
    await stride.signIn(learner, '/charter');
    await page.waitForURL(/\/charter$/);

    // Nothing published yet: a friendly word, not an error.
    await page.getByText('No charter has been published yet').waitFor();
    await expectNoAxeViolations(page, 'charter, none published');

    await seedDemoCharter(database.db, systemClock, lead.id);
    await publishSecondVersion();

    await page.goto(`${base}/`);
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Charter' }).click();
    await page.waitForURL(/\/charter$/);
    await heading('Our service charter').waitFor();
    await heading('Service levels').waitFor();

    const webRow = main().locator('tr', { has: page.getByText(webLevel.name, { exact: true }) });
    expect(await webRow.textContent()).toContain('8 working hours');
    const triageRow = main().locator('tr', { has: page.getByText('Triage of a training request', { exact: true }) });
    expect(await triageRow.textContent()).toContain('3 working days');
    expect(await webRow.textContent()).toContain('A question reached the unit');
    const phoneRow = main().locator('tr', { has: page.getByText(phoneLevel.name, { exact: true }) });
    expect(await phoneRow.textContent()).toContain('2 working hours');
    expect(await main().textContent()).toContain('Version 2');
    expect(await main().textContent()).toContain('Published');
    expect(await main().textContent()).toContain('by Dana Lead');
    for (const section of ['Products and services', 'How we handle requests', 'Working in partnership', 'Working hours and holidays']) {
      expect(await heading(section).isVisible(), section).toBe(true);
    }
    expect(await page.getByRole('heading', { name: 'Agree the problem' }).isVisible()).toBe(true);
    expect(await main().getByText('Thanksgiving Day').first().isVisible()).toBe(true);
    await page.waitForLoadState('networkidle');
    await expectNoAxeViolations(page, 'charter');

    // On paper (an A4 page's width): the charter, its version and the unit's contact details;
    // no navigation or buttons.
    const screen = page.viewportSize();
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#main-navigation').isVisible()).toBe(false);
    expect(await page.getByRole('banner').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    expect(await page.getByText('learning@test.example').isVisible()).toBe(true);
    expect(await page.getByText('+1 555 0100').isVisible()).toBe(true);
    expect(await main().getByText('Version 2', { exact: true }).isVisible()).toBe(true);
    expect(await heading('Service levels').isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'charter, print view');
    await page.emulateMedia({ media: 'screen' });
    if (screen) await page.setViewportSize(screen);

    await page.getByRole('link', { name: 'Version history' }).click();
    await page.waitForURL(/\/charter\/versions$/);
    await heading('Charter version history').waitFor();
    await heading('Version 1').waitFor();
    expect(await main().getByText(secondSummary).isVisible()).toBe(true);
    expect(await main().getByText(demoCharter.changeSummary!).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'charter versions');

    await page.getByRole('link', { name: 'Version 2' }).click();
    await page.waitForURL(/\/charter\/versions\/2$/);
    await heading('Charter version 2').waitFor();
    const changes = page.getByRole('region', { name: 'What changed' });
    await changes.waitFor();
    expect(await changes.getByText('Changed', { exact: true }).first().isVisible()).toBe(true);
    expect(await changes.textContent()).toContain(phoneLevel.name);
    await heading('Service levels').waitFor();
    await page.waitForLoadState('networkidle');
    await expectNoAxeViolations(page, 'charter version 2');

    await page.goto(`${base}/charter/versions/1`);
    await heading('Charter version 1').waitFor();
    const firstChanges = page.getByRole('region', { name: 'What changed' });
    await firstChanges.getByText('The first version of the charter').waitFor();
    expect(await main().getByText('An earlier version').isVisible()).toBe(true);
    await firstChanges.getByRole('button', { name: /Show the \d+ items it added/ }).click();
    await firstChanges.getByText(`Service level added: ${webLevel.name}`).waitFor();
    await page.waitForLoadState('networkidle');
    await expectNoAxeViolations(page, 'charter version 1');

    await page.goto(`${base}/charter/versions/99`);
    await page.getByText('There is no such version').waitFor();
    await expectNoAxeViolations(page, 'charter version that does not exist');
    expect(stride.cspViolations, 'the charter pages broke the Content Security Policy').toEqual([]);
  }, 240_000);
});
