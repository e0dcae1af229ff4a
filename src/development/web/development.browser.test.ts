import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { eq } from 'drizzle-orm';
import type { TestDatabase } from '../../../tests/support/test-database';
import { createPerson, TEST_PASSWORD, type TestPerson } from '../../../tests/support/factories';
import { TestClient } from '../../../tests/support/test-client';
import { publishedCourse } from '../../../tests/support/enrolment-factories';
import { escalationDiagnosis, triagedRequest } from '../../../tests/support/request-factories';
import { courseBody } from '../../../tests/support/catalog-factories';
import { expectNoAxeViolations } from '../../../tests/support/browser';
import { startBrowserStride, type BrowserStride } from '../../../tests/support/browser-stride';
import { seedDemoCharter } from '../../charter/demo-charter';
import { demoDesignModel } from '../../standards/demo-standards-content';
import { outbox } from '../../platform/mail/schema';

// Done means (issue 8), as people meet it: a consultant takes the project an accepted
// recommendation became, invites a customer-partner who comments on and signs off the design, the
// stage closes, the release updates the course, and a learner's report of an outdated step is
// answered and fixed with the course revision shown. axe on every page.

let stride: BrowserStride;
let database: TestDatabase;
let page: Page;
const p = {} as Record<'consultant' | 'lead' | 'coordinator' | 'requester' | 'partner' | 'learner', TestPerson>;
const api = {} as Record<keyof typeof p, TestClient>;
let courseId: string;
let projectId: string;
const objective = 'Given an outage call the first line cannot solve, hand it over once with the story written in the ticket.';

async function as(person: TestPerson, path: string) {
  await stride.browser.context.clearCookies();
  await stride.signIn(person, path);
  await page.waitForURL(new RegExp(`${path.replace(/[?]/g, '\\?')}$`));
}

beforeAll(async () => {
  stride = await startBrowserStride();
  ({ database, page } = stride);
  p.consultant = await createPerson(database.db, { name: 'Cyd Consultant', roles: ['consultant'] });
  p.lead = await createPerson(database.db, { name: 'Uma Unitlead', roles: ['unit_lead'] });
  p.coordinator = await createPerson(database.db, { name: 'Coco Coordinator', roles: ['coordinator'] });
  p.requester = await createPerson(database.db, { name: 'Rae Requester' });
  p.partner = await createPerson(database.db, { name: 'Pat Partner', jobTitle: 'Call Centre Team Manager' });
  p.learner = await createPerson(database.db, { name: 'Lea Learner' });
  for (const key of Object.keys(p) as (keyof typeof p)[]) {
    api[key] = new TestClient(stride.app);
    expect((await api[key].post('/api/v1/session', { email: p[key].email, password: TEST_PASSWORD })).status).toBe(200);
  }
  await seedDemoCharter(database.db, { now: () => new Date() }, p.lead.id);
  expect((await api.lead.put('/api/v1/standards/design-model/draft', { content: demoDesignModel, changeSummary: 'First version.' })).status).toBe(200);
  expect((await api.lead.post('/api/v1/standards/design-model/draft/publish', {})).status).toBe(201);
  courseId = await publishedCourse(api.coordinator, p.coordinator.id, { title: 'Handling outage calls', description: 'Step 4: transfer to the supervisor line.' });

  // The request, diagnosed, recommended and accepted: the new course became a project (RQ-6).
  const request = await triagedRequest(api.requester, api.lead, p.consultant.id);
  expect((await api.consultant.put(`/api/v1/requests/${request.id}/diagnosis`, { revision: request.revision, ...escalationDiagnosis })).status).toBe(200);
  expect(
    (await api.consultant.post(`/api/v1/requests/${request.id}/recommendations`, {
      summary: 'Practise the one escalation path in the outage course.',
      interventions: [{ kind: 'new_course', title: 'Outage calls: one escalation path', rationale: 'Agents need to practise the new hand-over.', ownerId: p.consultant.id, size: 'medium' }],
    })).status,
  ).toBe(201);
  const accepted = await api.requester.post(`/api/v1/requests/${request.id}/recommendations/1/response`, { response: 'accepted' });
  expect(accepted.status, accepted.text).toBe(200);
  projectId = accepted.body.actions[0].project.id;
  // The analysis was done with the SMEs before this story starts; the unit lead recorded why it closed without the form.
  const project = await api.consultant.get(`/api/v1/development-projects/${projectId}`);
  const analysis = project.body.stages[0];
  expect((await api.lead.post(`/api/v1/development-projects/${projectId}/stages/${analysis.id}/close`, { overrideReason: 'Task analysis done on site with the SMEs; signed on paper.' })).status).toBe(200);

  await page.goto(`${stride.base}/sign-in`);
  await page.getByLabel('E-mail').waitFor({ timeout: 120_000 });
}, 240_000);

afterAll(async () => {
  await stride?.close();
});

