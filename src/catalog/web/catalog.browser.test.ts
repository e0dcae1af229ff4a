import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { count } from 'drizzle-orm';
import type { TestDatabase } from '../../../tests/support/test-database';
import { createPerson, type TestPerson } from '../../../tests/support/factories';
import { TestClient } from '../../../tests/support/test-client';
import { TEST_PASSWORD } from '../../../tests/support/factories';
import { courseBody } from '../../../tests/support/catalog-factories';
import { expectNoAxeViolations } from '../../../tests/support/browser';
import { startBrowserStride, type BrowserStride } from '../../../tests/support/browser-stride';
import { courseSessions, courses } from '../schema';

// CA-1 CA-2 CA-7 as people meet the catalog. The browser lives in New York; the sessions happen in
// Lisbon, so every time is shown twice: where the session happens and where the reader is. A
// learner searches, filters and reads a course; a coordinator writes one, publishes it, edits it,
// reads what changed, schedules a session and cancels it; a learner cannot open the editors.

let stride: BrowserStride;
let database: TestDatabase;
let base: string;
let page: Page;
let learner: TestPerson;
let coordinator: TestPerson;
let seededId: string;
/** Another editor, saving through the API while the coordinator edits in the browser. */
let otherEditor: TestClient;

const year = new Date().getFullYear() + 1;
const seeded = { title: 'Handling Customer Complaints', word: 'ladder' };
const other = { title: 'Budgets Without Tears' };

const main = () => page.getByRole('main');
// The page's h1: while the next page's code loads, the one before stays on screen.
const heading = (name: string | RegExp) => page.getByRole('heading', { name, level: 1 });
const card = (title: string) => main().getByRole('article', { name: title });
const countOf = async (table: typeof courses | typeof courseSessions) => (await database.db.select({ n: count() }).from(table))[0]?.n ?? 0;

/** The message shown at a field: the text of what describes it. */
async function fieldError(field: Locator): Promise<string> {
  expect(await field.getAttribute('aria-invalid')).toBe('true');
  const ids = (await field.getAttribute('aria-describedby'))?.split(/\s+/) ?? [];
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
  return texts.join(' ');
}

async function axe(label: string) {
  await page.waitForLoadState('networkidle');
  await expectNoAxeViolations(page, label);
}

beforeAll(async () => {
  stride = await startBrowserStride({ timezoneId: 'America/New_York' });
  ({ database, base, page } = stride);
  learner = await createPerson(database.db, { name: 'Lena Learner' });
  coordinator = await createPerson(database.db, { name: 'Cora Coordinator', roles: ['coordinator'], jobTitle: 'Training Coordinator' });

  // Two published courses, written through the API as a coordinator would.
  const signInApi = async (person: TestPerson) => {
    const client = new TestClient(stride.app);
    const signedIn = await client.post('/api/v1/session', { email: person.email, password: TEST_PASSWORD });
    if (signedIn.status !== 200) throw new Error(`sign-in: ${signedIn.status} ${signedIn.text}`);
    return client;
  };
  const api = await signInApi(coordinator);
  otherEditor = await signInApi(await createPerson(database.db, { name: 'Uma Unitlead', roles: ['unit_lead'] }));
  const interest = await api.post('/api/v1/interests', { name: 'Customer service' });
  const publish = async (body: Record<string, unknown>) => {
    const created = await api.post('/api/v1/courses', courseBody(coordinator.id, body));
    if (created.status !== 201) throw new Error(`course: ${created.status} ${created.text}`);
    const published = await api.post(`/api/v1/courses/${created.body.id}/publish`, { revision: 1 });
    if (published.status !== 200) throw new Error(`publish: ${published.status} ${published.text}`);
    return String(created.body.id);
  };
  seededId = await publish({
    title: seeded.title,
    description: `A practical day on listening, acknowledging and climbing the apology ${seeded.word} until the customer’s problem is resolved.`,
    contactPhone: '+1 617 555 0150',
    interestIds: [interest.body.id],
  });
  await publish({ title: other.title, format: 'virtual', summary: 'Plan, track and explain a team budget.', description: 'Spreadsheets for managers.', durationMinutes: 120 });
  const session = await api.post(`/api/v1/courses/${seededId}/sessions`, {
    startsAt: `${year}-01-12T09:00`,
    endsAt: `${year}-01-12T12:00`,
    timeZone: 'Europe/Lisbon',
    place: 'Sala 3, Avenida da Liberdade 110, Lisboa',
    capacity: 12,
    approvalMode: 'supervisor',
  });
  if (session.status !== 201) throw new Error(`session: ${session.status} ${session.text}`);
}, 180_000);

afterAll(async () => {
  await stride?.close();
});

