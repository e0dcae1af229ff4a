import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStride, type TestStride } from '../../tests/support/test-stride';
import { createBusinessUnit, createPerson, type TestPerson } from '../../tests/support/factories';
import type { TestClient } from '../../tests/support/test-client';
import { courseBody, sessionBody } from '../../tests/support/catalog-factories';
import { fingerprintDatabase, fingerprintDiff } from '../../tests/support/database-fingerprint';

let s: TestStride;
let coordinatorPerson: TestPerson;
let coordinator: TestClient;
let unitLead: TestClient;
let learner: TestClient;
let instructor: TestClient;
let unitId: string;

beforeAll(async () => {
  s = await createTestStride();
  unitId = (await createBusinessUnit(s.db, { name: 'Customer Care' })).id;
  coordinatorPerson = await createPerson(s.db, { name: 'Cora Coordinator', roles: ['coordinator'], jobTitle: 'Training Coordinator' });
  coordinator = await s.signInAs(coordinatorPerson);
  unitLead = await s.signInAs(await createPerson(s.db, { name: 'Uma Unitlead', roles: ['unit_lead'] }));
  learner = await s.signInAs(await createPerson(s.db, { name: 'Lena Learner', businessUnitId: unitId }));
  instructor = await s.signInAs(await createPerson(s.db, { name: 'Ivo Instructor', roles: ['instructor'] }));
  // Signed in at today's clock (cookies expire by the real one); the tests then live in May 2026.
  s.clock.set(new Date('2026-05-04T12:00:00Z'));
});
afterAll(() => s.close());

async function create(overrides: Record<string, unknown> = {}) {
  const res = await coordinator.post('/api/v1/courses', courseBody(coordinatorPerson.id, overrides));
  expect(res.status, res.text).toBe(201);
  return res.body;
}

