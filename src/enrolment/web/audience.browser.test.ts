import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { createBusinessUnit, createPerson, TEST_PASSWORD, type TestPerson } from '../../../tests/support/factories';
import { TestClient } from '../../../tests/support/test-client';
import { publishedCourse, scheduledSession } from '../../../tests/support/enrolment-factories';
import { expectNoAxeViolations } from '../../../tests/support/browser';
import { startBrowserStride, type BrowserStride } from '../../../tests/support/browser-stride';

// CA-4 as people meet it: the apply dialog asks the audience questions; the coordinator's roster
// shows the answers and the fit flags (here: someone from outside the course's business units) and
// redirects the applicant to a better offering with a message; the learner's My learning shows the
// new session. Someone nominated answers the questions later from My learning.

let stride: BrowserStride;
let page: Page;
const p = {} as Record<'sam' | 'ana' | 'lena' | 'cora', TestPerson>;
let careCourse: string;
let careSession: string;
let api: TestClient;

const careTitle = 'Calming Angry Callers';
const betterTitle = 'Difficult Supplier Conversations';

const main = () => page.getByRole('main');
const heading = (name: string | RegExp) => page.getByRole('heading', { name, level: 1 });
const squash = (text: string | null) => (text ?? '').replace(/\s+/g, ' ');

async function axe(label: string) {
  await page.waitForLoadState('networkidle');
  await expectNoAxeViolations(page, label);
}

async function signInAs(person: TestPerson, path: string) {
  await page.context().clearCookies();
  await stride.signIn(person, path);
  await page.waitForURL((url) => url.pathname === path.split('?')[0]);
}

async function fieldError(field: Locator): Promise<string> {
  expect(await field.getAttribute('aria-invalid')).toBe('true');
  const ids = (await field.getAttribute('aria-describedby'))?.split(/\s+/) ?? [];
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
  return texts.join(' ');
}

beforeAll(async () => {
  stride = await startBrowserStride({ timezoneId: 'Europe/Lisbon' });
  ({ page } = stride);
  const { db } = stride.database;
  const care = await createBusinessUnit(db, { name: 'Customer Care' });
  const finance = await createBusinessUnit(db, { name: 'Finance' });
  p.sam = await createPerson(db, { name: 'Sam Supervisor', jobTitle: 'Team Lead', businessUnitId: care.id });
  p.ana = await createPerson(db, { name: 'Ana Analyst', jobTitle: 'Financial Analyst', businessUnitId: finance.id, managerId: p.sam.id });
  p.lena = await createPerson(db, { name: 'Lena Learner', jobTitle: 'Customer Agent', businessUnitId: care.id, managerId: p.sam.id });
  p.cora = await createPerson(db, { name: 'Cora Coordinator', roles: ['coordinator'] });
  api = new TestClient(stride.app);
  const signedIn = await api.post('/api/v1/session', { email: p.cora.email, password: TEST_PASSWORD });
  if (signedIn.status !== 200) throw new Error(`sign-in: ${signedIn.status} ${signedIn.text}`);
  const now = new Date();
  careCourse = await publishedCourse(api, p.cora.id, { title: careTitle, audienceBusinessUnitIds: [care.id], prerequisites: 'One month on the phones.' });
  careSession = await scheduledSession(api, careCourse, now, { approvalMode: 'none', capacity: 10 });
  const better = await publishedCourse(api, p.cora.id, { title: betterTitle, prerequisites: '' });
  await scheduledSession(api, better, now, { approvalMode: 'none', capacity: 10, startsAt: `${new Date(now.getTime() + 14 * 86_400_000).toISOString().slice(0, 10)}T09:00`, endsAt: `${new Date(now.getTime() + 14 * 86_400_000).toISOString().slice(0, 10)}T17:00` });
}, 180_000);

afterAll(async () => {
  await stride?.close();
});