describe('the catalog in a real browser', () => {
  it('CA-1 CA-2 CA-7 a learner searches a word of a description, filters by URL, and reads objectives, the contact person and session times in both zones', async () => {
    await stride.signIn(learner, '/');
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Catalog' }).click();
    await page.waitForURL(/\/catalog$/);
    await heading('Course catalog').waitFor();
    await card(seeded.title).waitFor();
    await card(other.title).waitFor();
    expect(await card(seeded.title).textContent()).toMatch(/Next session \w{3} 12 Jan \d{4}, 04:00 your time/);
    expect(await page.getByRole('link', { name: 'New course' }).count()).toBe(0);
    await axe('the catalog');

    // A word found only in the description finds the course; the search is in the URL.
    await page.getByRole('searchbox', { name: 'Search' }).fill(seeded.word);
    await page.waitForURL(/q=ladder/);
    await card(other.title).waitFor({ state: 'detached' });
    await card(seeded.title).waitFor();
    await main().getByText('1 course found').waitFor();

    // Filters held in the URL.
    await page.goto(`${base}/catalog?format=virtual`);
    await card(other.title).waitFor();
    expect(await card(seeded.title).count()).toBe(0);
    expect(await page.getByRole('textbox', { name: 'Format' }).inputValue()).toBe('Virtual');
    await page.goto(`${base}/catalog?interest=customer-service&from=${year}-01-01&to=${year}-01-31`);
    await card(seeded.title).waitFor();
    expect(await card(other.title).count()).toBe(0);
    await page.goto(`${base}/catalog?q=unicycle`);
    await main().getByText('No course matches this search').waitFor();
    expect(await main().getByRole('link', { name: 'Ask the training unit' }).getAttribute('href')).toBe('/questions/ask');
    await axe('the catalog, nothing found');
    await main().getByRole('button', { name: 'Clear the search and filters' }).click();
    await card(other.title).waitFor();

    await card(seeded.title).getByRole('link', { name: seeded.title }).click();
    await page.waitForURL(/\/catalog\/courses\/[0-9a-f-]{36}$/);
    await heading(seeded.title).waitFor();
    const objectives = main().getByRole('region', { name: 'What you will be able to do' }).getByRole('listitem');
    expect(await objectives.count()).toBe(2);
    expect(await objectives.first().textContent()).toContain('restate the problem in the customer’s own words');
    const contact = main().getByRole('region', { name: 'Questions about this course?' });
    expect(await contact.textContent()).toContain('Cora Coordinator');
    expect(await contact.textContent()).toContain('Training Coordinator');
    expect(await contact.getByRole('link', { name: coordinator.email }).getAttribute('href')).toBe(`mailto:${coordinator.email}`);
    expect(await contact.textContent()).toContain('+1 617 555 0150');
    expect(await main().getByRole('region', { name: 'Your training unit' }).textContent()).toContain('learning@test.example');
    const session = main().getByRole('list', { name: 'Upcoming sessions' }).getByRole('listitem').first();
    const text = await session.textContent();
    expect(text).toMatch(/\w{3} 12 Jan \d{4}, 09:00–12:00 Lisbon time/);
    expect(text).toContain('04:00–07:00 your time');
    expect(text).toContain('Sala 3, Avenida da Liberdade 110, Lisboa');
    expect(text).toContain('Your supervisor approves');
    expect(text).toContain('12 seats');
    expect(await main().getByRole('button', { name: /Edit|Cancel session/ }).count()).toBe(0);
    await axe('a course, for a learner');

    // The editors are for the catalog's editors.
    await page.goto(`${base}/catalog/courses/${seededId}/edit`);
    await heading('Not available to you').waitFor();
    await page.goto(`${base}/catalog/courses/new`);
    await heading('Not available to you').waitFor();
    await axe('the course editor, refused to a learner');
    expect(stride.cspViolations, 'the catalog broke the Content Security Policy').toEqual([]);
  }, 120_000);

  it('CA-1 CA-2 a coordinator writes a course (field errors first, nothing saved), publishes it, edits it while someone else saves (409, nothing typed lost), reads the diff, schedules a session in Lisbon and cancels it', async () => {
    await page.context().clearCookies();
    await stride.signIn(coordinator, '/catalog');
    await page.waitForURL(/\/catalog$/);
    await main().getByRole('link', { name: 'New course' }).click();
    await page.waitForURL(/\/catalog\/courses\/new$/);
    await heading('New course').waitFor();
    await axe('the course editor');

    const coursesBefore = await countOf(courses);
    await page.getByRole('button', { name: 'Create the course' }).click();
    const title = page.getByLabel('Title', { exact: true });
    expect(await fieldError(title)).toContain('The title is required.');
    expect(await fieldError(page.getByLabel('Objective 1', { exact: true }))).toContain('Write the objective.');
    expect(await fieldError(page.getByLabel('Duration in minutes'))).toContain('The duration is a number of minutes.');
    await page.getByRole('alert').filter({ hasText: 'Not created yet' }).waitFor();
    await axe('the course editor, with field errors');
    expect(await countOf(courses)).toBe(coursesBefore);

    const courseTitle = 'Reading a Substation Single-Line Diagram';
    await page.getByLabel('Code', { exact: true }).fill('GE-210');
    await title.fill(courseTitle);
    await page.getByLabel('Summary', { exact: true }).fill('Read the drawing the switching plan is built on.');
    await page.getByLabel('Description', { exact: true }).fill('Half a day at the drawing table with real single-line diagrams.');
    await page.getByLabel('Objective 1', { exact: true }).fill('Trace the path of supply from the incoming feeder to a named load.');
    await page.getByRole('button', { name: 'Add an objective' }).click();
    await page.getByLabel('Objective 2', { exact: true }).fill('Name every isolation point a switching plan must open for a given job.');
    await page.getByLabel('Who it is for', { exact: true }).fill('Field technicians new to switching.');
    await page.getByLabel('Duration in minutes').fill('240');
    await page.getByLabel('Add an interest that is not listed').fill('Grid & engineering');
    await page.getByRole('button', { name: 'Add interest' }).click();
    // The new interest is chosen at once, shown as a pill in the interests field.
    await main().getByText('Grid & engineering', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Create the course' }).click();
    await page.waitForURL(/\/catalog\/courses\/[0-9a-f-]{36}$/);
    await heading(courseTitle).waitFor();
    const courseUrl = page.url();
    await main().getByText('Only the catalog’s editors see this course.').waitFor();
    expect(await countOf(courses)).toBe(coursesBefore + 1);

    await main().getByRole('button', { name: 'Publish…' }).click();
    const publish = page.getByRole('dialog', { name: `Publish ${courseTitle}?` });
    await publish.waitFor();
    await axe('publishing a course');
    await publish.getByRole('button', { name: 'Publish now' }).click();
    await publish.waitFor({ state: 'detached' });
    await main().getByRole('button', { name: 'Retire…' }).waitFor();

    // An edit is the next revision: a new title, the objectives in another order. Meanwhile the unit
    // lead saves the course too: the coordinator's save is refused (409), nothing typed is lost.
    await main().getByRole('link', { name: 'Edit', exact: true }).click();
    await page.waitForURL(/\/edit$/);
    await heading(`Edit ${courseTitle}`).waitFor();
    await title.fill('Reading Single-Line Diagrams');
    await page.getByRole('button', { name: 'Move objective 2 up' }).click();
    expect(await page.getByLabel('Objective 1', { exact: true }).inputValue()).toContain('Name every isolation point');
    const courseId = courseUrl.split('/').pop()!;
    const current = (await otherEditor.get(`/api/v1/courses/${courseId}`)).body;
    const theirs = await otherEditor.put(`/api/v1/courses/${courseId}`, {
      revision: current.revision,
      title: current.title,
      summary: 'Read the drawing every switching plan is built on, and spot what it leaves out.',
      description: current.description,
      audience: current.audience,
      prerequisites: current.prerequisites,
      format: current.format,
      durationMinutes: current.durationMinutes,
      languages: current.languages,
      contactPersonId: current.contact.id,
      objectives: current.objectives,
      interestIds: current.interests.map((i: { id: string }) => i.id),
    });
    expect(theirs.status, theirs.text).toBe(200);
    await page.getByRole('button', { name: 'Save changes' }).click();
    const stale = page.getByRole('alert').filter({ hasText: 'Someone else saved this course while you were editing' });
    await stale.waitFor();
    expect(await title.inputValue()).toBe('Reading Single-Line Diagrams');
    await axe('the course editor, after someone else saved');
    await stale.getByRole('button', { name: 'Load the latest' }).click();
    await page.getByRole('status').filter({ hasText: 'This is revision 3, the latest' }).waitFor();
    expect(await page.getByLabel('Summary', { exact: true }).inputValue()).toContain('spot what it leaves out');
    expect(await title.inputValue()).toBe(courseTitle);
    await page.getByRole('button', { name: 'Put my changes back' }).click();
    expect(await title.inputValue()).toBe('Reading Single-Line Diagrams');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(courseUrl);
    await heading('Reading Single-Line Diagrams').waitFor();

    await main().getByRole('link', { name: 'Revision history' }).click();
    await page.waitForURL(/\/revisions$/);
    await page.getByRole('heading', { name: 'Revision 4', level: 2 }).waitFor();
    expect(await page.getByRole('link', { name: /Revision 3 · Edited/ }).textContent()).toContain('Uma Unitlead');
    const changes = main().getByRole('list', { name: 'Changes in revision 4' });
    await changes.waitFor();
    const diff = await changes.textContent();
    expect(diff).toContain(`Was: ${courseTitle}`);
    expect(diff).toContain('Now: Reading Single-Line Diagrams');
    expect(diff).toContain('Objectives reordered');
    await axe('the revision history');
    await page.getByRole('link', { name: /Revision 2 · Published/ }).click();
    await main().getByText('Against revision 1: 1 changed.').waitFor();

    // A session in Lisbon, typed as Lisbon's wall clock; the end before the start is refused at the field.
    await page.goto(courseUrl);
    await main().getByRole('link', { name: 'Add a session' }).click();
    await page.waitForURL(/\/sessions\/new$/);
    await heading('New session').waitFor();
    const zone = page.getByRole('textbox', { name: 'Time zone' });
    await zone.click();
    await zone.fill('Europe/Lisbon');
    await page.getByRole('option', { name: 'Europe/Lisbon' }).click();
    await page.getByLabel('Starts', { exact: true }).fill(`${year}-02-10T14:00`);
    await page.getByLabel('Ends', { exact: true }).fill(`${year}-02-10T09:00`);
    await page.getByLabel('Place', { exact: true }).fill('Training yard, 12 Depot Road, Quincy');
    await page.getByLabel('Seats', { exact: true }).fill('8');
    const sessionsBefore = await countOf(courseSessions);
    await page.getByRole('button', { name: 'Schedule the session' }).click();
    expect(await fieldError(page.getByLabel('Ends', { exact: true }))).toContain('The session ends after it starts.');
    await axe('the session editor, with a field error');
    expect(await countOf(courseSessions)).toBe(sessionsBefore);
    await page.getByLabel('Ends', { exact: true }).fill(`${year}-02-10T17:00`);
    await main().getByText('14:00–17:00 Lisbon time · 09:00–12:00 your time').waitFor();
    await page.getByRole('button', { name: 'Schedule the session' }).click();
    await page.waitForURL(courseUrl);
    const scheduled = main().getByRole('list', { name: 'Upcoming sessions' }).getByRole('listitem');
    await scheduled.first().waitFor();
    expect(await scheduled.first().textContent()).toMatch(/\w{3} 10 Feb \d{4}, 14:00–17:00 Lisbon time.*09:00–12:00 your time/);
    expect(await countOf(courseSessions)).toBe(sessionsBefore + 1);
    await axe('a course with its session, for an editor');

    // A change raises the session's sequence (for calendar invitations, CA-5).
    await main().getByRole('link', { name: /^Edit session, / }).click();
    await heading('Change the session').waitFor();
    expect(await page.getByLabel('Starts', { exact: true }).inputValue()).toBe(`${year}-02-10T14:00`);
    await page.getByLabel('Seats', { exact: true }).fill('10');
    // CA-5: the coordinator sets the reminders (7 days and 1 day before by default).
    expect(await page.getByRole('checkbox', { name: '1 week before' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: '1 day before' }).isChecked()).toBe(true);
    await page.locator('label', { hasText: '1 week before' }).click();
    await page.locator('label', { hasText: '2 days before' }).click();
    expect(await page.getByRole('checkbox', { name: '1 week before' }).isChecked()).toBe(false);
    await axe('the session editor, changing a session');
    const sessionId = new URL(page.url()).pathname.split('/')[3]!;
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(courseUrl);
    await scheduled.first().getByText('10 seats').waitFor();
    const saved = await page.request.get(`${base}/api/v1/course-sessions/${sessionId}`);
    expect(((await saved.json()) as { reminderOffsetsMinutes: number[] }).reminderOffsetsMinutes).toEqual([2880, 1440]);

    await main().getByRole('button', { name: /^Cancel session, / }).click();
    const cancel = page.getByRole('dialog', { name: 'Cancel this session?' });
    await cancel.waitFor();
    await cancel.getByLabel('Reason').fill('The yard is being resurfaced.');
    await axe('cancelling a session');
    await cancel.getByRole('button', { name: 'Cancel the session' }).click();
    await cancel.waitFor({ state: 'detached' });
    await main().getByText('No sessions are scheduled yet.', { exact: false }).waitFor();
    await main().getByRole('button', { name: 'Show 1 cancelled or past session' }).click();
    expect(await main().getByText('The yard is being resurfaced.').isVisible()).toBe(true);
    expect(stride.cspViolations, 'the catalog editors broke the Content Security Policy').toEqual([]);
  }, 120_000);
});
