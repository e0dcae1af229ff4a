import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { PDFDocument } from 'pdf-lib';
import { createTestStride, type TestStride } from '../../tests/support/test-stride';
import { createPerson, setUnitContact, TEST_PASSWORD, type TestPerson } from '../../tests/support/factories';
import { getUnitSettings, saveUnitSettings } from '../platform/settings/unit-settings';
import type { TestClient } from '../../tests/support/test-client';
import { pdfPageTexts } from '../../tests/support/pdf-text';
import { demoCharter, seedDemoCharter } from './demo-charter';

let s: TestStride;
let lead: TestPerson;
let learner: TestPerson;
let unitLead: TestClient;

const PUBLISHED_AT = new Date('2026-03-02T14:00:00Z');

/**
 * The API's test client reads bodies as text, which mangles a binary file: sign in through it
 * (once per person: sign-in is rate limited), then ask for the PDF with the session cookie and
 * keep the raw bytes.
 */
const sessions = new Map<string, string>();
async function sessionCookie(person: TestPerson): Promise<string> {
  const known = sessions.get(person.id);
  if (known) return known;
  const res = await s.client().post('/api/v1/session', { email: person.email, password: TEST_PASSWORD });
  const cookies = ([] as string[]).concat((res.headers['set-cookie'] as string | string[] | undefined) ?? []);
  const session = cookies.map((c) => c.split(';')[0] ?? '').find((c) => c.startsWith('stride_session='));
  if (res.status !== 200 || !session) throw new Error(`sign-in failed for ${person.email}: ${res.status}`);
  sessions.set(person.id, session);
  return session;
}

async function download(person: TestPerson | null, url: string): Promise<LightMyRequestResponse> {
  return s.app.inject({ method: 'GET', url, headers: person ? { cookie: await sessionCookie(person) } : {} });
}

async function pdfOf(res: LightMyRequestResponse): Promise<{ pdf: PDFDocument; pages: string[] }> {
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  return { pdf: await PDFDocument.load(res.rawPayload), pages: await pdfPageTexts(res.rawPayload) };
}

function expectProblem(res: LightMyRequestResponse, status: number) {
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  return res.json() as { code: string; detail: string; errors?: { field: string; message: string }[] };
}

beforeAll(async () => {
  s = await createTestStride();
  lead = await createPerson(s.db, { name: 'Una Unitlead', roles: ['unit_lead'] });
  learner = await createPerson(s.db, { name: 'Lee Learner' });
  unitLead = await s.signInAs(lead);
});
afterAll(() => s.close());

