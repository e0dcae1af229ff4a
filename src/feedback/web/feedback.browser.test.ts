import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestDatabase } from '../../../tests/support/test-database';
import { createPerson, type TestPerson } from '../../../tests/support/factories';
import { expectNoAxeViolations } from '../../../tests/support/browser';
import { startBrowserStride, type BrowserStride } from '../../../tests/support/browser-stride';
import { seedDemoCharter } from '../../charter/demo-charter';
import { systemClock } from '../../platform/clock';

// The "Done means", tried as new users would: an anonymous complaint about a late
// certificate, acknowledged within its service level, its response read through the private link
// (FB-1); a call-centre agent's suggestion escalated by her manager and adopted by a leader, and
// she sees it (FB-2).

let stride: BrowserStride;
let database: TestDatabase;
let page: Page;
const p = {} as Record<'coordinator' | 'manager' | 'agent' | 'leader' | 'lead', TestPerson>;

beforeAll(async () => {
  stride = await startBrowserStride();
  ({ database, page } = stride);
  p.lead = await createPerson(database.db, { name: 'Uma Unitlead', roles: ['unit_lead'] });
  p.coordinator = await createPerson(database.db, { name: 'Cora Coordinator', roles: ['coordinator'] });
  p.manager = await createPerson(database.db, { name: 'Maya Manager', jobTitle: 'Call-centre team lead' });
  p.agent = await createPerson(database.db, { name: 'Carla Agent', jobTitle: 'Call-centre agent', managerId: p.manager.id });
  p.leader = await createPerson(database.db, { name: 'Leo Leader', roles: ['leader'] });
  await seedDemoCharter(database.db, systemClock, p.lead.id);
  await page.goto(`${stride.base}/sign-in`);
  await page.getByLabel('E-mail').waitFor({ timeout: 120_000 });
}, 300_000);

afterAll(async () => {
  await stride?.close();
});

async function signInAs(person: TestPerson, path: string) {
  await stride.browser.context.clearCookies();
  await stride.signIn(person, path);
}

