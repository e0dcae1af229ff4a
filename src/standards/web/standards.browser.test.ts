import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { systemClock } from '../../platform/clock';
import type { TestDatabase } from '../../../tests/support/test-database';
import { createPerson, type TestPerson } from '../../../tests/support/factories';
import { castCourse } from '../../../tests/support/catalog-factories';
import { expectNoAxeViolations } from '../../../tests/support/browser';
import { startBrowserStride, type BrowserStride } from '../../../tests/support/browser-stride';
import { TestClient } from '../../../tests/support/test-client';
import { seedDemoStandards } from '../demo-standards';

// ST-1 and ST-2 as people meet them: the unit lead revises the style guide and publishes it; a
// learner reads what changed; a coordinator checks a course against the design model, waiving
// one item with a reason, and the course page shows its conformance. Every page passes axe.

let stride: BrowserStride;
let database: TestDatabase;
let base: string;
let page: Page;
let lead: TestPerson;
let coordinator: TestPerson;
let learner: TestPerson;
let courseId: string;

const main = () => page.getByRole('main');
const heading = (name: string | RegExp) => page.getByRole('heading', { name });

beforeAll(async () => {
  stride = await startBrowserStride();
  ({ database, base, page } = stride);
  lead = await createPerson(database.db, { name: 'Dana Lead', roles: ['unit_lead'] });
  coordinator = await createPerson(database.db, { name: 'Cora Coordinator', roles: ['coordinator'] });
  learner = await createPerson(database.db, { name: 'Lena Learner' });
  const api = new TestClient(stride.app);
  const signIn = await api.post('/api/v1/session', { email: coordinator.email, password: 'correct horse battery staple' });
  if (signIn.status !== 200) throw new Error(signIn.text);
  ({ courseId } = await castCourse(api, coordinator.id, new Date()));
  await seedDemoStandards(database.db, systemClock, new Map([['N0010', lead.id], ['N0011', coordinator.id]]), { courses: new Map(), lastPastSessionOf: new Map() });
}, 180_000);

afterAll(async () => {
  await stride?.close();
});

describe('the standards in a real browser', () => {
  it('ST-1 the unit lead revises the delivery methodology and publishes it; a learner reads what changed', async () => {
    await stride.signIn(lead, '/standards');
    await heading('Standards').waitFor();
    await expectNoAxeViolations(page, 'standards list');
    expect(await main().textContent()).toContain('Draft 2');
    await page.getByRole('link', { name: 'Delivery methodology' }).click();
    await heading('Delivery methodology, version 1').waitFor();
    await expectNoAxeViolations(page, 'delivery methodology');
    await page.getByRole('link', { name: 'Edit the draft' }).click();
    await heading('Edit the delivery methodology').waitFor();
    // An empty heading is refused next to its field, and what was typed stays.
    await page.getByRole('button', { name: 'Add section' }).click();
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('A heading is required.').waitFor();
    await expectNoAxeViolations(page, 'editor with errors');
    await page.getByLabel('Section 5 heading').fill('Observation');
    await page.getByLabel('Text').last().fill('Every instructor, in-house or external, is observed once a year.');
    await page.getByLabel('What changed').fill('Yearly observation for every instructor.');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('Draft saved.').waitFor();
    await page.getByRole('button', { name: 'Publish…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Publish' }).click();
    await page.waitForURL(/\/standards\/delivery-methodology\/versions\/2$/);
    await heading('What changed from version 1').waitFor();

    await stride.signIn(learner, '/standards/delivery-methodology');
    await heading('Delivery methodology, version 2').waitFor();
    expect(await main().textContent()).toContain('Yearly observation for every instructor.');
    expect(await main().textContent()).toContain('Section added');
    expect(await main().textContent()).toContain('external');
    expect(await page.getByRole('link', { name: 'Edit the draft' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'a standard as a learner reads it');
  });

  it('ST-2 a coordinator checks a course against the design model; the course page shows its conformance', async () => {
    await stride.signIn(coordinator, `/catalog/courses/${courseId}`);
    const panel = page.getByRole('region', { name: 'Standards' });
    await panel.getByText('Not checked').waitFor();
    await panel.getByRole('link', { name: 'Check' }).click();
    await heading(/^Check: Handling Customer Complaints/).waitFor();
    const form = page.getByRole('region', { name: 'Instructional design model, version 1' });
    const item = (text: string) => form.getByRole('radiogroup', { name: new RegExp(text) });
    await item('task analysis').getByLabel('Passed').check();
    await item('observable terms').getByLabel('Passed').check();
    await item('customer-partner signed off').getByLabel('Waived').check();
    await item('piloted').getByLabel('Failed').check();
    await form.getByRole('button', { name: 'Save results' }).click();
    await form.getByText('Say why the item is waived.').waitFor();
    await expectNoAxeViolations(page, 'check page with a missing reason');
    await form.getByLabel('Why it is waived').fill('The sponsor signed the design on paper.');
    await form.getByRole('button', { name: 'Save results' }).click();
    await form.getByText('Results saved.').waitFor();

    await page.goto(`${base}/catalog/courses/${courseId}`);
    await panel.getByText('Gaps').waitFor();
    const text = await panel.textContent();
    expect(text).toContain('2 passed · 1 waived · 1 failed · 0 not checked');
    expect(text).toContain('The sponsor signed the design on paper.');
    await expectNoAxeViolations(page, 'course page with conformance');

    await stride.signIn(learner, `/catalog/courses/${courseId}`);
    await page.getByRole('region', { name: 'Standards' }).getByText('Gaps').waitFor();
    expect(await page.getByRole('region', { name: 'Standards' }).getByRole('link', { name: 'Check' }).count()).toBe(0);
  });
});