describe('courseware development in a real browser', () => {
  it('DV-1 DV-2 DV-4 a consultant runs the project with a customer-partner who signs off the design; the release updates the course; a learner’s report is answered and fixed with its revision', async () => {
    // The consultant finds the project on the board, in the Design column.
    await as(p.consultant, '/');
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Development' }).click();
    await page.waitForURL(/\/development$/);
    const design = page.getByRole('region', { name: 'Design' });
    await design.getByRole('link', { name: 'Outage calls: one escalation path' }).waitFor();
    await expectNoAxeViolations(page, 'the development board');
    await design.getByRole('link', { name: 'Outage calls: one escalation path' }).click();
    await page.waitForURL(new RegExp(`/development/${projectId}$`));

    // The release will update the existing course with the design's objective.
    await page.getByRole('textbox', { name: 'Course it updates' }).click();
    await page.getByRole('option', { name: /Handling outage calls/ }).click();
    await page.getByLabel('Summary').fill('Escalate an outage call once, with the story written down.');
    await page.getByLabel('Objectives').fill(objective);
    await page.getByRole('button', { name: 'Save the release plan' }).click();
    await page.waitForLoadState('networkidle');

    // The customer-partner is invited to review the design.
    const designStage = page.getByRole('region', { name: 'Design stage' });
    // The list first shows the directory's first page, then the server's answer for "Pat" replaces
    // it: clicking while it is swapped can land on the field and close the list, so wait for it.
    const searched = page.waitForResponse((r) => r.url().includes('/api/v1/people?') && r.url().includes('q=Pat'));
    await designStage.getByRole('textbox', { name: 'Invite a partner' }).fill('Pat');
    await searched;
    await page.getByRole('option', { name: 'Pat Partner' }).click();
    await designStage.getByRole('button', { name: 'Invite' }).click();
    await designStage.getByText('Pat Partner, customer-partner: not yet reviewed').waitFor();
    await expectNoAxeViolations(page, 'a project page');

    // The partner comments and signs the design off.
    await as(p.partner, `/development/${projectId}`);
    const theirs = page.getByRole('region', { name: 'Design stage' });
    await theirs.getByLabel('Comment on the Design deliverables').fill('The scenarios are the ones my team took last winter. Step 3 matches what we do.');
    await theirs.getByRole('button', { name: 'Add the comment' }).click();
    await theirs.getByText('The scenarios are the ones my team took last winter.', { exact: false }).waitFor();
    await theirs.getByRole('button', { name: 'Sign off' }).click();
    await theirs.getByText('Pat Partner, customer-partner: Signed off', { exact: false }).waitFor();
    await expectNoAxeViolations(page, 'a project page as its partner');

    // The consultant closes the design; the later stages were reviewed (the unit lead's record), and the release closes last.
    await as(p.consultant, `/development/${projectId}`);
    await page.getByRole('region', { name: 'Design stage' }).getByRole('button', { name: 'Close Design' }).click();
    await page.getByRole('region', { name: 'Design stage' }).getByText(/^Closed /).waitFor();
    const detail = (await api.consultant.get(`/api/v1/development-projects/${projectId}`)).body;
    for (const stage of detail.stages.slice(2, 4)) expect((await api.lead.post(`/api/v1/development-projects/${projectId}/stages/${stage.id}/close`, { overrideReason: 'Reviewed in the steering meeting.' })).status).toBe(200);
    await page.reload();
    await page.getByRole('region', { name: 'Release stage' }).getByRole('button', { name: 'Close the stage and release the course' }).click();
    await page.getByText(/Released as/).waitFor();

    // The course shows the objective, and its history shows the release.
    await as(p.coordinator, `/catalog/courses/${courseId}/revisions`);
    await page.getByText('Released from development').first().waitFor();
    await expectNoAxeViolations(page, 'the course history with a release');

    // A learner reports an outdated step from the course page.
    await as(p.learner, `/catalog/courses/${courseId}`);
    await page.getByText(objective).waitFor();
    await page.getByRole('button', { name: 'Report a problem or ask a question' }).click();
    await page.getByRole('textbox', { name: 'What kind of problem' }).click();
    await page.getByRole('option', { name: 'Outdated procedure' }).click();
    await page.getByLabel('What is wrong, and where').fill('Step 4 still says to transfer to the supervisor line, which closed in May.');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('link', { name: 'See your report' }).click();
    await page.getByRole('heading', { name: 'Outdated procedure: Handling outage calls' }).waitFor();
    const reportId = page.url().split('/').pop()!;

    // The consultant answers; the coordinator corrects the course; the consultant records the fix.
    await as(p.consultant, `/problem-reports/${reportId}`);
    await page.getByLabel('Answer', { exact: true }).fill('You are right: step 4 is outdated. We correct it this week; meanwhile transfer to the duty manager.');
    await page.getByRole('button', { name: 'Send the answer' }).click();
    await page.getByRole('heading', { name: 'Record the fix' }).waitFor();
    await expectNoAxeViolations(page, 'a problem report being handled');
    const course = (await api.coordinator.get(`/api/v1/courses/${courseId}`)).body;
    const edited = await api.coordinator.put(`/api/v1/courses/${courseId}`, { ...courseBody(p.coordinator.id, { title: course.title, summary: course.summary, objectives: course.objectives, description: 'Step 4: transfer to the duty manager.' }), code: undefined, revision: course.revision });
    expect(edited.status, edited.text).toBe(200);
    await page.getByLabel('Course revision').fill(String(edited.body.revision));
    await page.getByRole('button', { name: 'Mark fixed' }).click();
    await page.getByText(`revision ${edited.body.revision} of the course`).waitFor();

    // The learner reads the answer and the fix.
    await as(p.learner, `/problem-reports/${reportId}`);
    await page.getByText('meanwhile transfer to the duty manager', { exact: false }).waitFor();
    await page.getByText(`revision ${edited.body.revision} of the course`).waitFor();
    await expectNoAxeViolations(page, 'a fixed problem report as its reporter');
    const mails = await database.db.select({ to: outbox.toAddress }).from(outbox).where(eq(outbox.toAddress, p.learner.email));
    expect(mails.length).toBe(2);
    expect(stride.cspViolations).toEqual([]);
  }, 600_000);
});