describe('feedback and suggestions in a real browser', () => {
  it('FB-1 an anonymous complaint about a late certificate is acknowledged within its service level and its response is read through the private link', async () => {
    await page.goto(`${stride.base}/feedback/send`);
    await page.getByRole('heading', { name: 'Tell us what went wrong — or right' }).waitFor();
    await expectNoAxeViolations(page, 'the feedback form');
    // Sent empty, each field says what it needs, next to it.
    await page.getByRole('button', { name: 'Send to the training unit' }).click();
    await page.getByText('Choose what it is about.').waitFor();
    await page.getByText('Write what happened.').waitFor();
    await page.getByRole('textbox', { name: 'What is it about?' }).click();
    await page.getByRole('option', { name: 'Certificates' }).click();
    await page.getByLabel('Which course, session, person or service').fill('Excel for month-end, November');
    await page.getByLabel('What happened').fill('My certificate arrived three weeks after the course, and only after I asked twice.');
    expect(await page.getByRole('radio', { name: /Anonymous/ }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Send to the training unit' }).click();
    await page.getByText(/received$/).first().waitFor();
    const link = (await page.getByTestId('follow-link').textContent())!.trim();
    expect(link).toMatch(/\/feedback\/follow\/[A-Za-z0-9_-]{43}$/);
    await expectNoAxeViolations(page, 'the feedback receipt');

    await signInAs(p.coordinator, '/');
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Feedback', exact: true }).click();
    await page.getByRole('heading', { name: 'Feedback and complaints' }).waitFor();
    await page.getByRole('heading', { name: 'What people tell us about, month by month' }).waitFor();
    await expectNoAxeViolations(page, 'the feedback queue');
    await page.getByRole('main').getByRole('link', { name: /^F-\d{6}$/ }).first().click();
    await page.getByRole('heading', { name: /^Complaint F-\d{6}$/ }).waitFor();
    await page.getByText('Sent anonymously: who sent it is not known to Stride.').waitFor();
    await expectNoAxeViolations(page, 'a received complaint');
    await page.getByLabel('A word to the sender (shown on their private link)').fill('I am checking why the certificate job held yours.');
    await page.getByRole('button', { name: 'Acknowledge' }).click();
    await page.getByRole('main').getByText('Handled by Cora Coordinator', { exact: false }).waitFor();
    await page.getByLabel('Response: what you found and what changes').fill('Your completion was recorded three weeks late. Instructors now record attendance the same day.');
    await page.getByRole('button', { name: 'Send the response' }).click();
    await page.getByRole('heading', { name: 'How was the loop closed with the sender?' }).or(page.getByLabel('How was the loop closed with the sender?')).first().waitFor();

    await stride.browser.context.clearCookies();
    await page.goto(link);
    await page.getByRole('heading', { name: /^Your feedback F-\d{6}$/ }).waitFor();
    await page.getByTestId('feedback-response').getByText('Instructors now record attendance the same day.').waitFor();
    // The acknowledgement met the charter's promise, and the sender can see it.
    const ackRow = page.getByRole('row', { name: /Feedback or complaint acknowledged/ });
    await ackRow.getByText('Met').waitFor();
    await expectNoAxeViolations(page, 'the private link');
    await page.getByRole('button', { name: 'Send my answer' }).click();
    await page.getByText('You told us this settles it.', { exact: false }).waitFor();
    expect(stride.cspViolations).toEqual([]);
  }, 300_000);

  it('FB-2 a call-centre agent’s suggestion is escalated by her manager and adopted by a leader, and she sees it', async () => {
    await signInAs(p.agent, '/suggestions');
    await page.getByRole('heading', { name: 'Service suggestions' }).waitFor();
    await expectNoAxeViolations(page, 'the suggestions page');
    await page.getByLabel('Title').fill('Call back customers after long outages');
    await page.getByLabel('Your idea').fill('After an outage of more than a day, agents call the affected customers to check their service is back.');
    await page.getByLabel('What it improves, for customers or colleagues').fill('Customers hear from us first; fewer repeat calls.');
    await page.getByRole('button', { name: 'Send to my manager' }).click();
    await page.getByRole('heading', { name: 'Call back customers after long outages' }).waitFor();
    await page.getByText('Waiting for the manager').first().waitFor();
    const url = page.url();

    await signInAs(p.manager, '/suggestions?view=to-review');
    await page.getByRole('main').getByRole('link', { name: 'Call back customers after long outages' }).click();
    await page.getByRole('heading', { name: 'Your review' }).waitFor();
    await expectNoAxeViolations(page, 'a suggestion to review');
    await page.getByLabel('Why you support it (for leadership)').fill('Repeat calls after outages are our worst number; this is cheap to try.');
    await page.getByRole('button', { name: 'Escalate to leadership' }).click();
    await page.getByText('With leadership').first().waitFor();

    await signInAs(p.leader, '/suggestions?view=leadership');
    await page.getByRole('main').getByRole('link', { name: 'Call back customers after long outages' }).click();
    await page.getByRole('heading', { name: 'Leadership’s decision' }).waitFor();
    await page.getByLabel('What happens next').fill('Adopted for every outage over 24 hours from January; the call-centre lead owns it.');
    await page.getByRole('button', { name: 'Record the decision' }).click();
    await page.getByText('Adopted').first().waitFor();

    await signInAs(p.agent, new URL(url).pathname);
    await page.getByRole('heading', { name: 'Every step' }).waitFor();
    await page.getByText('Supported and escalated to leadership').waitFor();
    await page.getByText('from January; the call-centre lead owns it', { exact: false }).waitFor();
    await expectNoAxeViolations(page, 'an adopted suggestion, as its submitter sees it');
    expect(stride.cspViolations).toEqual([]);
  }, 300_000);
});
