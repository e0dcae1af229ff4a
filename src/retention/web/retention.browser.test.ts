import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { eq } from 'drizzle-orm';
import type { TestDatabase } from '../../../tests/support/test-database';
import { createPerson, TEST_PASSWORD, type TestPerson } from '../../../tests/support/factories';
import { TestClient } from '../../../tests/support/test-client';
import { mailText, publishedCourse } from '../../../tests/support/enrolment-factories';
import { completedEnrolment } from '../../../tests/support/retention-factories';
import { expectNoAxeViolations } from '../../../tests/support/browser';
import { startBrowserStride, type BrowserStride } from '../../../tests/support/browser-stride';
import { retentionActions, retentionCheckIns, retentionPlans } from '../schema';

// AF-6 as a supervisor meets it: the team's plan, started by the learner, gets one more action and
// one more check-in, is saved, and closed with "Confirm objectives applied"; the plan page and its
// print view pass axe.

let stride: BrowserStride;
let database: TestDatabase;
let page: Page;
const p = {} as Record<'sam' | 'lena' | 'cora', TestPerson>;
let planId: string;

const main = () => page.getByRole('main');

beforeAll(async () => {
  stride = await startBrowserStride();
  ({ database, page } = stride);
  p.sam = await createPerson(database.db, { name: 'Sam Supervisor' });
  p.lena = await createPerson(database.db, { name: 'Lena Learner', managerId: p.sam.id });
  p.cora = await createPerson(database.db, { name: 'Cora Coordinator', roles: ['coordinator'] });
  const cora = new TestClient(stride.app);
  await cora.post('/api/v1/session', { email: p.cora.email, password: TEST_PASSWORD });
  const courseId = await publishedCourse(cora, p.cora.id);
  const enrolmentId = await completedEnrolment(database.db, cora, courseId, p.lena.id, new Date());
  const lena = new TestClient(stride.app);
  await lena.post('/api/v1/session', { email: p.lena.email, password: TEST_PASSWORD });
  const started = await lena.post(`/api/v1/enrolments/${enrolmentId}/retention-plan`);
  if (started.status !== 201) throw new Error(`retention: cannot start a plan: ${started.status} ${started.text}`);
  planId = started.body.id;
}, 180_000);

afterAll(async () => {
  await stride?.close();
});

describe('AF-6 retention plan in a real browser', () => {
  it('AF-6 the supervisor opens the team’s plan, adds an action and a check-in, saves, and confirms the objectives applied', async () => {
    await stride.signIn(p.sam, '/retention-plans');
    await page.waitForURL((url) => url.pathname === '/retention-plans');
    const team = main().getByRole('region', { name: 'My team’s plans' });
    await team.getByText('0 of 2 actions done').waitFor();
    await team.getByRole('link', { name: /Handling Customer Complaints/ }).click();
    await page.getByRole('heading', { level: 1, name: /Retention plan: Handling Customer Complaints/ }).waitFor();
    await page.waitForLoadState('networkidle');
    await expectNoAxeViolations(page, 'the retention plan page');

    await main().getByRole('button', { name: 'Add an action for objective 1' }).click();
    await main().getByLabel('Action 2 for objective 1: what will be done').fill('Role-play two escalated calls with Sam');
    await main().getByLabel('Action 1 for objective 2: done').check();
    await main().getByRole('button', { name: 'Add a check-in' }).click();
    await main().getByLabel('Check-in 3: note').fill('Listen to two recorded calls together');
    await main().getByRole('button', { name: 'Save the plan' }).click();
    await main().getByRole('status').filter({ hasText: 'The plan is saved (revision 2)' }).waitFor();

    const actions = await database.db.select().from(retentionActions).where(eq(retentionActions.planId, planId));
    expect(actions.map((a) => a.description)).toContain('Role-play two escalated calls with Sam');
    expect(actions.filter((a) => a.doneAt)).toHaveLength(1);
    expect(await database.db.select().from(retentionCheckIns).where(eq(retentionCheckIns.planId, planId))).toHaveLength(3);

    await main().getByRole('button', { name: 'Confirm objectives applied' }).click();
    const dialog = page.getByRole('dialog', { name: 'Confirm the objectives are applied' });
    await dialog.getByLabel('A note for the learner (optional)').fill('Both objectives seen on the phones.');
    await dialog.getByRole('button', { name: 'Confirm objectives applied' }).click();
    await main().getByText(/Sam Supervisor confirmed the objectives are applied/).waitFor();
    const [plan] = await database.db.select().from(retentionPlans).where(eq(retentionPlans.id, planId));
    expect(plan?.state).toBe('closed');
    expect((await mailText(database.db, `retention-plan:${planId}:closed`))?.text).toContain('Both objectives seen on the phones.');

    await main().getByRole('link', { name: 'Print view' }).click();
    await page.getByRole('heading', { level: 1, name: 'Retention plan' }).waitFor();
    await main().getByText('Role-play two escalated calls with Sam', { exact: false }).waitFor();
    await main().getByRole('heading', { name: 'Your training unit' }).waitFor();
    await page.waitForLoadState('networkidle');
    await expectNoAxeViolations(page, 'the retention plan print view');
  }, 40_000);
});
