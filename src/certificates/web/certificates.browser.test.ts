import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { eq } from 'drizzle-orm';
import { systemClock } from '../../platform/clock';
import type { TestDatabase } from '../../../tests/support/test-database';
import { createPerson, TEST_PASSWORD, type TestPerson } from '../../../tests/support/factories';
import { TestClient } from '../../../tests/support/test-client';
import { publishedCourse } from '../../../tests/support/enrolment-factories';
import { expectNoAxeViolations } from '../../../tests/support/browser';
import { startBrowserStride, type BrowserStride } from '../../../tests/support/browser-stride';
import { enrolments } from '../../enrolment/schema';
import { issuePendingCertificates } from '../issue-certificates';
import { certificates } from '../schema';

// AF-2 as the holder of a printout meets it: the QR code opens the verification page, signed out,
// on a phone; it confirms, then (once withdrawn) says so, and an unknown code is plainly not found.
// The learner finds the certificate on the completed enrolment in My learning.

let stride: BrowserStride;
let database: TestDatabase;
let base: string;
let page: Page;
let lena: TestPerson;
let coordinator: TestClient;
let certificate: { id: string; code: string };

const heading = (name: string | RegExp) => page.getByRole('heading', { name, level: 1 });
const main = () => page.getByRole('main');

async function axe(label: string) {
  await page.waitForLoadState('networkidle');
  await expectNoAxeViolations(page, label);
}

beforeAll(async () => {
  stride = await startBrowserStride();
  ({ database, base, page } = stride);
  lena = await createPerson(database.db, { name: 'Zoë Ðurić-Nuñez' });
  const cora = await createPerson(database.db, { name: 'Cora Coordinator', roles: ['coordinator'] });
  coordinator = new TestClient(stride.app);
  expect((await coordinator.post('/api/v1/session', { email: cora.email, password: TEST_PASSWORD })).status).toBe(200);
  const learner = new TestClient(stride.app);
  expect((await learner.post('/api/v1/session', { email: lena.email, password: TEST_PASSWORD })).status).toBe(200);
  const courseId = await publishedCourse(coordinator, cora.id, { title: 'Spreadsheet Basics', format: 'e-learning', durationMinutes: 90 });
  const enrolled = await learner.post(`/api/v1/courses/${courseId}/enrolments`, {});
  expect(enrolled.status, enrolled.text).toBe(201);
  await database.db.update(enrolments).set({ state: 'completed', completedAt: new Date() }).where(eq(enrolments.id, enrolled.body.id));
  await issuePendingCertificates({ db: database.db, clock: systemClock, publicUrl: 'http://localhost' });
  const [row] = await database.db.select().from(certificates).where(eq(certificates.enrolmentId, enrolled.body.id));
  certificate = { id: row!.id, code: row!.code };
}, 180_000);

afterAll(async () => {
  await stride?.close();
});

describe('AF-2 certificate verification in a real browser', () => {
  it('AF-2 signed out on a phone: a code confirms the certificate, an unknown code is not found, a withdrawn one says so; the learner opens it from My learning', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    const typed = certificate.code.toLowerCase().replace(/(.{4})(?!$)/g, '$1-');
    await page.goto(`${base}/verify/${typed}`);
    await heading('Certificate confirmed').waitFor();
    const text = (await main().textContent()) ?? '';
    expect(text).toContain('Zoë Ðurić-Nuñez');
    expect(text).toContain('Spreadsheet Basics');
    expect(text).toContain('1 hour 30 minutes');
    expect(text).not.toContain(lena.email);
    await page.getByRole('heading', { name: 'Your training unit' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Main navigation' }).count()).toBe(0);
    await axe('a confirmed certificate, signed out, phone width');

    await page.goto(`${base}/verify/ZZZZ-ZZZZ-ZZZZ`);
    await heading('Certificate not found').waitFor();
    await main().getByText('No certificate has this code').waitFor();
    await axe('an unknown code');
    // Typing the right code from the paper finds it.
    await page.getByLabel('Code on the certificate').fill(certificate.code);
    await page.getByRole('button', { name: 'Check' }).click();
    await heading('Certificate confirmed').waitFor();

    const revoked = await coordinator.post(`/api/v1/certificates/${certificate.id}/revoke`, { reason: 'Completion recorded for the wrong person.' });
    expect(revoked.status, revoked.text).toBe(200);
    await page.goto(`${base}/verify/${certificate.code}`);
    await heading('Certificate withdrawn').waitFor();
    expect(await main().textContent()).not.toContain('wrong person');
    await axe('a withdrawn certificate');

    await page.setViewportSize({ width: 1280, height: 900 });
    await stride.signIn(lena, '/my-learning');
    const card = main().getByRole('article', { name: /Spreadsheet Basics/ });
    expect(await card.getByRole('link', { name: 'Certificate (PDF)' }).getAttribute('href')).toBe(`/api/v1/certificates/${certificate.id}/pdf`);
    await card.getByRole('link', { name: 'Withdrawn: details' }).click();
    await heading('Certificate of completion').waitFor();
    await axe('the certificate page');
  }, 90_000);
});
