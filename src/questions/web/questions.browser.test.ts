import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { count } from 'drizzle-orm';
import { systemClock } from '../../platform/clock';
import type { TestDatabase } from '../../../tests/support/test-database';
import { createPerson, type TestPerson } from '../../../tests/support/factories';
import { expectNoAxeViolations } from '../../../tests/support/browser';
import { startBrowserStride, type BrowserStride } from '../../../tests/support/browser-stride';
import { seedDemoCharter } from '../../charter/demo-charter';
import { questions } from '../schema';

// IN-1 as people meet it: a learner asks the unit from the navigation and is told when the first
// answer is due; a coordinator works the queue, assigns and answers; the clock is met.

let stride: BrowserStride;
let database: TestDatabase;
let base: string;
let learner: TestPerson;
let coordinator: TestPerson;
let page: Page;

const main = () => page.getByRole('main');
const heading = (name: string | RegExp) => page.getByRole('heading', { name });
const questionCount = async () => (await database.db.select({ n: count() }).from(questions))[0]?.n ?? 0;
const subject = 'Is there a refresher on confined-space entry?';

beforeAll(async () => {
  stride = await startBrowserStride();
  ({ database, base, page } = stride);
  learner = await createPerson(database.db, { name: 'Lena Learner' });
  coordinator = await createPerson(database.db, { name: 'Cora Coordinator', roles: ['coordinator'] });
  await seedDemoCharter(database.db, systemClock, coordinator.id);
}, 180_000);

afterAll(async () => {
  await stride?.close();
});

