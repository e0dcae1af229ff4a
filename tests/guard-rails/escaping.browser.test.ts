import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buildApp } from '../../src/app/build-app';
import { systemClock } from '../../src/platform/clock';
import { outbox } from '../../src/platform/mail/schema';
import type { App } from '../../src/platform/http/types';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { createPerson, setUnitContact, TEST_PASSWORD, type TestPerson } from '../support/factories';
import { ensureWebBuilt, launchBrowser } from '../support/browser';

// What people type is shown as text in the web UI, never run as markup: names
// on the directory, the person page, the org chart and the outbox; the unit's
// name on every page. A message's HTML body is shown in a sandbox where its
// scripts cannot run.

const imgName = '<img src=x onerror=alert(1)>';
const scriptName = '"><script>alert(1)</script>';
const svgTitle = '<svg onload=alert(1)></svg>';

let database: TestDatabase;
let app: App;
let base: string;
let admin: TestPerson;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;
const dialogs: string[] = [];
const consoleLines: string[] = [];

beforeAll(async () => {
  ensureWebBuilt();
  database = await createTestDatabase();
  await setUnitContact(database.db);
  admin = await createPerson(database.db, { name: 'Esme Escaper', roles: ['admin'] });
  ({ app } = await buildApp({ database, clock: systemClock, publicUrl: 'http://localhost', logLevel: 'silent' }));
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
  page = browser.page;
  // alert(1) running anywhere would open a dialog.
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('console', (message) => consoleLines.push(message.text()));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await database?.drop();
});

/** Elements an injected name would have created; the built page has none of these. */
async function injectedElements(): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('img[src="x"], svg[onload], [onerror], [onload], [onmouseover], script')]
      .filter((e) => !(e instanceof HTMLScriptElement) || e.textContent?.includes('alert(1)') || !e.src)
      .map((e) => e.outerHTML.slice(0, 120)),
  );
}

async function signIn(): Promise<void> {
  await page.goto(`${base}/people`);
  await page.waitForURL(/\/sign-in/);
  await page.getByLabel('E-mail').fill(admin.email);
  await page.getByLabel('Password', { exact: true }).fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/people/);
}

async function api(method: 'POST' | 'PUT', path: string, data: unknown): Promise<any> {
  const csrf = (await browser.context.cookies(base)).find((c) => c.name === 'stride_csrf')!.value;
  const res = await browser.context.request.fetch(`${base}/api/v1${path}`, { method, data, headers: { 'x-csrf-token': csrf } });
  expect(res.status(), await res.text()).toBeLessThan(300);
  return res.json();
}

async function expectShownAsText(texts: string[], label: string): Promise<void> {
  for (const text of texts) {
    await expect.poll(() => page.getByText(text, { exact: false }).first().isVisible(), { message: `${label}: "${text}" visible as text`, timeout: 10_000 }).toBe(true);
  }
  expect(await injectedElements(), `${label}: elements made from someone's input`).toEqual([]);
  expect(dialogs, `${label}: a script ran`).toEqual([]);
}

describe('user content in the web UI', () => {
  it('names and titles with markup are shown as text on every page that shows them', async () => {
    await signIn();

    const manager = await api('POST', '/people', { employeeId: 'XSS-1', name: scriptName, email: 'script.name@example.org', jobTitle: svgTitle });
    const person = await api('POST', '/people', { employeeId: 'XSS-2', name: imgName, email: 'img.name@example.org', jobTitle: 'Analyst', managerId: manager.id });

    await page.goto(`${base}/people`);
    await page.getByLabel('Search people').fill('alert');
    await expectShownAsText([imgName, scriptName], 'directory');

    await page.goto(`${base}/people/${String(person.id)}`);
    await page.getByRole('heading', { level: 1, name: imgName }).waitFor();
    await expectShownAsText([imgName, scriptName], 'person page (name and manager chain)');

    await page.goto(`${base}/people/${String(manager.id)}`);
    await page.getByRole('heading', { level: 1, name: scriptName }).waitFor();
    await expectShownAsText([scriptName, svgTitle, imgName], 'manager page (title and direct reports)');

    await page.goto(`${base}/org-chart?root=${String(manager.id)}`);
    await expectShownAsText([scriptName, imgName], 'org chart');

    await page.goto(`${base}/admin/audit`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(await injectedElements(), 'audit log').toEqual([]);
  }, 120_000);

  it("the unit's name with markup is shown as text in the header and footer, signed in or not", async () => {
    const unit = await (await browser.context.request.get(`${base}/api/v1/unit`)).json();
    await api('PUT', '/unit', { ...unit, unitName: imgName, location: scriptName });
    await page.goto(`${base}/people`);
    await expectShownAsText([imgName, scriptName], 'signed-in layout');
    await browser.context.clearCookies();
    await page.goto(`${base}/sign-in`);
    await expectShownAsText([imgName, scriptName], 'sign-in page');
  }, 60_000);

  it("a message's HTML body is shown in a sandbox without scripts, forms or same-origin access", async () => {
    await signIn();
    // Written straight to the outbox: mail Stride renders is escaped already, this one is hostile on purpose.
    const [row] = await database.db
      .insert(outbox)
      .values({
        idempotencyKey: 'xss-test',
        messageId: '<xss-test@test.example>',
        toAddress: 'someone@example.org',
        toName: imgName,
        subject: scriptName,
        textBody: 'Hello',
        htmlBody: `<p>Visible body text</p><script>console.log('SANDBOX-ESCAPED script'); parent.document.title = 'pwned'</script><img src=x onerror="console.log('SANDBOX-ESCAPED handler')"><form action="${base}/api/v1/unit"><button>Go</button></form>`,
      })
      .returning({ id: outbox.id });
    consoleLines.length = 0;
    await page.goto(`${base}/admin/outbox/${row!.id}`);
    const frame = page.locator('iframe[title="HTML body of the message"]');
    await frame.waitFor();
    expect(await frame.getAttribute('sandbox')).toBe('');
    await expect.poll(() => page.frameLocator('iframe[title="HTML body of the message"]').getByText('Visible body text').isVisible(), { timeout: 10_000 }).toBe(true);
    await expectShownAsText([scriptName], 'outbox message page');
    await page.waitForTimeout(300);
    expect(consoleLines.filter((l) => l.includes('SANDBOX-ESCAPED'))).toEqual([]);
    // Chromium says why the script did not run.
    expect(consoleLines.some((l) => /Blocked script execution in 'about:srcdoc'.*sandboxed/.test(l)), consoleLines.join('\n')).toBe(true);
    expect(await page.title()).not.toBe('pwned');
  }, 60_000);
});
