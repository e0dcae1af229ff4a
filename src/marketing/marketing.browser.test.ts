import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { eq } from 'drizzle-orm';
import type { TestDatabase } from '../../tests/support/test-database';
import { createPerson, type TestPerson } from '../../tests/support/factories';
import { courseBody, sessionBody } from '../../tests/support/catalog-factories';
import { issueUnsubscribeLink } from '../../tests/support/marketing-factories';
import { expectNoAxeViolations } from '../../tests/support/browser';
import { startBrowserStride, type BrowserStride } from '../../tests/support/browser-stride';
import { TestClient } from '../../tests/support/test-client';
import { systemClock } from '../platform/clock';
import { digestSubscriptions } from './schema';

// CA-6 as people meet it: a learner opens "My interests" from the account menu, is refused a digest
// about nothing, picks an interest and sees what the next digest would hold, starts it; then, from
// a digest's link and without signing in, stops it with one button. Every page passes axe.

let stride: BrowserStride;
let database: TestDatabase;
let base: string;
let page: Page;
let learner: TestPerson;

const heading = (name: string | RegExp) => page.getByRole('heading', { name });
const subscription = async () => (await database.db.select().from(digestSubscriptions).where(eq(digestSubscriptions.personId, learner.id)))[0];

beforeAll(async () => {
  stride = await startBrowserStride();
  ({ database, base, page } = stride);
  const coordinator = await createPerson(database.db, { name: 'Cora Coordinator', roles: ['coordinator'] });
  learner = await createPerson(database.db, { name: 'Lena Learner' });
  const editor = new TestClient(stride.app);
  expect((await editor.post('/api/v1/session', { email: coordinator.email, password: 'correct horse battery staple' })).status).toBe(200);
  const safety = await editor.post('/api/v1/interests', { name: 'Safety' });
  await editor.post('/api/v1/interests', { name: 'Finance & budgeting' });
  const course = await editor.post('/api/v1/courses', courseBody(coordinator.id, { title: 'Working Near Live Lines', interestIds: [safety.body.id] }));
  await editor.post(`/api/v1/courses/${course.body.id}/publish`, { revision: 1 });
  await editor.post(`/api/v1/courses/${course.body.id}/sessions`, sessionBody(systemClock.now()));
}, 180_000);

afterAll(async () => {
  await stride?.close();
});

describe('the marketing digest in a real browser', () => {
  it('CA-6 a learner chooses interests, previews and starts the digest, then stops it from the link without signing in', async () => {
    await stride.signIn(learner, '/');
    await page.getByRole('button', { name: 'Account menu for Lena Learner' }).click();
    await page.getByRole('menuitem', { name: 'My interests' }).click();
    await page.waitForURL(/\/account\/interests$/);
    await heading('My interests').waitFor();
    await page.getByText('You do not receive the digest.').waitFor();
    await page.getByText('Choose at least one interest to see what the digest would hold.').waitFor();
    await page.waitForLoadState('networkidle');
    await expectNoAxeViolations(page, 'my interests, nothing chosen');

    // Opt-in only: a digest about nothing is refused at the field.
    await page.getByRole('button', { name: 'Start the digest' }).click();
    await page.getByText('Choose at least one interest: the digest lists only what matches the interests you choose.').waitFor();
    expect(await subscription()).toBeUndefined();
    await expectNoAxeViolations(page, 'my interests, with the field error');

    // A chip is a visually hidden checkbox under its label: people click the label.
    await page.locator('label', { hasText: 'Safety' }).click();
    expect(await page.getByRole('checkbox', { name: 'Safety' }).isChecked()).toBe(true);
    await page.getByRole('radio', { name: 'Weekly' }).check();
    await page.getByText('1 new course and 1 upcoming session match today').waitFor();
    await page.getByText('Working Near Live Lines').first().waitFor();
    await page.waitForLoadState('networkidle');
    await expectNoAxeViolations(page, 'my interests, with a preview');
    await page.getByRole('button', { name: 'Start the digest' }).click();
    await page.getByText(/^The weekly digest is on\./).waitFor();
    expect(await subscription()).toMatchObject({ subscribed: true, frequency: 'weekly' });
    await page.getByRole('button', { name: 'Stop the digest' }).waitFor();
    await page.waitForLoadState('networkidle');
    await expectNoAxeViolations(page, 'my interests, digest on');

    // The link in a digest, opened in a browser without a session.
    const token = await issueUnsubscribeLink(database.db, systemClock, learner.id);
    await page.context().clearCookies();
    await page.goto(`${base}/unsubscribe/${token}`);
    await heading('Unsubscribe from the digest').waitFor();
    await page.getByText(/This stops the weekly digest of new and upcoming courses about Safety, sent to p•••@example\.org\./).waitFor();
    expect(await page.getByRole('contentinfo').textContent()).toContain('learning@test.example'); // the unit's contact footer (CA-7)
    expect((await subscription())!.subscribed).toBe(true); // opening the page changed nothing
    await page.waitForLoadState('networkidle');
    await expectNoAxeViolations(page, 'the unsubscribe page');
    await page.getByRole('button', { name: 'Unsubscribe' }).click();
    await heading('You are unsubscribed').waitFor();
    await page.getByText('Stride will not send the digest to p•••@example.org again.').waitFor();
    expect((await subscription())!.subscribed).toBe(false);
    await expectNoAxeViolations(page, 'the unsubscribe page, done');

    // Opened again later: still unsubscribed, nothing to do.
    await page.reload();
    await heading('You are unsubscribed').waitFor();

    await page.goto(`${base}/unsubscribe/not-a-real-link-at-all-0123456789abcdef`);
    await heading('This link does not work').waitFor();
    await page.getByText(/This unsubscribe link is not valid/).waitFor();
    await page.waitForLoadState('networkidle');
    await expectNoAxeViolations(page, 'an unknown unsubscribe link');
    expect(stride.cspViolations, 'the digest pages broke the Content Security Policy').toEqual([]);
  }, 300_000);
});