describe('CA-1 courses: coordinators write them, every change keeps a revision', () => {
  it('CA-1 a coordinator creates a draft: revision 1, objectives with ids, the contact person and the unit’s contact (CA-7)', async () => {
    const res = await coordinator.post('/api/v1/courses', courseBody(coordinatorPerson.id, { code: ' cc-101 ', contactPhone: '+1 617 555 0150', audienceBusinessUnitIds: [unitId] }));
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({
      code: 'CC-101',
      status: 'draft',
      revision: 1,
      format: 'classroom',
      languages: ['en'],
      contact: { id: coordinatorPerson.id, name: 'Cora Coordinator', email: coordinatorPerson.email, jobTitle: 'Training Coordinator', phone: '+1 617 555 0150' },
      unitContact: { unitName: 'Test Learning Unit', email: 'learning@test.example', phone: '+1 555 0100' },
      audienceBusinessUnits: [{ id: unitId, name: 'Customer Care' }],
      upcomingSessions: [],
      nextSession: null,
    });
    expect(res.body.objectives).toHaveLength(2);
    expect(res.body.objectives[0].id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('CA-1 a draft is the editors’ alone: learners neither see nor write it', async () => {
    const course = await create();
    expect((await learner.get(`/api/v1/courses/${course.id}`)).status).toBe(404);
    expect((await instructor.get(`/api/v1/courses/${course.id}`)).status).toBe(404);
    expect((await unitLead.get(`/api/v1/courses/${course.id}`)).status).toBe(200);
    const before = await fingerprintDatabase(s.database);
    expect((await learner.post('/api/v1/courses', courseBody(coordinatorPerson.id))).status).toBe(403);
    expect((await learner.put(`/api/v1/courses/${course.id}`, { ...courseBody(coordinatorPerson.id), revision: 1 })).status).toBe(403);
    expect((await learner.post(`/api/v1/courses/${course.id}/publish`, { revision: 1 })).status).toBe(403);
    expect((await instructor.post(`/api/v1/courses/${course.id}/sessions`, sessionBody(s.clock.now()))).status).toBe(403);
    expect((await learner.get(`/api/v1/courses/${course.id}/revisions`)).status).toBe(403);
    expect(fingerprintDiff(before, await fingerprintDatabase(s.database))).toEqual([]);
  });

  it('CA-1 publish, edit and read the revisions with what changed, field by field; objectives keep their ids', async () => {
    const course = await create({ title: 'Writing to Customers' });
    const [first, second] = course.objectives as { id: string; text: string }[];
    const published = await coordinator.post(`/api/v1/courses/${course.id}/publish`, { revision: 1 });
    expect(published.status, published.text).toBe(200);
    expect(published.body).toMatchObject({ status: 'published', revision: 2 });
    expect((await learner.get(`/api/v1/courses/${course.id}`)).status).toBe(200);

    s.clock.set(new Date('2026-05-05T09:00:00Z'));
    const edited = await unitLead.put(`/api/v1/courses/${course.id}`, {
      ...courseBody(coordinatorPerson.id, { title: 'Writing Clear Replies to Customers', durationMinutes: 240 }),
      revision: 2,
      objectives: [
        // The second, unchanged, sent without its id; the first reworded, with its id; a new third.
        { text: second!.text },
        { id: first!.id, text: 'Given a customer complaint, restate the problem in the customer’s words within one minute.' },
        { text: 'Check a reply against the plain-language checklist before sending it.' },
      ],
    });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.body.revision).toBe(3);
    expect(edited.body.objectives.map((o: { id: string }) => o.id).slice(0, 2)).toEqual([second!.id, first!.id]);

    const list = await coordinator.get(`/api/v1/courses/${course.id}/revisions`);
    expect(list.status, list.text).toBe(200);
    expect(list.body.map((r: { revision: number; action: string }) => [r.revision, r.action])).toEqual([[3, 'edited'], [2, 'published'], [1, 'created']]);
    expect(list.body[0].savedBy.name).toBe('Uma Unitlead');

    const three = await coordinator.get(`/api/v1/courses/${course.id}/revisions/3`);
    expect(three.status, three.text).toBe(200);
    expect(three.body.snapshot.title).toBe('Writing Clear Replies to Customers');
    const byField = Object.fromEntries(three.body.changes.map((c: { field: string }) => [c.field, c]));
    expect(byField.title).toMatchObject({ change: 'changed', before: 'Writing to Customers', after: 'Writing Clear Replies to Customers' });
    expect(byField.durationMinutes).toMatchObject({ change: 'changed', before: '7 h', after: '4 h' });
    expect(byField[`objectives.${first!.id}`]).toMatchObject({ label: 'Objective changed', change: 'changed' });
    expect(three.body.changes.filter((c: { change: string; field: string }) => c.change === 'added' && c.field.startsWith('objectives.'))).toHaveLength(1);
    expect(byField['objectives.order']).toMatchObject({ label: 'Objectives reordered' });
    expect(byField.summary).toBeUndefined();

    const two = await coordinator.get(`/api/v1/courses/${course.id}/revisions/2`);
    expect(two.body.changes).toEqual([{ field: 'status', label: 'Status', change: 'changed', before: 'draft', after: 'published' }]);
    expect((await coordinator.get(`/api/v1/courses/${course.id}/revisions/9`)).status).toBe(404);
  });

  it('AF-1 AF-4 after the event: completion share, follow-up delay and anonymity are set, validated, shown and kept in the history', async () => {
    const plain = await create();
    expect(plain).toMatchObject({ completionMinPercent: 100, followUpDays: 30, followUpAnonymous: false });
    const bad = await coordinator.post('/api/v1/courses', courseBody(coordinatorPerson.id, { completionMinPercent: 0, followUpDays: 400, followUpAnonymous: 'yes' }));
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((f: { field: string }) => f.field).sort()).toEqual(['completionMinPercent', 'followUpAnonymous', 'followUpDays']);

    const course = await create({ completionMinPercent: 80, followUpDays: 14, followUpAnonymous: true });
    expect(course).toMatchObject({ completionMinPercent: 80, followUpDays: 14, followUpAnonymous: true });
    // An edit that leaves them out keeps them; one that names them changes them, and the history says so.
    const kept = await coordinator.put(`/api/v1/courses/${course.id}`, { ...courseBody(coordinatorPerson.id, { title: 'Renamed' }), revision: 1 });
    expect(kept.status, kept.text).toBe(200);
    expect(kept.body).toMatchObject({ revision: 2, completionMinPercent: 80, followUpDays: 14, followUpAnonymous: true });
    const edited = await coordinator.put(`/api/v1/courses/${course.id}`, { ...courseBody(coordinatorPerson.id, { title: 'Renamed', completionMinPercent: 100, followUpDays: 60, followUpAnonymous: false }), revision: 2 });
    expect(edited.status, edited.text).toBe(200);
    const three = await coordinator.get(`/api/v1/courses/${course.id}/revisions/3`);
    expect(three.body.snapshot).toMatchObject({ completionMinPercent: 100, followUpDays: 60, followUpAnonymous: false });
    expect(three.body.changes.map((c: { field: string; before: string; after: string }) => [c.field, c.before, c.after])).toEqual([
      ['completionMinPercent', '80 %', '100 %'],
      ['followUpDays', '14 days', '60 days'],
      ['followUpAnonymous', 'Without names', 'With names'],
    ]);
  });

  it('CA-1 a stale edit is refused with 409 and nothing is lost; an edit that changes nothing keeps the revision', async () => {
    const course = await create();
    const body = { ...courseBody(coordinatorPerson.id, { title: 'First editor’s title' }), revision: 1 };
    expect((await coordinator.put(`/api/v1/courses/${course.id}`, body)).status).toBe(200);
    const before = await fingerprintDatabase(s.database);
    const stale = await unitLead.put(`/api/v1/courses/${course.id}`, { ...body, title: 'Second editor’s title' });
    expect(stale.status).toBe(409);
    expect(stale.body.errors[0]).toMatchObject({ field: 'revision' });
    expect(stale.body.detail).toContain('revision 2');
    expect(fingerprintDiff(before, await fingerprintDatabase(s.database))).toEqual([]);
    expect((await coordinator.get(`/api/v1/courses/${course.id}`)).body.title).toBe('First editor’s title');

    const same = await coordinator.put(`/api/v1/courses/${course.id}`, { ...body, revision: 2 });
    expect(same.status, same.text).toBe(200);
    expect(same.body.revision).toBe(2);
  });

  it('CA-1 refuses a course field by field: objectives, references, code, format', async () => {
    const before = await fingerprintDatabase(s.database);
    const bad = await coordinator.post('/api/v1/courses', courseBody(coordinatorPerson.id, { objectives: [], title: ' ', durationMinutes: 0, languages: ['xx-YY'], format: 'webinar' }));
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['durationMinutes', 'format', 'languages.0', 'objectives', 'title']);

    const words = await coordinator.post('/api/v1/courses', courseBody(coordinatorPerson.id, { objectives: [{ text: 'Complaints' }, { text: '   ' }] }));
    expect(words.status).toBe(400);
    expect(words.body.errors.map((e: { field: string }) => e.field)).toEqual(['objectives.0.text', 'objectives.1.text']);

    const refs = await coordinator.post('/api/v1/courses', courseBody('00000000-0000-4000-8000-000000000000', { interestIds: ['00000000-0000-4000-8000-000000000001'], audienceBusinessUnitIds: ['00000000-0000-4000-8000-000000000002'] }));
    expect(refs.status).toBe(400);
    expect(refs.body.errors.map((e: { field: string }) => e.field)).toEqual(['contactPersonId', 'interestIds.0', 'audienceBusinessUnitIds.0']);
    expect(fingerprintDiff(before, await fingerprintDatabase(s.database))).toEqual([]);

    const taken = await coordinator.post('/api/v1/courses', courseBody(coordinatorPerson.id, { code: 'CC-101' }));
    expect(taken.status).toBe(409);
    expect(taken.body.errors).toEqual([{ field: 'code', message: 'Another course already has the code CC-101.' }]);

    const other = await create();
    const foreign = await coordinator.put(`/api/v1/courses/${other.id}`, { ...courseBody(coordinatorPerson.id), revision: 1, objectives: [{ id: (await create()).objectives[0].id, text: 'Borrow an objective from another course.' }] });
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors).toEqual([expect.objectContaining({ field: 'objectives.0.id' })]);
  });

  it('CA-1 interests: a controlled list editors add to, and courses are filed under', async () => {
    const added = await coordinator.post('/api/v1/interests', { name: 'Customer service', description: 'Serving customers well.' });
    expect(added.status, added.text).toBe(201);
    expect(added.body).toMatchObject({ key: 'customer-service', name: 'Customer service' });
    expect((await coordinator.post('/api/v1/interests', { name: 'customer SERVICE' })).status).toBe(409);
    expect((await learner.post('/api/v1/interests', { name: 'Gardening' })).status).toBe(403);
    const list = await learner.get('/api/v1/interests');
    expect(list.body.map((i: { key: string }) => i.key)).toContain('customer-service');
    const course = await create({ interestIds: [added.body.id] });
    expect(course.interests).toEqual([{ id: added.body.id, key: 'customer-service', name: 'Customer service' }]);
  });

  it('CA-1 CA-2 retiring a course waits for its upcoming sessions to be cancelled; a retired course takes no sessions', async () => {
    const course = await create();
    await coordinator.post(`/api/v1/courses/${course.id}/publish`, { revision: 1 });
    const session = await coordinator.post(`/api/v1/courses/${course.id}/sessions`, sessionBody(s.clock.now()));
    expect(session.status, session.text).toBe(201);
    const refused = await coordinator.post(`/api/v1/courses/${course.id}/retire`, { revision: 2 });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain('Cancel the course’s upcoming session');
    expect((await coordinator.post(`/api/v1/course-sessions/${session.body.id}/cancel`, { sequence: 0, reason: 'Replaced by e-learning.' })).status).toBe(200);
    const retired = await coordinator.post(`/api/v1/courses/${course.id}/retire`, { revision: 2 });
    expect(retired.status, retired.text).toBe(200);
    expect(retired.body).toMatchObject({ status: 'retired', revision: 3 });
    expect((await learner.get(`/api/v1/courses/${course.id}`)).status).toBe(404);
    expect((await coordinator.post(`/api/v1/courses/${course.id}/sessions`, sessionBody(s.clock.now()))).status).toBe(409);
    expect((await coordinator.post(`/api/v1/courses/${course.id}/retire`, { revision: 3 })).status).toBe(409);
  });
});
