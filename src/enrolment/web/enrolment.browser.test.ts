import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { and, eq } from 'drizzle-orm';
import type { TestDatabase } from '../../../tests/support/test-database';
import { createPerson, TEST_PASSWORD, type TestPerson } from '../../../tests/support/factories';
import { TestClient } from '../../../tests/support/test-client';
import { approvalToken, publishedCourse, scheduledSession } from '../../../tests/support/enrolment-factories';
import { expectNoAxeViolations } from '../../../tests/support/browser';
import { startBrowserStride, type BrowserStride } from '../../../tests/support/browser-stride';
import { enrolments } from '../schema';

// CA-3 as people meet it. The browser lives in Lisbon; the sessions happen in New York, so times are
// shown twice. A learner finds a course, applies in three clicks, and the application goes to her
// supervisor, who approves from the mailed link without signing in; a full session waitlists the
// next learner and promotes her when a seat frees; the supervisor and a coordinator see it all.

let stride: BrowserStride;
let database: TestDatabase;
let base: string;
let page: Page;
const p = {} as Record<'sam' | 'lena' | 'leo' | 'cora', TestPerson>;
let approvalCourse: string;
let approvalSession: string;
let smallCourse: string;
let smallSession: string;
let selfPaced: string;

const courseTitle = 'Handling Customer Complaints';
const smallTitle = 'Writing Plain Letters';
const selfPacedTitle = 'Spreadsheet Basics';

const main = () => page.getByRole('main');
const heading = (name: string | RegExp) => page.getByRole('heading', { name, level: 1 });
const sessionRow = () => main().getByRole('list', { name: 'Upcoming sessions' }).getByRole('listitem').first();
const enrolmentCard = (title: string | RegExp) => main().getByRole('article', { name: title });
const squash = (text: string | null) => (text ?? '').replace(/\s+/g, ' ');

async function axe(label: string) {
  await page.waitForLoadState('networkidle');
  await expectNoAxeViolations(page, label);
}

/** The audience questions (CA-4), answered in the apply dialog. */
async function answerQuestions(dialog: Locator, reason: string) {
  await dialog.getByLabel('Why do you want to attend? What will you do differently afterwards?').fill(reason);
  await dialog.getByRole('radio', { name: 'Some' }).check();
  await dialog.getByRole('radio', { name: '3', exact: true }).check();
  await dialog.getByRole('radio', { name: 'Yes' }).check();
}

async function signInAs(person: TestPerson, path: string) {
  await page.context().clearCookies();
  await stride.signIn(person, path);
  await page.waitForURL((url) => url.pathname === path.split('?')[0]);
}

async function stateOf(personId: string, sessionId: string): Promise<string[]> {
  const rows = await database.db.select({ state: enrolments.state }).from(enrolments).where(and(eq(enrolments.personId, personId), eq(enrolments.sessionId, sessionId)));
  return rows.map((r) => r.state);
}

beforeAll(async () => {
  stride = await startBrowserStride({ timezoneId: 'Europe/Lisbon' });
  ({ database, base, page } = stride);
  p.sam = await createPerson(database.db, { name: 'Sam Supervisor', jobTitle: 'Team Lead' });
  p.lena = await createPerson(database.db, { name: 'Lena Learner', jobTitle: 'Customer Agent', managerId: p.sam.id });
  p.leo = await createPerson(database.db, { name: 'Leo Learner', jobTitle: 'Customer Agent', managerId: p.sam.id });
  p.cora = await createPerson(database.db, { name: 'Cora Coordinator', roles: ['coordinator'] });
  const api = new TestClient(stride.app);
  const signedIn = await api.post('/api/v1/session', { email: p.cora.email, password: TEST_PASSWORD });
  if (signedIn.status !== 200) throw new Error(`sign-in: ${signedIn.status} ${signedIn.text}`);
  const now = new Date();
  approvalCourse = await publishedCourse(api, p.cora.id, { title: courseTitle });
  approvalSession = await scheduledSession(api, approvalCourse, now, { approvalMode: 'supervisor', capacity: 12 });
  smallCourse = await publishedCourse(api, p.cora.id, { title: smallTitle, summary: 'Letters customers understand the first time.' });
  smallSession = await scheduledSession(api, smallCourse, now, { approvalMode: 'none', capacity: 1 });
  selfPaced = await publishedCourse(api, p.cora.id, { title: selfPacedTitle, format: 'e-learning', durationMinutes: 45 });
}, 180_000);

afterAll(async () => {
  await stride?.close();
});

