import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestStride, type TestStride } from '../../tests/support/test-stride';
import { createPerson } from '../../tests/support/factories';
import { castCourse, courseBody } from '../../tests/support/catalog-factories';
import type { TestClient } from '../../tests/support/test-client';
import { auditLog } from '../platform/audit/schema';
import { demoDeliveryMethodology, demoDesignModel } from './demo-standards-content';

let s: TestStride;
let lead: TestClient;
let coordinator: TestClient;
let learner: TestClient;
let instructor: TestClient;
let courseId: string;
let sessionId: string;
let draftCourseId: string;

async function publish(kind: string, content: unknown) {
  expect((await lead.put(`/api/v1/standards/${kind}/draft`, { content, changeSummary: '' })).status).toBe(200);
  expect((await lead.post(`/api/v1/standards/${kind}/draft/publish`, {})).status).toBe(201);
}

beforeAll(async () => {
  s = await createTestStride();
  const coordinatorPerson = await createPerson(s.db, { name: 'Cora Coordinator', roles: ['coordinator'] });
  coordinator = await s.signInAs(coordinatorPerson);
  lead = await s.signInAs(await createPerson(s.db, { name: 'Una Unitlead', roles: ['unit_lead'] }));
  learner = await s.signInAs(await createPerson(s.db, { name: 'Lee Learner' }));
  instructor = await s.signInAs(await createPerson(s.db, { name: 'Ivo Instructor', roles: ['instructor'] }));
  ({ courseId, courseSessionId: sessionId } = await castCourse(coordinator, coordinatorPerson.id, s.clock.now()));
  draftCourseId = (await coordinator.post('/api/v1/courses', courseBody(coordinatorPerson.id))).body.id;
  await publish('design-model', demoDesignModel);
  await publish('delivery-methodology', demoDeliveryMethodology);
});
afterAll(() => s.close());

const byKind = (body: { standards: { kind: string }[] }, kind: string) => body.standards.find((x) => x.kind === kind) as Record<string, any>;

describe('ST-2 courses, sessions and deliverables are checked against a standard version', () => {
  it('ST-2 a course not yet checked shows the items that concern courses, against the version in force', async () => {
    const res = await learner.get(`/api/v1/standards/conformance/course/${courseId}`);
    expect(res.status, res.text).toBe(200);
    expect(res.body.mayCheck).toBe(false);
    // The delivery methodology has no item about a course: it is not part of a course's conformance.
    expect(res.body.standards.map((x: { kind: string }) => x.kind)).toEqual(['design-model']);
    expect(byKind(res.body, 'design-model')).toMatchObject({ version: 1, inForceVersion: 1, state: 'not-checked', unchecked: 4 });
  });

  it('ST-2 the coordinator records passed, waived with a reason and failed; the course page shows the gap', async () => {
    const res = await coordinator.put(`/api/v1/standards/conformance/course/${courseId}`, {
      kind: 'design-model',
      version: 1,
      results: [
        { itemId: 'dm-task-analysis', result: 'passed' },
        { itemId: 'dm-objectives', result: 'passed' },
        { itemId: 'dm-partner-signoff', result: 'waived', reason: 'The sponsor signed the design on paper.' },
        { itemId: 'dm-pilot', result: 'failed', reason: 'Not piloted yet.' },
      ],
    });
    expect(res.status, res.text).toBe(200);
    expect(byKind(res.body, 'design-model')).toMatchObject({ passed: 2, waived: 1, failed: 1, unchecked: 0, state: 'gaps' });
    const read = await learner.get(`/api/v1/standards/conformance/course/${courseId}`);
    const waived = byKind(read.body, 'design-model').items.find((i: { id: string }) => i.id === 'dm-partner-signoff');
    expect(waived).toMatchObject({ result: 'waived', reason: 'The sponsor signed the design on paper.', checkedBy: { name: 'Cora Coordinator' } });
    const audit = await s.db.select().from(auditLog).where(eq(auditLog.action, 'standard.checked'));
    expect(audit.map((a) => a.entityId)).toContain(courseId);
  });

  it('ST-2 checking the item again replaces its result, and the course conforms', async () => {
    const res = await coordinator.put(`/api/v1/standards/conformance/course/${courseId}`, { kind: 'design-model', version: 1, results: [{ itemId: 'dm-pilot', result: 'passed' }] });
    expect(res.status, res.text).toBe(200);
    expect(byKind(res.body, 'design-model')).toMatchObject({ passed: 3, waived: 1, failed: 0, state: 'conforms' });
  });

  it('ST-2 a waiver without a reason, an item not on the checklist, a draft version: refused field by field', async () => {
    const noReason = await coordinator.put(`/api/v1/standards/conformance/course/${courseId}`, { kind: 'design-model', version: 1, results: [{ itemId: 'dm-pilot', result: 'waived' }] });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0].field).toMatch(/results\.0\.reason$/);
    const sessionItem = await coordinator.put(`/api/v1/standards/conformance/course/${courseId}`, { kind: 'delivery-methodology', version: 1, results: [{ itemId: 'del-practice', result: 'passed' }] });
    expect(sessionItem.status).toBe(400);
    expect(sessionItem.body.errors[0].field).toBe('results.0.itemId');
    await lead.put('/api/v1/standards/design-model/draft', { content: demoDesignModel, changeSummary: '' });
    const draft = await coordinator.put(`/api/v1/standards/conformance/course/${courseId}`, { kind: 'design-model', version: 2, results: [{ itemId: 'dm-pilot', result: 'passed' }] });
    expect(draft.status).toBe(400);
    expect(draft.body.errors[0].field).toBe('version');
  });

  it('ST-2 a new version in force leaves the course checked against the old one, and says so', async () => {
    await lead.post('/api/v1/standards/design-model/draft/publish', {});
    const res = await learner.get(`/api/v1/standards/conformance/course/${courseId}`);
    expect(byKind(res.body, 'design-model')).toMatchObject({ version: 1, inForceVersion: 2, state: 'conforms' });
  });

  it('ST-2 a session is checked against the delivery methodology; half-checked reads as incomplete', async () => {
    const res = await coordinator.put(`/api/v1/standards/conformance/session/${sessionId}`, { kind: 'delivery-methodology', version: 1, results: [{ itemId: 'del-audience', result: 'passed' }] });
    expect(res.status, res.text).toBe(200);
    expect(res.body.subjectLabel).toMatch(/^Handling Customer Complaints, session of /);
    expect(res.body.standards.map((x: { kind: string }) => x.kind)).toEqual(['delivery-methodology']);
    expect(byKind(res.body, 'delivery-methodology')).toMatchObject({ passed: 1, unchecked: 3, state: 'incomplete' });
  });

  it('ST-2 an instructor may not record checks; a draft course’s conformance does not exist for a learner; no deliverables yet', async () => {
    expect((await instructor.put(`/api/v1/standards/conformance/session/${sessionId}`, { kind: 'delivery-methodology', version: 1, results: [{ itemId: 'del-audience', result: 'failed' }] })).status).toBe(403);
    expect((await learner.get(`/api/v1/standards/conformance/course/${draftCourseId}`)).status).toBe(404);
    expect((await coordinator.get(`/api/v1/standards/conformance/course/${draftCourseId}`)).status).toBe(200);
    expect((await coordinator.get(`/api/v1/standards/conformance/course/${sessionId}`)).status).toBe(404);
  });
});
