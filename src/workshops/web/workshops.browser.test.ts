import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { eq } from 'drizzle-orm';
import type { TestDatabase } from '../../../tests/support/test-database';
import { createBusinessUnit, createPerson, type TestPerson } from '../../../tests/support/factories';
import { expectNoAxeViolations } from '../../../tests/support/browser';
import { startBrowserStride, type BrowserStride } from '../../../tests/support/browser-stride';
import { workshops } from '../schema';

// CX-1..4 and FB-3 as a consultant meets them: Customer Care asked for customer service training;
// the consultant plans a workshop, invites two people who live the calls, maps the moments of
// truth in order, analyses each (held back, field by field, until now and should are said),
// harvests an opportunity that is not training, a story and one of the organization's own words,
// finishes it and opens the report; the word is in the glossary for everyone.

let stride: BrowserStride;
let database: TestDatabase;
let page: Page;
let consultant: TestPerson;

beforeAll(async () => {
  stride = await startBrowserStride();
  ({ database, page } = stride);
  const unit = await createBusinessUnit(database.db, { name: 'Customer Care' });
  consultant = await createPerson(database.db, { name: 'Inés Consultant', roles: ['consultant'] });
  await createPerson(database.db, { name: 'Marcus Manager', businessUnitId: unit.id, jobTitle: 'Team manager' });
  await createPerson(database.db, { name: 'Jasmine Agent', businessUnitId: unit.id, jobTitle: 'Customer service agent' });
  // The first load of the bundle on a busy machine can outlast a step's 30 s: load it once here.
  await page.goto(`${stride.base}/sign-in`);
  await page.getByLabel('E-mail').waitFor({ timeout: 120_000 });
}, 180_000);

afterAll(async () => {
  await stride?.close();
});

async function choosePerson(label: string, search: string, name: RegExp) {
  await page.getByRole('textbox', { name: label }).click();
  await page.getByRole('textbox', { name: label }).fill(search);
  await page.getByRole('option', { name }).click();
}

const main = () => page.getByRole('main');
const save = async () => {
  await main().getByRole('button', { name: 'Save the workshop' }).click();
  await main().getByText(/The workshop is saved/).waitFor();
};