describe('CH-1 the charter as a printable PDF', () => {
  it('CH-1 there is no PDF before a charter is published: 404 problem, and 401 for someone not signed in', async () => {
    const none = expectProblem(await download(learner, '/api/v1/charter.pdf'), 404);
    expect(none.detail).toBe('No charter has been published yet.');
    expectProblem(await download(null, '/api/v1/charter.pdf'), 401);
  });

  it('CH-1 the charter in force downloads as a PDF with every section, its service levels in words, and the unit on every page', async () => {
    s.clock.set(PUBLISHED_AT);
    await seedDemoCharter(s.db, s.clock, lead.id);

    const res = await download(learner, '/api/v1/charter.pdf');
    expect(res.headers['content-disposition']).toBe('inline; filename="charter-v1.pdf"');
    const { pdf, pages } = await pdfOf(res);

    expect(pdf.getTitle()).toBe('Test Learning Unit service charter, version 1');
    expect(pdf.getAuthor()).toBe('Test Learning Unit');
    expect(pdf.getSubject()).toContain('service levels');
    expect(pdf.getCreationDate()?.toISOString()).toBe(PUBLISHED_AT.toISOString());
    expect(pdf.getPageCount()).toBeGreaterThan(1);
    expect(pages).toHaveLength(pdf.getPageCount());
    const [width, height] = [pdf.getPage(0).getWidth(), pdf.getPage(0).getHeight()];
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]); // A4 unless asked

    const text = pages.join(' ');
    expect(text).toContain('Our service charter');
    expect(text).toContain('Version 1 · Published Mar 2, 2026 by Una Unitlead');
    for (const heading of ['Our purpose', 'Products and services', 'How we handle requests', 'Working in partnership', 'Service levels', 'Working hours and holidays']) {
      expect(text, heading).toContain(heading);
    }
    // Products, request handling (who triages, who decides), the partnership steps.
    expect(text).toContain('Performance consulting');
    for (const handling of demoCharter.content.requestHandling) expect(text).toContain(handling.requestType);
    expect(text).toContain('Triaged by Decided by In plain words');
    for (const step of demoCharter.content.partnership.steps ?? []) expect(text).toContain(step.title);
    // A service level: its name, its target in working time, and its clock in words.
    expect(text).toMatch(/First response to a question — web form .*8 working hours/);
    expect(text).toMatch(/Triage of a training request .*3 working days/);
    expect(text).toContain('Starts: A question reached the unit');
    expect(text).toContain('Only when channel is web');
    expect(text).toContain('Warned at 75% of the target');
    // The business calendar: its time zone, working week and holidays.
    expect(text).toContain('Eastern Time (America/New_York)');
    expect(text).toMatch(/Monday 08:30–17:00 8 hours 30 minutes/);
    expect(text).toContain('Saturday Closed');
    expect(text).toContain('Holidays in 2026');
    expect(text).toContain('Thanksgiving Day');

    // CA-7: the unit's contact details and the page count at the foot of every page.
    pages.forEach((page, i) => {
      expect(page, `page ${i + 1}`).toContain('Test Learning Unit · Test Org');
      expect(page, `page ${i + 1}`).toContain('learning@test.example');
      expect(page, `page ${i + 1}`).toContain(`Page ${i + 1} of ${pages.length}`);
    });
    expect(pages[0]).toContain(`Page 1 of ${pages.length}`);
  });

  it('CA-7 a change to the unit’s contact details shows in the next download', async () => {
    const before = (await pdfOf(await download(learner, '/api/v1/charter.pdf'))).pages;
    expect(before[0]).toContain('learning@test.example');
    await saveUnitSettings(s.db, { ...(await getUnitSettings(s.db)), contactEmail: 'charter-desk@test.example' });
    const after = (await pdfOf(await download(learner, '/api/v1/charter.pdf'))).pages;
    for (const page of after) {
      expect(page).toContain('charter-desk@test.example');
      expect(page).not.toContain('learning@test.example');
    }
    await setUnitContact(s.db);
  });

  it('CH-1 any published version downloads by number, on Letter paper when asked', async () => {
    const res = await download(learner, '/api/v1/charter/versions/1.pdf?paper=letter');
    expect(res.headers['content-disposition']).toBe('inline; filename="charter-v1.pdf"');
    const { pdf, pages } = await pdfOf(res);
    expect(pdf.getTitle()).toBe('Test Learning Unit service charter, version 1');
    expect([pdf.getPage(0).getWidth(), pdf.getPage(0).getHeight()]).toEqual([612, 792]);
    expect(pages.join(' ')).toContain('Triage of a training request');
  });

  it('CH-1 refuses a version that is no number, or a paper size it does not know, field by field; no such version is a 404', async () => {
    const notANumber = expectProblem(await download(learner, '/api/v1/charter/versions/abc.pdf'), 400);
    expect(notANumber.errors).toEqual([{ field: 'params.version', message: 'The version is a whole number from 1.' }]);
    const paper = expectProblem(await download(learner, '/api/v1/charter.pdf?paper=legal'), 400);
    expect(paper.errors).toEqual([{ field: 'querystring.paper', message: 'Choose the paper: a4 or letter.' }]);
    expectProblem(await download(learner, '/api/v1/charter/versions/7.pdf'), 404);
    // The JSON page of a version is still its own route.
    expect((await download(learner, '/api/v1/charter/versions/1')).headers['content-type']).toMatch(/^application\/json/);
  });

  it('CH-1 a draft is a PDF for its editors only; to anyone else it does not exist', async () => {
    const saved = await unitLead.put('/api/v1/charter/draft', { ...demoCharter, changeSummary: 'Shorter first responses.' });
    expect(saved.status, saved.text).toBe(200);
    expectProblem(await download(learner, '/api/v1/charter/versions/2.pdf'), 404);
    const { pages } = await pdfOf(await download(lead, '/api/v1/charter/versions/2.pdf'));
    const text = pages.join(' ');
    expect(text).toContain('Version 2 · Not published yet');
    expect(text).toContain('A draft, not yet published');
    // The version in force is still version 1.
    expect((await download(learner, '/api/v1/charter.pdf')).headers['content-disposition']).toBe('inline; filename="charter-v1.pdf"');
  });
});
