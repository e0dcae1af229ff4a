import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { eq } from 'drizzle-orm';
import { createPerson, TEST_PASSWORD, type TestPerson } from '../../../tests/support/factories';
import { TestClient } from '../../../tests/support/test-client';
import { publishedCourse, scheduledSession } from '../../../tests/support/enrolment-factories';
import { expectNoAxeViolations } from '../../../tests/support/browser';
import { startBrowserStride, type BrowserStride } from '../../../tests/support/browser-stride';
import { systemClock } from '../../platform/clock';
import { supportCases } from '../../support/schema';
import { openFollowUpsFor } from '../testing/follow-up-fixtures';

// AF-4 as a supervisor meets it: the follow-up link arrives by mail; on a phone, signed out, they
// rate each objective, answer the recommendation question, leave a criticism, and see what happens
// next. Their "not met" opens a support case for the coordinator (AF-5).

let stride: BrowserStride;
let page: Page;
const p = {} as Record<'sam' | 'lena' | 'cora', TestPerson>;
let enrolmentId: string;
let token: string;
const objectives = ['Given a customer complaint, restate the problem in the customer’s own words within the first minute.', 'Write a reply that states what happens next and by when, in under 150 words.'];

beforeAll(async () => {
  stride = await startBrowserStride({ timezoneId: 'Europe/Lisbon' });
  page = stride.page;
  const { db } = stride.database;
  p.sam = await createPerson(db, { name: 'Sam Supervisor', jobTitle: 'Team Lead' });
  p.lena = await createPerson(db, { name: 'Lena Learner', managerId: p.sam.id });
  p.cora = await createPerson(db, { name: 'Cora Coordinator', roles: ['coordinator'] });
  const cora = new TestClient(stride.app);
  expect((await cora.post('/api/v1/session', { email: p.cora.email, password: TEST_PASSWORD })).status).toBe(200);
  const courseId = await publishedCourse(cora, p.cora.id, { title: 'Handling Customer Complaints' });
  const sessionId = await scheduledSession(cora, courseId, new Date(), { approvalMode: 'none' });
  const lena = new TestClient(stride.app);
  expect((await lena.post('/api/v1/session', { email: p.lena.email, password: TEST_PASSWORD })).status).toBe(200);
  const applied = await lena.post(`/api/v1/course-sessions/${sessionId}/enrolments`, {});
  expect(applied.status, applied.text).toBe(201);
  enrolmentId = applied.body.id;
  token = (await openFollowUpsFor(db, systemClock, enrolmentId)).supervisor!;
}, 120_000);

afterAll(async () => {
  await stride?.close();
});

describe('AF-4 follow-up in a real browser', () => {
  it('AF-4 the supervisor opens the mailed link signed out on a phone, answers, and sees the thank-you with what happens next', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${stride.base}/follow-up/${token}`);
    await page.getByRole('heading', { name: 'What have you seen of Lena’s learning?', level: 1 }).waitFor();
    expect(await page.getByText('Team member').isVisible()).toBe(true);
    await page.waitForLoadState('networkidle');
    await expectNoAxeViolations(page, 'the follow-up form');

    // Sending without answers says what is missing, next to each question.
    await page.getByRole('button', { name: 'Send my answers' }).click();
    expect(await page.getByRole('alert').filter({ hasText: 'Choose met, partly or not met.' }).count()).toBe(2);
    await page.getByRole('alert').filter({ hasText: 'Choose a number from 0 to 10.' }).waitFor();

    await page.getByRole('radiogroup', { name: objectives[0] }).getByText('Met', { exact: true }).click();
    await page.getByRole('radiogroup', { name: objectives[1] }).getByText('Not met', { exact: true }).click();
    await page.getByRole('textbox', { name: 'An example (optional)' }).nth(1).fill('Her replies still run to a page and never say when.');
    await page.getByRole('radiogroup', { name: 'How likely are you to recommend this course to a colleague?' }).getByText('7', { exact: true }).click();
    await page.getByRole('textbox', { name: 'What should we change? Criticism helps us most.' }).fill('More practice on real letters, less theory.');
    await page.getByRole('button', { name: 'Send my answers' }).click();

    const thanks = page.getByRole('status').filter({ hasText: 'Thank you' });
    await thanks.waitFor();
    expect(await thanks.textContent()).toContain('coordinator will get in touch');
    await page.getByRole('heading', { name: 'Your training unit' }).waitFor();
    await page.waitForLoadState('networkidle');
    await expectNoAxeViolations(page, 'the follow-up thank-you');
    const cases = await stride.database.db.select().from(supportCases).where(eq(supportCases.enrolmentId, enrolmentId));
    expect(cases.map((c) => [c.origin, c.objectiveIds.length])).toEqual([['follow_up', 1]]);

    // The link works once: opened again, it says the answers are in.
    await page.reload();
    await page.getByRole('heading', { name: 'Follow-up sent', level: 1 }).waitFor();
    expect(stride.cspViolations).toEqual([]);
  }, 40_000);
});
