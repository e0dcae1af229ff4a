import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { and, asc, eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { fixedClock } from '../../platform/clock';
import { outbox } from '../../platform/mail/schema';
import { createPerson, TEST_PASSWORD, type TestPerson } from '../../../tests/support/factories';
import { TestClient } from '../../../tests/support/test-client';
import { approvalToken, publishedCourse, scheduledSession } from '../../../tests/support/enrolment-factories';
import { expectNoAxeViolations } from '../../../tests/support/browser';
import { startBrowserStride, type BrowserStride } from '../../../tests/support/browser-stride';
import { enrolments } from '../schema';
import { sendDueReminders } from '../send-reminders';

// The "done means", walked as one journey: a learner in New York finds a course by a word of
// its description, applies in three clicks answering the audience questions; her supervisor approves
// from the mailed link signed out; her confirmation carries a calendar invitation at the right
// instant and the right Lisbon time; the coordinator moves the session in the editor and the same
// event is updated; the reminder goes when its moment comes. The server's clock is fixed and moved.

const DAY = 86_400_000;
const start = new Date(Math.floor(Date.now() / DAY) * DAY + 12 * 3_600_000);
const clock = fixedClock(start);
const day = new Date(start.getTime() + 21 * DAY).toISOString().slice(0, 10);
const word = 'kintsugi';
const title = 'Mending Broken Customer Relationships';

/** The instant at which Lisbon's wall clock shows `hh:00` on `day` (WET or WEST). */
function lisbon(hour: number): Date {
  const hh = String(hour).padStart(2, '0');
  for (const offset of [0, 1]) {
    const at = new Date(Date.parse(`${day}T${hh}:00:00Z`) - offset * 3_600_000);
    if (new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Lisbon', hour: '2-digit', hourCycle: 'h23' }).format(at) === hh) return at;
  }
  throw new Error('no such Lisbon time');
}

let stride: BrowserStride;
let base: string;
let page: Page;
const p = {} as Record<'sam' | 'lena' | 'cora', TestPerson>;
let courseId: string;
let sessionId: string;

const main = () => page.getByRole('main');
const heading = (name: string | RegExp) => page.getByRole('heading', { name, level: 1 });

async function axe(label: string) {
  await page.waitForLoadState('networkidle');
  await expectNoAxeViolations(page, label);
}

async function signInAs(person: TestPerson, path: string) {
  await page.context().clearCookies();
  await stride.signIn(person, path);
  await page.waitForURL((url) => url.pathname === path.split('?')[0]);
}

function eventOf(mail: { attachments: { content: string; method?: string }[] }) {
  const part = mail.attachments.find((a) => a.method === 'REQUEST');
  if (!part) return undefined;
  const calendar = new ICAL.Component(ICAL.parse(part.content));
  const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
  const at = event.startDate.toJSDate();
  return { uid: event.uid, sequence: event.sequence, start: at.toISOString(), lisbon: new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Lisbon', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at) };
}

const mailsTo = (email: string) => stride.database.db.select().from(outbox).where(eq(outbox.toAddress, email)).orderBy(asc(outbox.id));

beforeAll(async () => {
  stride = await startBrowserStride({ clock, timezoneId: 'America/New_York' });
  ({ base, page } = stride);
  const { db } = stride.database;
  p.sam = await createPerson(db, { name: 'Sam Supervisor', jobTitle: 'Team Lead' });
  p.lena = await createPerson(db, { name: 'Lena Learner', jobTitle: 'Customer Agent', managerId: p.sam.id });
  p.cora = await createPerson(db, { name: 'Cora Coordinator', roles: ['coordinator'] });
  const api = new TestClient(stride.app);
  const signedIn = await api.post('/api/v1/session', { email: p.cora.email, password: TEST_PASSWORD });
  if (signedIn.status !== 200) throw new Error(`sign-in: ${signedIn.status} ${signedIn.text}`);
  courseId = await publishedCourse(api, p.cora.id, { title, description: `Repairing trust after a bad experience, the ${word} way: the crack shows, and the bond is stronger.` });
  sessionId = await scheduledSession(api, courseId, start, { startsAt: `${day}T09:00`, endsAt: `${day}T17:00`, timeZone: 'Europe/Lisbon', place: 'Lisbon office, room 2.14', approvalMode: 'supervisor', capacity: 10 });
}, 180_000);

afterAll(async () => {
  await stride?.close();
});

describe('before the event: the issue walked through in a real browser', () => {
  it('CA-1 CA-3 CA-4 CA-5 find by a word of the description, apply in three clicks with the questions, approved by link, invited at the right Lisbon time, moved in the editor, reminded', async () => {
    // CA-1: the learner finds the course by a word of its description.
    await signInAs(p.lena, '/catalog');
    await page.getByRole('searchbox', { name: 'Search' }).fill(word);
    await page.waitForURL(new RegExp(`q=${word}`));
    await main().getByRole('article', { name: title }).getByRole('link', { name: title }).click();
    await heading(title).waitFor();

    // CA-3 + CA-4: Apply → answer and Send → Done.
    const row = main().getByRole('list', { name: 'Upcoming sessions' }).getByRole('listitem').first();
    await row.getByRole('button', { name: /^Apply/ }).click();
    const dialog = page.getByRole('dialog', { name: `Apply for ${title}` });
    expect(await dialog.getByLabel('Your role').inputValue()).toBe('Customer Agent');
    await dialog.getByLabel('Why do you want to attend? What will you do differently afterwards?').fill('Win back customers after a billing mistake, in one call.');
    await dialog.getByRole('radio', { name: 'Some' }).check();
    await dialog.getByRole('radio', { name: '2', exact: true }).check();
    await dialog.getByRole('radio', { name: 'Yes' }).check();
    await dialog.getByRole('button', { name: 'Send the application' }).click();
    const sent = page.getByRole('dialog', { name: 'Application sent' });
    await sent.getByText('Waiting for approval by Sam Supervisor (your supervisor)').waitFor();
    await sent.getByRole('button', { name: 'Done' }).click();
    const [enrolment] = await stride.database.db.select().from(enrolments).where(and(eq(enrolments.personId, p.lena.id), eq(enrolments.sessionId, sessionId)));
    expect(enrolment?.state).toBe('pending_approval');

    // The supervisor approves from the mailed link, signed out, saying what they expect.
    await page.context().clearCookies();
    const token = await approvalToken(stride.database.db, enrolment!.id);
    await page.goto(`${base}/approvals/${token}?decision=approve`);
    await heading('Approve or decline an application').waitFor();
    await page.getByLabel('What do you expect them to do differently afterwards? (optional)').fill('Keep the customers who call to leave.');
    await axe('the approval link page with the expectations field');
    await page.getByRole('button', { name: 'Approve the application' }).click();
    await heading('Application approved').waitFor();

    // CA-5: the confirmation's invitation, at the right instant and Lisbon's 09:00.
    const confirmation = (await mailsTo(p.lena.email)).find((m) => m.subject.startsWith('Confirmed: '))!;
    const invite = eventOf(confirmation)!;
    expect(invite).toMatchObject({ start: lisbon(9).toISOString(), lisbon: '09:00' });
    expect(invite.uid).toContain(enrolment!.id);

    // The coordinator moves it to the afternoon in the session editor: the same event, a higher SEQUENCE.
    await signInAs(p.cora, `/catalog/sessions/${sessionId}/edit`);
    await heading('Change the session').waitFor();
    await page.getByLabel('Starts', { exact: true }).fill(`${day}T13:00`);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(`${base}/catalog/courses/${courseId}`);
    const changed = (await mailsTo(p.lena.email)).find((m) => m.subject.startsWith('Changed: '))!;
    const update = eventOf(changed)!;
    expect(update).toMatchObject({ uid: invite.uid, start: lisbon(13).toISOString(), lisbon: '13:00' });
    expect(update.sequence).toBeGreaterThan(invite.sequence);

    // A week before the new start, the reminder goes.
    clock.set(new Date(lisbon(13).getTime() - 7 * DAY));
    expect(await sendDueReminders(stride.database.db, clock, 'http://localhost')).toBe(1);
    const reminders = (await mailsTo(p.lena.email)).filter((m) => m.subject.startsWith('Reminder: '));
    expect(reminders.map((m) => m.subject)).toEqual([expect.stringMatching(/in a week$/)]);
    expect(stride.cspViolations, 'the journey broke the Content Security Policy').toEqual([]);
  }, 90_000);
});