describe('questions to the training unit in a real browser', () => {
  it('IN-1 a learner asks, a coordinator assigns and answers, the clock is met; bad input is refused at the fields; every page passes axe', async () => {
    await stride.signIn(learner, '/');
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Questions' }).click();
    await page.waitForURL(/\/questions$/);
    await heading('My questions').waitFor();
    await page.getByText('No questions yet').waitFor();
    expect(await page.getByRole('link', { name: 'Log a call or e-mail' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'my questions, none yet');

    await main().getByRole('link', { name: 'Ask a question' }).click();
    await page.waitForURL(/\/questions\/ask$/);
    await heading('Ask the training unit').waitFor();

    // Bad input: the same schema as the server's, shown at the fields; nothing is created.
    await page.getByRole('button', { name: 'Send the question' }).click();
    await page.getByText('Say what the question is about.').waitFor();
    await page.getByText('Write the question.').waitFor();
    expect(await page.getByLabel('Subject').getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, 'ask a question, with field errors');
    expect(await questionCount()).toBe(0);

    await page.getByLabel('Subject').fill(subject);
    await page.getByLabel('Your question').fill('My certificate expires next month. Is a refresher planned?');
    await page.getByRole('button', { name: 'Send the question' }).click();
    await page.waitForURL(/\/questions\/[0-9a-f-]{36}$/);
    await heading(subject).waitFor();
    const confirmation = main().getByRole('status').filter({ hasText: "We'll answer by" });
    await confirmation.waitFor();
    expect(await confirmation.textContent()).toMatch(/We'll answer by \S+/);
    await main().getByText('On track', { exact: true }).first().waitFor();
    expect(await questionCount()).toBe(1);
    const questionUrl = page.url();
    await page.waitForLoadState('networkidle');
    await expectNoAxeViolations(page, 'the question, just asked');

    // The coordinator's queue.
    await page.context().clearCookies();
    await stride.signIn(coordinator, '/questions');
    await page.waitForURL(/\/questions$/);
    await heading('Questions to the unit').waitFor();
    const row = main().locator('tr', { has: page.getByRole('link', { name: subject }) });
    await row.waitFor();
    expect(await row.getByText('On track', { exact: true }).isVisible()).toBe(true);
    expect(await row.textContent()).toContain('due ');
    expect(await row.textContent()).toContain('Lena Learner');
    await page.getByRole('link', { name: 'Log a call or e-mail' }).waitFor();
    await page.waitForLoadState('networkidle');
    await expectNoAxeViolations(page, 'the queue');

    // Filters live in the URL.
    await page.goto(`${base}/questions?status=answered`);
    await page.getByText('No question matches these filters').waitFor();
    await page.goto(`${base}/questions?status=open&channel=web`);
    await row.waitFor();

    await row.getByRole('link', { name: subject }).click();
    await page.waitForURL(questionUrl);
    await heading('Assign').waitFor();
    await page.waitForLoadState('networkidle');
    await expectNoAxeViolations(page, 'the question, for staff');
    await page.getByRole('button', { name: 'Assign to me' }).click();
    await page.getByRole('button', { name: 'Assign to me' }).waitFor({ state: 'detached' });
    expect(await page.getByRole('textbox', { name: 'Assignee' }).inputValue()).toBe('Cora Coordinator');

    expect(await main().getByText('The answer is mailed to Lena Learner').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Send the answer' }).click();
    await page.getByText('Write the answer.').waitFor();
    await page.getByLabel('Your answer').fill('Yes: the next refresher is on 12 June. I have put your name down.');
    await page.getByRole('button', { name: 'Send the answer' }).click();
    await main().getByText('Cora Coordinator answered').waitFor();
    await main().getByText('Met', { exact: true }).first().waitFor();
    await page.waitForLoadState('networkidle');
    await expectNoAxeViolations(page, 'the question, answered');

    await page.goto(`${base}/questions`);
    await row.getByText('Met', { exact: true }).waitFor();
    expect(await row.textContent()).toContain('Cora Coordinator');

    await page.goto(`${base}/questions/log`);
    await heading('Log a call or e-mail').waitFor();
    await page.getByRole('button', { name: 'Log the question' }).click();
    await page.getByText('Choose the person, or give the name of someone without an account.').waitFor();
    await page.waitForLoadState('networkidle');
    await expectNoAxeViolations(page, 'log a call, with field errors');
    expect(await questionCount()).toBe(1);

    // The learner reads the answer.
    await page.context().clearCookies();
    await stride.signIn(learner, '/questions');
    await page.waitForURL(/\/questions$/);
    await main().locator('tr', { has: page.getByRole('link', { name: subject }) }).getByText('Met', { exact: true }).waitFor();
    await page.getByRole('link', { name: subject }).click();
    await main().getByText('Yes: the next refresher is on 12 June.', { exact: false }).waitFor();
    expect(await page.getByRole('heading', { name: 'Assign' }).count()).toBe(0);
    await page.waitForLoadState('networkidle');
    await expectNoAxeViolations(page, 'the answered question, for the learner');

    await page.goto(`${base}/questions/00000000-0000-4000-8000-000000000000`);
    await page.getByText('There is no such question').waitFor();
    await expectNoAxeViolations(page, 'a question that does not exist');
    expect(stride.cspViolations, 'the question pages broke the Content Security Policy').toEqual([]);
  }, 300_000);

  it('IN-1 someone without an account asks from the sign-in page and is told the reference and when the answer is due', async () => {
    await page.context().clearCookies();
    await page.goto(`${base}/sign-in`);
    await page.getByRole('link', { name: 'Ask the training unit a question' }).click();
    await page.waitForURL(/\/ask$/);
    await heading('Ask the training unit').waitFor();
    await page.getByRole('button', { name: 'Send the question' }).click();
    await page.getByText('Say who you are, so the answer can greet you.').waitFor();
    await page.getByText('Enter a valid e-mail address.').waitFor();
    await page.waitForLoadState('networkidle');
    await expectNoAxeViolations(page, 'the public question form, with field errors');
    const before = await questionCount();

    await page.getByLabel('Your name').fill('Casey Contractor');
    await page.getByLabel('Your e-mail').fill('casey@contractor.example');
    await page.getByLabel('Subject').fill('Can contractors attend the safety refresher?');
    await page.getByLabel('Your question').fill('I start on the grid project next month.');
    await page.getByRole('button', { name: 'Send the question' }).click();
    const receipt = page.getByRole('status').filter({ hasText: /Question Q-\d{6} received/ });
    await receipt.waitFor();
    expect(await receipt.textContent()).toMatch(/We promise a first answer within 8 working hours: by \S+/);
    expect(await questionCount()).toBe(before + 1);
    await expectNoAxeViolations(page, 'the public question form, sent');
    expect(stride.cspViolations, 'the public question form broke the Content Security Policy').toEqual([]);
  }, 120_000);
});
