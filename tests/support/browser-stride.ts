import type { Page } from 'playwright-core';
import { systemClock, type Clock } from '../../src/platform/clock';
import type { App } from '../../src/platform/http/types';
import { buildApp } from '../../src/app/build-app';
import { ensureWebBuilt, launchBrowser } from './browser';
import { createTestDatabase, type TestDatabase } from './test-database';
import { setUnitContact, TEST_PASSWORD, type TestPerson } from './factories';

export type BrowserStride = {
  database: TestDatabase;
  app: App;
  /** http://127.0.0.1:<port> */
  base: string;
  page: Page;
  browser: Awaited<ReturnType<typeof launchBrowser>>;
  /** Everything the browser refused under the Content Security Policy, on any page or frame so far. */
  cspViolations: string[];
  /** Opens `path` signed out, signs in on the page it is sent to, and lands back on `path`. */
  signIn(person: TestPerson, path?: string): Promise<void>;
  close(): Promise<void>;
};

/**
 * Stride on a fresh test database, served on a free port, with a headless Chromium on it. Every
 * browser test runs under the CSP the server sends: each refusal is recorded, as the DOM event and
 * as Chromium's console line, so a test can assert the UI raised none.
 */
export async function startBrowserStride(options: { clock?: Clock; timezoneId?: string } = {}): Promise<BrowserStride> {
  ensureWebBuilt();
  const database = await createTestDatabase();
  await setUnitContact(database.db);
  // A test that walks through a week of service-level time moves the server's clock (fixedClock).
  const { app } = await buildApp({ database, clock: options.clock ?? systemClock, publicUrl: 'http://localhost', logLevel: 'silent' });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await launchBrowser({ timezoneId: options.timezoneId });
  const page = browser.page;
  // A step that cannot happen fails with its own message instead of the test's timeout.
  page.setDefaultTimeout(30_000);
  const cspViolations: string[] = [];
  await page.exposeFunction('strideCspViolation', (v: string) => cspViolations.push(v));
  await browser.context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { strideCspViolation?: (v: string) => void }).strideCspViolation;
      report?.(`${e.effectiveDirective} refused ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber}) on ${location.pathname}`);
    });
  });
  page.on('console', (message) => {
    if (/Refused to|Content Security Policy/i.test(message.text())) cspViolations.push(`console on ${page.url()}: ${message.text()}`);
  });
  return {
    database,
    app,
    base,
    page,
    browser,
    cspViolations,
    async signIn(person, path = '/') {
      await page.goto(`${base}${path}`);
      await page.waitForURL(/\/sign-in/);
      await page.getByLabel('E-mail').fill(person.email);
      await page.getByLabel('Password', { exact: true }).fill(TEST_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
    },
    async close() {
      await browser.close();
      await app.close();
      await database.drop();
    },
  };
}
