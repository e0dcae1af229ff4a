import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { eq } from 'drizzle-orm';
import { createPerson, TEST_PASSWORD, type TestPerson } from '../../../tests/support/factories';
import { TestClient } from '../../../tests/support/test-client';
import { publishedCourse, scheduledSession } from '../../../tests/support/enrolment-factories';
import { expectNoAxeViolations } from '../../../tests/support/browser';
import { startBrowserStride, type BrowserStride } from '../../../tests/support/browser-stride';
import { courseSessions } from '../../catalog/schema';
import { enrolments } from '../schema';

// AF-1 on a phone: the session's instructor opens the roster 360 px wide, marks both days, is told
// who is still unmarked when completing too early, and completes the session.

const DAY = 86_400_000;
const midnight = Math.floor(Date.now() / DAY) * DAY;
const first = new Date(midnight - 2 * DAY).toISOString().slice(0, 10);
const second = new Date(midnight - DAY).toISOString().slice(0, 10);
const label = (day: string) => new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

let stride: BrowserStride;
let page: Page;
const p = {} as Record<'ana' | 'bo' | 'cora' | 'ivo', TestPerson>;
let sessionId: string;

beforeAll(async () => {
  stride = await startBrowserStride();
  page = stride.page;
  const { db } = stride.database;
  p.ana = await createPerson(db, { name: 'Ana Absent' });
  p.bo = await createPerson(db, { name: 'Bo Present' });
  p.cora = await createPerson(db, { name: 'Cora Coordinator', roles: ['coordinator'] });
  p.ivo = await createPerson(db, { name: 'Ivo Instructor', roles: ['instructor'] });
  const api = new TestClient(stride.app);
  expect((await api.post('/api/v1/session', { email: p.cora.email, password: TEST_PASSWORD })).status).toBe(200);
  const courseId = await publishedCourse(api, p.cora.id, { title: 'Two Days of Calm Conversations' });
  sessionId = await scheduledSession(api, courseId, new Date(), { approvalMode: 'none', capacity: 5, timeZone: 'UTC', instructorId: p.ivo.id });
  for (const who of [p.ana, p.bo]) expect((await api.post(`/api/v1/course-sessions/${sessionId}/nominations`, { personId: who.id })).status).toBe(201);
  // The session took place over the last two days (UTC), so both can be marked and it can be completed.
  const startsAt = new Date(`${first}T09:00:00Z`);
  await db.update(courseSessions).set({ startsAt, endsAt: new Date(`${second}T17:00:00Z`), enrolmentDeadline: new Date(startsAt.getTime() - DAY) }).where(eq(courseSessions.id, sessionId));
}, 180_000);

afterAll(async () => {
  await stride?.close();
});

describe('AF-1 attendance on the roster, on a phone', () => {
  it('AF-1 the instructor marks each day at 360 px, is told who is unmarked, then completes the session (axe)', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await stride.signIn(p.ivo, `/catalog/sessions/${sessionId}/roster`);
    const section = page.getByRole('region', { name: 'Attendance' });
    await section.waitFor();
    const day = section.getByLabel('Session day');
    expect(await day.inputValue()).toBe(first);
    const row = (name: string) => section.getByRole('group', { name });

    await section.getByRole('button', { name: 'Mark everyone present' }).click();
    await section.getByRole('button', { name: `Save ${label(first)}` }).click();
    await section.getByText('Saved: present').nth(1).waitFor();
    expect(await section.getByText('Saved: present').count()).toBe(2);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.waitForLoadState('networkidle');
    await expectNoAxeViolations(page, 'roster attendance at 360 px');

    // Completing before the second day is marked changes nothing and names who is missing what.
    await section.getByRole('button', { name: 'Complete the session' }).click();
    const refusal = section.getByRole('alert').filter({ hasText: 'Not completed yet' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain(`Ana Absent has no mark for ${second}`);
    await day.selectOption(second);
    await row('Bo Present').getByRole('button', { name: 'Present' }).click();
    await row('Ana Absent').getByRole('button', { name: 'Absent' }).click();
    expect(await row('Ana Absent').getByRole('button', { name: 'Absent' }).getAttribute('aria-pressed')).toBe('true');
    await section.getByRole('button', { name: `Save ${label(second)}` }).click();
    await section.getByText('Saved: absent').waitFor();

    await section.getByRole('button', { name: 'Complete the session' }).click();
    const result = section.getByRole('status').filter({ hasText: 'The session is completed' });
    await result.waitFor();
    expect(await result.textContent()).toContain('Completed: Bo Present.');
    expect(await result.textContent()).toContain('Did not attend enough: Ana Absent.');
    const after = section.getByRole('list', { name: 'After the session' });
    await after.getByText('Did not attend').waitFor();
    expect(await after.getByRole('listitem').allTextContents()).toEqual([expect.stringContaining('Ana Absent'), expect.stringContaining('Bo Present')]);
    await page.waitForLoadState('networkidle');
    await expectNoAxeViolations(page, 'roster after completion at 360 px');

    const states = await stride.database.db.select({ personId: enrolments.personId, state: enrolments.state }).from(enrolments).where(eq(enrolments.sessionId, sessionId));
    expect(Object.fromEntries(states.map((r) => [r.personId, r.state]))).toEqual({ [p.ana.id]: 'no_show', [p.bo.id]: 'completed' });
  }, 40_000);
});
