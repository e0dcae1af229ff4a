import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { systemClock } from '../../platform/clock';
import { createPerson, type TestPerson } from '../../../tests/support/factories';
import { startBrowserStride, type BrowserStride } from '../../../tests/support/browser-stride';
import { seedDemoCharter } from '../demo-charter';

// CH-1 on paper, the way a learner gets it: "Download PDF" beside "Print" opens the charter in the
// browser's own PDF viewer, under the server's Content Security Policy.

let stride: BrowserStride;
let page: Page;
let learner: TestPerson;

beforeAll(async () => {
  stride = await startBrowserStride();
  page = stride.page;
  learner = await createPerson(stride.database.db, { name: 'Lena Learner' });
  const lead = await createPerson(stride.database.db, { name: 'Dana Lead', roles: ['unit_lead'] });
  await seedDemoCharter(stride.database.db, systemClock, lead.id);
}, 180_000);

afterAll(async () => {
  await stride?.close();
});

/** Clicks "Download PDF": the tab it opens and the answer that tab got. */
async function openPdf() {
  const link = page.getByRole('link', { name: 'Download PDF' });
  const href = (await link.getAttribute('href')) ?? '';
  const [viewer, response] = await Promise.all([
    page.context().waitForEvent('page'),
    page.context().waitForEvent('response', (r) => r.url() === `${stride.base}${href}`),
    link.click(),
  ]);
  await viewer.waitForLoadState();
  return { href, viewer, response };
}

describe('the charter as a PDF in a real browser', () => {
  it('CH-1 "Download PDF" opens the charter in force, and a version by number, in the browser’s PDF viewer', async () => {
    await stride.signIn(learner, '/charter');
    await page.waitForURL(/\/charter$/);

    const inForce = await openPdf();
    expect(inForce.href).toMatch(/^\/api\/v1\/charter\.pdf(\?paper=letter)?$/);
    expect(inForce.viewer.url()).toBe(`${stride.base}${inForce.href}`);
    expect(inForce.response.status()).toBe(200);
    expect(inForce.response.headers()['content-type']).toBe('application/pdf');
    expect(inForce.response.headers()['content-disposition']).toBe('inline; filename="charter-v1.pdf"');
    await inForce.viewer.close();

    await page.goto(`${stride.base}/charter/versions/1`);
    const version = await openPdf();
    expect(version.href).toMatch(/^\/api\/v1\/charter\/versions\/1\.pdf(\?paper=letter)?$/);
    expect(version.response.status()).toBe(200);
    expect(version.response.headers()['content-type']).toBe('application/pdf');
    await version.viewer.close();

    expect(stride.cspViolations).toEqual([]);
  });
});
