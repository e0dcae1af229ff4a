import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { asc, eq } from 'drizzle-orm';
import type { TestDatabase } from '../../../tests/support/test-database';
import { createPerson, TEST_PASSWORD, type TestPerson } from '../../../tests/support/factories';
import { TestClient } from '../../../tests/support/test-client';
import { publishedCourse } from '../../../tests/support/enrolment-factories';
import { expectNoAxeViolations } from '../../../tests/support/browser';
import { startBrowserStride, type BrowserStride } from '../../../tests/support/browser-stride';
import { courseObjectives } from '../../catalog/schema';
import { enrolments } from '../../enrolment/schema';
import { outbox } from '../../platform/mail/schema';
import { openSupportCase } from '../open-support-case';
import { supportCases } from '../schema';

// AF-5 as a coordinator meets it: the queue shows a case opened by an objective not met; the
// coordinator opens it, decides "no further training" with a written reason (refused without
// one), and closes it with the outcome.

let stride: BrowserStride;
let database: TestDatabase;
let page: Page;
let coordinator: TestPerson;
let caseId: string;
const reason = 'The new complaints tool arrives in March; practice before then would not stick. We check in after it lands.';

beforeAll(async () => {
  stride = await startBrowserStride();
  ({ database, page } = stride);
  const supervisor = await createPerson(database.db, { name: 'Sam Supervisor' });
  const learner = await createPerson(database.db, { name: 'Lena Learner', managerId: supervisor.id });
  coordinator = await createPerson(database.db, { name: 'Cora Coordinator', roles: ['coordinator'] });
  const api = new TestClient(stride.app);
  expect((await api.post('/api/v1/session', { email: coordinator.email, password: TEST_PASSWORD })).status).toBe(200);
  const courseId = await publishedCourse(api, coordinator.id, { format: 'e-learning', durationMinutes: 60 });
  const [objective] = await database.db.select({ id: courseObjectives.id }).from(courseObjectives).where(eq(courseObjectives.courseId, courseId)).orderBy(asc(courseObjectives.position));
  const now = new Date();
  const [enrolment] = await database.db.insert(enrolments).values({ courseId, personId: learner.id, state: 'completed', origin: 'self', appliedAt: now, confirmedAt: now, completedAt: now, updatedAt: now }).returning({ id: enrolments.id });
  ({ caseId } = await database.db.transaction((tx) => openSupportCase(tx, { enrolmentId: enrolment!.id, objectiveIds: [objective!.id], origin: 'follow_up', actorId: null, now })));
  // The first load of the bundle on a busy machine can outlast a step's 30 s: load it once here.
  await page.goto(`${stride.base}/sign-in`);
  await page.getByLabel('E-mail').waitFor({ timeout: 120_000 });
}, 180_000);

afterAll(async () => {
  await stride?.close();
});

describe('support cases in a real browser', () => {
  it('AF-5 a coordinator opens the queue and the case, decides with a reason, and closes it; every page passes axe', async () => {
    await stride.signIn(coordinator, '/');
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Support' }).click();
    await page.waitForURL(/\/support$/);
    await page.getByRole('heading', { name: 'Support after training' }).waitFor();
    await page.getByText('Open (1)', { exact: true }).waitFor();
    await expectNoAxeViolations(page, 'the support queue');

    await page.getByRole('main').getByRole('link', { name: 'Lena Learner' }).click();
    await page.waitForURL(new RegExp(`/support/${caseId}$`));
    await page.getByRole('heading', { name: 'Support for Lena Learner' }).waitFor();
    await page.getByText('restate the problem', { exact: false }).first().waitFor();
    // No option is chosen for the coordinator: more training is never the default.
    expect(await page.getByRole('radio', { checked: true }).count()).toBe(0);
    await expectNoAxeViolations(page, 'an open support case');

    // A decision without a real reason is refused at the field.
    await page.getByRole('radio', { name: 'No further training' }).click();
    await page.getByLabel('Reason').fill('Not needed.');
    await page.getByRole('button', { name: 'Send the decision' }).click();
    await page.getByText(/Write the reason in a sentence or two/).waitFor();
    await page.getByLabel('Reason').fill(reason);
    await page.getByRole('button', { name: 'Send the decision' }).click();
    await page.getByRole('heading', { name: 'Close the case' }).waitFor();
    await page.getByRole('main').getByText(reason).first().waitFor();
    const mails = await database.db.select({ to: outbox.toAddress }).from(outbox).where(eq(outbox.subject, 'Support after Handling Customer Complaints: No further training'));
    expect(mails).toHaveLength(1);

    await page.getByLabel('Outcome').fill('Checked in after the new tool arrived: she handles complaints alone.');
    await page.getByRole('radio', { name: 'Yes' }).click();
    await page.getByRole('button', { name: 'Close the case' }).click();
    await page.getByRole('heading', { name: 'Reopen the case' }).waitFor();
    const [row] = await database.db.select({ state: supportCases.state, outcome: supportCases.outcome }).from(supportCases).where(eq(supportCases.id, caseId));
    expect(row).toEqual({ state: 'closed', outcome: 'Checked in after the new tool arrived: she handles complaints alone.' });
    await page.waitForLoadState('networkidle');
    await expectNoAxeViolations(page, 'a closed support case');
    expect(stride.cspViolations).toEqual([]);
  }, 60_000);
});