describe('CA-3 enrolment in a real browser', () => {
  it('CA-3 a learner finds a course and applies in three clicks; the supervisor sees it waiting, approves from the mailed link signed out, and both then see it confirmed', async () => {
    await signInAs(p.lena, '/catalog');
    await page.getByRole('searchbox', { name: 'Search' }).fill('complaints');
    await page.waitForURL(/q=complaints/);
    await main().getByRole('article', { name: courseTitle }).getByRole('link', { name: courseTitle }).click();
    await heading(courseTitle).waitFor();
    await sessionRow().getByText('12 of 12 seats left').waitFor();
    expect(squash(await sessionRow().textContent())).toMatch(/09:00–17:00 New York time.*your time/);
    await axe('a course with the apply control');

    // Apply → confirm → done.
    await sessionRow().getByRole('button', { name: /^Apply/ }).click();
    const dialog = page.getByRole('dialog', { name: `Apply for ${courseTitle}` });
    expect(squash(await dialog.textContent())).toContain('Your application goes to your supervisor, Sam Supervisor, for approval');
    await answerQuestions(dialog, 'I answer complaints every day and want to close more of them in the first call.');
    await axe('the apply dialog');
    await dialog.getByRole('button', { name: 'Send the application' }).click();
    const sent = page.getByRole('dialog', { name: 'Application sent' });
    await sent.getByText('Waiting for approval by Sam Supervisor (your supervisor)').waitFor();
    await sent.getByRole('button', { name: 'Done' }).click();
    await sent.waitFor({ state: 'detached' });
    await sessionRow().getByRole('button', { name: 'Withdraw…' }).waitFor();
    expect(squash(await sessionRow().textContent())).toContain('Waiting for approval by Sam Supervisor (your supervisor)');
    expect(await stateOf(p.lena.id, approvalSession)).toEqual(['pending_approval']);

    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'My learning' }).click();
    await heading('My learning').waitFor();
    const mine = enrolmentCard(courseTitle);
    expect(squash(await mine.textContent())).toContain('Waiting for approval by Sam Supervisor (your supervisor)');
    expect(squash(await mine.textContent())).toContain('Training room 2, 100 Harbor Street, Boston');
    expect(await page.getByRole('link', { name: 'My team’s learning' }).count()).toBe(0);
    await axe('my learning, waiting for approval');

    // The supervisor sees it waiting for them.
    await signInAs(p.sam, '/team-learning');
    await heading('My team’s learning').waitFor();
    const waiting = main().getByRole('region', { name: 'Waiting for your approval' });
    const application = waiting.getByRole('article', { name: `Lena Learner: ${courseTitle}` });
    await application.getByRole('button', { name: 'Approve…' }).waitFor();
    expect(squash(await application.textContent())).toContain('Waiting for approval from you');
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'My team’s learning' }).waitFor();
    await axe('my team’s learning, an application waiting');

    // The mailed link, opened signed out: it shows what is decided and decides nothing by itself.
    await page.context().clearCookies();
    const [row] = await database.db.select({ id: enrolments.id }).from(enrolments).where(and(eq(enrolments.personId, p.lena.id), eq(enrolments.sessionId, approvalSession)));
    const token = await approvalToken(database.db, row!.id);
    await page.goto(`${base}/approvals/${token}?decision=approve`);
    await heading('Approve or decline an application').waitFor();
    const link = squash(await main().textContent());
    expect(link).toContain('Lena Learner');
    expect(link).toContain(courseTitle);
    expect(await page.getByRole('radio', { name: 'Approve' }).isChecked()).toBe(true);
    expect(await stateOf(p.lena.id, approvalSession)).toEqual(['pending_approval']);
    await axe('the approval link page');
    await page.getByLabel('A note to Lena (optional)').fill('Enjoy it — bring two real cases.');
    await page.getByRole('button', { name: 'Approve the application' }).click();
    await heading('Application approved').waitFor();
    await main().getByText('Approved: the place is confirmed and the learner has been told.').waitFor();
    expect(await stateOf(p.lena.id, approvalSession)).toEqual(['confirmed']);
    await axe('the approval link page, decided');

    // A spent link says so, with where to decide instead and whom to ask.
    await page.goto(`${base}/approvals/${token}?decision=decline`);
    await heading('This link no longer works').waitFor();
    await main().getByText(/already used/).waitFor();
    await main().getByRole('link', { name: 'learning@test.example' }).waitFor();
    expect(await main().getByRole('link', { name: 'Sign in to decide in Stride' }).getAttribute('href')).toBe('/sign-in?next=%2Fteam-learning');
    await axe('a spent approval link');

    await signInAs(p.lena, '/my-learning');
    await heading('My learning').waitFor();
    await enrolmentCard(courseTitle).getByText('Approved by Sam Supervisor: “Enjoy it — bring two real cases.”').waitFor();
    expect(squash(await enrolmentCard(courseTitle).textContent())).toContain('Confirmed');

    await signInAs(p.sam, `/team-learning?person=${p.lena.id}`);
    await heading('My team’s learning').waitFor();
    await main().getByText('Nothing is waiting for your decision.').waitFor();
    const lena = main().getByRole('region', { name: 'Lena Learner' });
    expect(squash(await lena.getByRole('article', { name: courseTitle }).textContent())).toContain('Confirmed');
    expect(await page.getByRole('textbox', { name: 'Person' }).inputValue()).toBe('Lena Learner');
    await axe('my team’s learning, filtered by person');
    expect(stride.cspViolations, 'the enrolment pages broke the Content Security Policy').toEqual([]);
  }, 90_000);

  it('CA-3 a full session waitlists the next learner at position 1; when the first cancels, the seat goes to her; the coordinator’s roster shows both; self-paced e-learning enrols at once', async () => {
    await signInAs(p.lena, `/catalog/courses/${smallCourse}`);
    await heading(smallTitle).waitFor();
    await sessionRow().getByText('1 of 1 seat left').waitFor();
    await sessionRow().getByRole('button', { name: /^Apply/ }).click();
    const first = page.getByRole('dialog', { name: `Apply for ${smallTitle}` });
    await answerQuestions(first, 'My letters get phoned back about; I want them understood.');
    await first.getByRole('button', { name: 'Take the seat' }).click();
    const confirmed = page.getByRole('dialog', { name: 'Application sent' });
    await confirmed.getByText('You have a seat.', { exact: false }).waitFor();
    await confirmed.getByRole('button', { name: 'Done' }).click();
    await sessionRow().getByText('Full · the waitlist is open').waitFor();

    await signInAs(p.leo, `/catalog/courses/${smallCourse}`);
    await heading(smallTitle).waitFor();
    await sessionRow().getByRole('button', { name: /^Apply/ }).click();
    const apply = page.getByRole('dialog', { name: `Apply for ${smallTitle}` });
    await apply.getByText('The session is full: you join the waitlist at position 1.', { exact: false }).waitFor();
    await answerQuestions(apply, 'I write to customers about meter readings.');
    await apply.getByRole('button', { name: 'Join the waitlist' }).click();
    const waitlisted = page.getByRole('dialog', { name: 'Application sent' });
    await waitlisted.getByText('Waitlisted, position 1').waitFor();
    await waitlisted.getByRole('button', { name: 'Done' }).click();
    expect(squash(await sessionRow().textContent())).toMatch(/Waitlisted\s?position 1/);
    await axe('a course, on its waitlist');

    await signInAs(p.lena, '/my-learning');
    await enrolmentCard(smallTitle).getByRole('button', { name: 'Cancel…' }).click();
    const cancel = page.getByRole('dialog', { name: 'Cancel your place?' });
    await cancel.getByLabel('Reason (optional)').fill('A customer visit moved to that day.');
    await axe('the cancel dialog');
    await cancel.getByRole('button', { name: 'Cancel the place' }).click();
    await main().getByRole('region', { name: 'Cancelled or declined' }).getByRole('article', { name: smallTitle }).waitFor();
    expect(await stateOf(p.leo.id, smallSession)).toEqual(['confirmed']);

    await signInAs(p.leo, '/my-learning');
    expect(squash(await enrolmentCard(smallTitle).textContent())).toContain('Confirmed');

    // Self-paced e-learning: Enrol → confirm → done, no seats.
    await page.goto(`${base}/catalog/courses/${selfPaced}`);
    await heading(selfPacedTitle).waitFor();
    await main().getByRole('button', { name: 'Enrol', exact: true }).click();
    await page.getByRole('dialog', { name: `Enrol in ${selfPacedTitle}` }).getByRole('button', { name: 'Enrol', exact: true }).click();
    await page.getByRole('dialog', { name: 'Enrolled' }).getByRole('button', { name: 'Done' }).click();
    await main().getByRole('button', { name: 'Cancel…' }).waitFor();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'My learning' }).click();
    await main().getByRole('region', { name: 'Self-paced e-learning' }).getByRole('article', { name: selfPacedTitle }).waitFor();
    await axe('my learning, a seat and a self-paced course');

    await signInAs(p.cora, `/catalog/sessions/${smallSession}/roster`);
    await heading(`Roster: ${smallTitle}`).waitFor();
    expect(squash(await main().getByRole('region', { name: 'Confirmed (1)' }).textContent())).toContain('Leo Learner');
    expect(squash(await main().getByRole('region', { name: 'Cancelled or declined (1)' }).textContent())).toContain('A customer visit moved to that day.');
    await axe('the session roster');
    expect(stride.cspViolations, 'the enrolment pages broke the Content Security Policy').toEqual([]);
  }, 90_000);
});
