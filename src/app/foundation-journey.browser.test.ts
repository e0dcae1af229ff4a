import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import type { TestDatabase } from '../../tests/support/test-database';
import { createPerson, TEST_PASSWORD, type TestPerson } from '../../tests/support/factories';
import { expectNoAxeViolations } from '../../tests/support/browser';
import { startBrowserStride, type BrowserStride } from '../../tests/support/browser-stride';
import { people } from '../people/schema';

let stride: BrowserStride;
let database: TestDatabase;
let base: string;
let admin: TestPerson;
let page: Page;
// zod 4 would probe `new Function` on every page load; src/app/web/zod-without-eval.ts turns that
// off, so the UI raises no CSP report at all (startBrowserStride records every one).
const cspViolations = () => stride.cspViolations;

beforeAll(async () => {
  stride = await startBrowserStride();
  ({ database, base, page } = stride);
  admin = await createPerson(database.db, { name: 'Kenji Admin', roles: ['admin'] });
}, 180_000);

afterAll(async () => {
  await stride?.close();
});

const csv = [
  'employee_id,name,email,job_title,business_unit,manager_employee_id,time_zone,locale',
  'B100,Łucja Wiśniewska,lucja.w@example.org,Head of Care,Customer Care,,Europe/Warsaw,pl',
  'B101,Renée Dubois,renee.dubois@example.org,Agent,Customer Care,B100,Europe/Paris,fr',
  'B102,"Okafor, Chidi",chidi.okafor@example.org,Agent,Customer Care,B100,Africa/Lagos,en',
].join('\n');

describe('foundation journey in a real browser', () => {
  it('signs in, imports a CSV with a progress bar, and finds the people in the directory; every page passes axe', async () => {
    await page.goto(`${base}/people`);
    await page.waitForURL(/\/sign-in/);
    await expect.poll(() => page.getByText('learning@test.example').first().isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'sign-in');

    await page.getByLabel('E-mail').fill(admin.email);
    await page.getByLabel('Password', { exact: true }).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/people/);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await expectNoAxeViolations(page, 'people directory');

    await page.goto(`${base}/admin/import`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await expectNoAxeViolations(page, 'import page');
    await page.locator('input[type=file]').setInputFiles({ name: 'hr-export.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const apply = page.getByRole('button', { name: 'Apply import' });
    await apply.waitFor({ timeout: 20_000 });
    await expectNoAxeViolations(page, 'import preview');
    const [before] = await database.db.select({ n: count() }).from(people);
    expect(before?.n).toBe(1);
    await apply.click();
    await page.getByText(/applied|imported/i).first().waitFor({ timeout: 30_000 });
    const [after] = await database.db.select({ n: count() }).from(people);
    expect(after?.n).toBe(4);

    await page.goto(`${base}/people`);
    await page.getByLabel('Search people').fill('Wiśniewska');
    await expect.poll(() => page.getByText('Łucja Wiśniewska').first().isVisible(), { timeout: 10_000 }).toBe(true);
    await page.getByText('Łucja Wiśniewska').first().click();
    await page.waitForURL(/\/people\/[0-9a-f-]{36}/);
    await expect.poll(() => page.getByText('Renée Dubois').first().isVisible(), { timeout: 10_000 }).toBe(true);
    await expectNoAxeViolations(page, 'person detail');

    for (const [url, label] of [
      ['/', 'home'],
      ['/org-chart', 'org chart'],
      ['/admin/outbox', 'outbox'],
      ['/admin/audit', 'audit log'],
      ['/admin/settings', 'unit settings'],
    ] as const) {
      await page.goto(`${base}${url}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForLoadState('networkidle');
      await expectNoAxeViolations(page, label);
    }

    // A message page, whose HTML body is a sandboxed frame, under the same policy.
    const reset = await page.evaluate(async (email) => {
      const csrf = /(?:^|; )stride_csrf=([^;]+)/.exec(document.cookie)?.[1] ?? '';
      const res = await fetch('/api/v1/password-resets', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, body: JSON.stringify({ email }) });
      return res.status;
    }, admin.email);
    expect(reset).toBe(202);
    await page.goto(`${base}/admin/outbox`);
    await page.getByRole('link', { name: /Reset your Stride password/ }).first().click();
    await page.waitForURL(/\/admin\/outbox\/\d+/);
    await expect.poll(() => page.frameLocator('iframe[title="HTML body of the message"]').getByText('Choose a new password').isVisible(), { timeout: 10_000 }).toBe(true);
    await expectNoAxeViolations(page, 'outbox message (its sandboxed body excluded)');

    expect(cspViolations(), 'the UI broke its Content Security Policy').toEqual([]);
  }, 180_000);

  it('rejects a broken CSV with row numbers and changes nothing', async () => {
    const broken = ['employee_id,name,email,manager_employee_id', 'X1,Ann,not-an-email,', 'X2,Bob,bob@example.org,NOPE'].join('\n');
    const [before] = await database.db.select({ n: count() }).from(people);
    await page.goto(`${base}/admin/import`);
    await page.locator('input[type=file]').setInputFiles({ name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from(broken) });
    await expect.poll(() => page.getByText('not-an-email').first().isVisible(), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => page.getByRole('button', { name: 'Apply import' }).count()).toBe(0);
    const [after] = await database.db.select({ n: count() }).from(people);
    expect(after?.n).toBe(before?.n);
    expect(cspViolations(), 'the UI broke its Content Security Policy').toEqual([]);
  }, 60_000);
});