describe('CA-4 audience analysis in a real browser', () => {
  it('CA-4 a learner answers the questions when applying (the reason first, at its field); the coordinator sees her flagged outside the audience, redirects her with a message, and her My learning shows the new session', async () => {
    await signInAs(p.ana, `/catalog/courses/${careCourse}`);
    await heading(careTitle).waitFor();
    await main().getByRole('list', { name: 'Upcoming sessions' }).getByRole('listitem').first().getByRole('button', { name: /^Apply/ }).click();
    const dialog = page.getByRole('dialog', { name: `Apply for ${careTitle}` });
    expect(await dialog.getByLabel('Your role').inputValue()).toBe('Financial Analyst');
    await dialog.getByText('Do you meet the prerequisites: One month on the phones.').waitFor();
    await dialog.getByRole('button', { name: 'Take the seat' }).click();
    const reason = dialog.getByLabel('Why do you want to attend? What will you do differently afterwards?');
    expect(await fieldError(reason)).toContain('Say why you want to attend');
    await axe('the apply dialog, the questions with a field error');
    await reason.fill('Suppliers call me angry about late payments; I want those calls to end well.');
    await dialog.getByRole('radio', { name: 'A lot' }).check();
    await dialog.getByLabel('What have you done so far? (optional)').fill('Five years of supplier calls.');
    await dialog.getByRole('radio', { name: '4', exact: true }).check();
    await dialog.getByRole('radio', { name: 'Partly' }).check();
    await dialog.getByRole('button', { name: 'Take the seat' }).click();
    const sent = page.getByRole('dialog', { name: 'Application sent' });
    await sent.getByText('You have a seat.', { exact: false }).waitFor();
    await sent.getByRole('button', { name: 'Done' }).click();

    // The coordinator's roster: the audience, the flags with their explanations, and Redirect….
    await signInAs(p.cora, `/catalog/sessions/${careSession}/roster`);
    await heading(`Roster: ${careTitle}`).waitFor();
    const audience = main().getByRole('region', { name: 'Audience' });
    await audience.getByText('1 applicant · 1 answered · 0 with supervisor expectations · 1 flagged').waitFor();
    await audience.getByRole('list', { name: 'Flags by rule' }).getByText('Outside the course’s audience: 1').waitFor();
    const ana = audience.getByRole('article', { name: 'Ana Analyst' });
    const text = squash(await ana.textContent());
    expect(text).toContain('“Suppliers call me angry about late payments; I want those calls to end well.”');
    expect(text).toContain('A lot: Five years of supplier calls.');
    expect(text).toContain('4 of 5');
    const flags = squash(await ana.getByRole('list', { name: 'Flags for Ana Analyst' }).textContent());
    expect(flags).toContain('Outside the course’s audience');
    expect(flags).toContain('Prerequisites partly met');
    await axe('the roster with its audience');

    await ana.getByRole('button', { name: 'Redirect Ana Analyst…' }).click();
    const move = page.getByRole('dialog', { name: 'Move Ana Analyst to a better offering' });
    const course = move.getByRole('textbox', { name: 'Course' });
    await course.click();
    await course.fill('Supplier');
    await page.getByRole('option', { name: new RegExp(betterTitle) }).click();
    await move.getByRole('textbox', { name: 'Session' }).click();
    // The dropdown's first session (the roster's attendance day picker has native options too).
    await page.locator('[role="listbox"] [role="option"]:visible').first().click();
    await move.getByRole('button', { name: 'Move them' }).click();
    expect(await fieldError(move.getByLabel('Why this suits Ana better'))).toContain('Tell the learner why');
    await move.getByLabel('Why this suits Ana better').fill('Your calls are with suppliers: this course is built around them.');
    await axe('the redirect dialog');
    await move.getByRole('button', { name: 'Move them' }).click();
    const moved = page.getByRole('dialog', { name: 'Ana was moved' });
    await moved.getByText(`Now in ${betterTitle}`).waitFor();
    await axe('the redirect dialog, done');
    await moved.getByRole('button', { name: 'Done' }).click();
    await audience.getByText('No one has applied yet.').waitFor();

    await signInAs(p.ana, '/my-learning');
    await heading('My learning').waitFor();
    const upcoming = main().getByRole('region', { name: 'Upcoming' });
    await upcoming.getByRole('article', { name: betterTitle }).waitFor();
    expect(squash(await upcoming.getByRole('article', { name: betterTitle }).textContent())).toContain('Confirmed');
    await axe('my learning after a redirect');
    expect(stride.cspViolations, 'the audience pages broke the Content Security Policy').toEqual([]);
  }, 90_000);

  it('CA-4 nominated with the supervisor’s expectations, the learner tells about herself later from My learning; the supervisor sees the expectations', async () => {
    await signInAs(p.sam, `/catalog/courses/${careCourse}`);
    await heading(careTitle).waitFor();
    await main().getByRole('button', { name: 'Nominate a report…' }).first().click();
    const nominate = page.getByRole('dialog', { name: 'Nominate a report' });
    const person = nominate.getByRole('textbox', { name: 'Report to put down' });
    await person.click();
    await person.fill('Lena');
    await page.getByRole('option', { name: /Lena Learner/ }).click();
    await nominate.getByLabel('What do you expect them to do differently afterwards? (optional)').fill('Calm a caller down without handing over.');
    await axe('the nominate dialog with expectations');
    await nominate.getByRole('button', { name: 'Put them down' }).click();
    await nominate.waitFor({ state: 'detached' });

    await signInAs(p.lena, '/my-learning');
    const card = main().getByRole('article', { name: careTitle });
    await card.getByRole('button', { name: 'Tell us about you…' }).click();
    const questions = page.getByRole('dialog', { name: 'Tell us about you' });
    expect(await questions.getByLabel('Your role').inputValue()).toBe('Customer Agent');
    await questions.getByLabel('Why do you want to attend? What will you do differently afterwards?').fill('I hand angry callers over too often.');
    await questions.getByRole('radio', { name: 'Some' }).check();
    await questions.getByRole('radio', { name: '2', exact: true }).check();
    await questions.getByRole('radio', { name: 'Yes' }).check();
    await axe('the later questions');
    await questions.getByRole('button', { name: 'Send my answers' }).click();
    await questions.waitFor({ state: 'detached' });
    await card.getByText('“I hand angry callers over too often.”').waitFor();
    expect(await card.getByRole('button', { name: 'Tell us about you…' }).count()).toBe(0);

    await signInAs(p.sam, `/team-learning?person=${p.lena.id}`);
    await heading('My team’s learning').waitFor();
    const theirs = main().getByRole('region', { name: 'Lena Learner' }).getByRole('article', { name: careTitle });
    await theirs.getByText('“Calm a caller down without handing over.”').waitFor();
    await axe('my team’s learning with expectations');
  }, 90_000);
});