describe('customer experience workshops in a real browser', () => {
  it('CX-1 CX-2 CX-3 CX-4 FB-3 a consultant runs a workshop step by step, finishes it, prints the report, and the harvested word is in the glossary; every page passes axe', async () => {
    await stride.signIn(consultant, '/');
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Workshops' }).click();
    await page.getByRole('heading', { name: 'Customer experience workshops' }).waitFor();
    await main().getByText('No workshop yet').waitFor();
    await expectNoAxeViolations(page, 'the workshops list');

    // Plan it: a missing title is refused at the field.
    await main().getByRole('button', { name: 'Plan a workshop' }).click();
    await main().getByRole('button', { name: 'Plan the workshop' }).click();
    await main().getByText('Give the workshop a title.').waitFor();
    await main().getByLabel('Title').fill('Calling Customer Care about a bill');
    await main().getByRole('textbox', { name: 'Business unit' }).click();
    await page.getByRole('option', { name: 'Customer Care' }).click();
    await main().getByLabel('Held on').fill('2026-11-12');
    await expectNoAxeViolations(page, 'the plan-a-workshop form');
    await main().getByRole('button', { name: 'Plan the workshop' }).click();
    await page.waitForURL(/\/workshops\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'Calling Customer Care about a bill', level: 1 }).waitFor();

    // Prepare: why, and who lives the calls.
    await main().getByLabel('What the workshop is for').fill('Customer Care asked for customer service training after complaints about long holds.');
    await main().getByRole('button', { name: 'Add a participant' }).click();
    await choosePerson('Participant 1', 'Marcus', /Marcus Manager/);
    await main().getByRole('button', { name: 'Add a participant' }).click();
    await choosePerson('Participant 2', 'Jasmine', /Jasmine Agent/);
    await save();
    await expectNoAxeViolations(page, 'the workshop, preparing');
    await main().getByRole('button', { name: 'On to “Moments of truth”' }).click();
    await main().getByRole('heading', { name: '2. Moments of truth' }).waitFor();

    // CX-1: the moments in the customer's order.
    await main().getByRole('button', { name: 'Add a moment of truth' }).click();
    await main().getByRole('textbox', { name: /^Moment 1\b/ }).fill('The agent answers');
    await main().getByRole('button', { name: 'Add a moment of truth' }).click();
    await main().getByRole('textbox', { name: /^Moment 2\b/ }).fill('The customer waits in the queue');
    await main().getByRole('button', { name: 'Move moment 2 earlier' }).click();
    await save();
    await main().getByRole('list', { name: 'The customer journey' }).getByText('The customer waits in the queue').waitFor();
    await main().getByRole('button', { name: 'On to “Analyse each moment”' }).click();

    // CX-2: the workshop moves on only when now and should are said for every moment.
    await main().getByLabel('What happens now at moment 1').fill('Seven minutes on hold at month end.');
    await main().getByLabel('What should happen at moment 1').fill('A callback is offered after three minutes.');
    await main().getByLabel('What happens now at moment 2').fill('The agent walks the floor to find a manager to escalate.');
    await main().getByLabel('Non-value-added activities at moment 2').fill('Walking the floor; the caller retelling the case.');
    await save();
    await main().getByRole('button', { name: 'On to “Harvest”' }).click();
    await main().getByText('The workshop cannot move on yet').waitFor();
    await main().getByText('Say what should happen at “The agent answers”.').first().waitFor();
    await expectNoAxeViolations(page, 'the analysis with a gap');
    await main().getByLabel('What should happen at moment 2').fill('The agent knows when and to whom to escalate and hands over in writing.');
    await save();
    await main().getByRole('button', { name: 'On to “Harvest”' }).click();
    await main().getByRole('heading', { name: 'Improvement opportunities' }).waitFor();

    // CX-3: an opportunity that is not training, a story, and a word of their own.
    await main().getByRole('button', { name: 'Add an opportunity' }).click();
    await main().getByRole('textbox', { name: 'Where (opportunity 1)' }).click();
    await page.getByRole('option', { name: '2. The agent answers' }).click();
    await main().getByRole('textbox', { name: 'What it would change (opportunity 1)' }).click();
    await page.getByRole('option', { name: 'Procedure' }).click();
    await main().getByRole('textbox', { name: /^Opportunity 1\b/ }).fill('Write the escalation procedure: when, to whom, and a written handover.');
    await main().getByRole('button', { name: 'Add a story' }).click();
    await main().getByRole('textbox', { name: /^Story 1\b/ }).fill('A caller hung up after twelve minutes on hold and wrote to the CEO.');
    await main().getByLabel('Told by (story 1, optional)').fill('An agent of six years');
    await save();
    await main().getByLabel('Word or phrase').fill('Floor walk');
    await main().getByLabel('What it means').fill('Leaving the desk to find a manager in person during a call.');
    await main().getByRole('button', { name: 'Add to the glossary' }).click();
    await main().getByRole('listitem').filter({ hasText: 'Floor walk' }).waitFor();
    await expectNoAxeViolations(page, 'the harvest');
    await main().getByRole('button', { name: 'On to “Act and report”' }).click();

    // CX-4: the opportunity becomes a request in one action (the form asks who owns it and whom it affects); then finish and report.
    await main().getByRole('cell', { name: /^Write the escalation procedure/ }).waitFor();
    await main().getByRole('button', { name: /^Make a request of: Write the escalation procedure/ }).click();
    await main().getByRole('button', { name: 'Submit the request' }).click();
    await main().getByText('Say who is affected: the team, role or group.').waitFor();
    await main().getByLabel('Who is affected').fill('The billing call team');
    await main().getByLabel('How many people').fill('24');
    await expectNoAxeViolations(page, 'an opportunity becoming a request');
    await main().getByRole('button', { name: 'Submit the request' }).click();
    await main().getByRole('link', { name: 'Became a request' }).waitFor();
    await main().getByRole('button', { name: 'Finish the workshop' }).click();
    await main().getByText('Done', { exact: true }).first().waitFor();
    const [row] = await database.db.select({ step: workshops.step }).from(workshops).where(eq(workshops.title, 'Calling Customer Care about a bill'));
    expect(row!.step).toBe('done');
    await main().getByRole('link', { name: 'Workshop report', exact: true }).click();
    await page.getByRole('heading', { name: 'Calling Customer Care about a bill', level: 1 }).waitFor();
    for (const heading of ['Who took part', 'The customer journey', 'Each moment of truth', 'Improvement opportunities', 'Stories we heard', 'Our own words']) await main().getByRole('heading', { name: heading }).waitFor();
    await main().getByText(/A caller hung up after twelve minutes/).waitFor();
    await expectNoAxeViolations(page, 'the workshop report');

    // FB-3: the word is in the glossary, found by search.
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Glossary' }).click();
    await page.getByRole('heading', { name: 'Glossary', level: 1 }).waitFor();
    await main().getByLabel('Search').fill('floor');
    await page.waitForURL(/q=floor/);
    await main().getByRole('heading', { name: 'Floor walk' }).waitFor();
    await main().getByText('The organization’s own words').first().waitFor();
    await expectNoAxeViolations(page, 'the glossary');
    expect(stride.cspViolations).toEqual([]);
  }, 300_000);
});
