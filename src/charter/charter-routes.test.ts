import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestStride, type TestStride } from '../../tests/support/test-stride';
import { createPerson, type TestPerson } from '../../tests/support/factories';
import type { TestClient } from '../../tests/support/test-client';
import { fingerprintDatabase, fingerprintDiff } from '../../tests/support/database-fingerprint';
import type { CharterDraftInput } from './charter-schema';
import { demoCharter } from './demo-charter';
import { charterVersions } from './schema';

let s: TestStride;
let lead: TestPerson;
let learner: TestClient;
let unitLead: TestClient;
let admin: TestClient;

const V1_AT = new Date('2026-03-02T14:00:00Z');
const V2_AT = new Date('2026-04-01T14:00:00Z');

/** Version 2 halves the web first-response target and closes the office on Boxing Day. */
const version2: CharterDraftInput = {
  ...demoCharter,
  changeSummary: 'Draft summary',
  calendar: { ...demoCharter.calendar, holidays: [...demoCharter.calendar.holidays, { date: '2026-12-26', name: 'Boxing Day' }] },
  serviceLevels: demoCharter.serviceLevels.map((level) => (level.key === 'question.first-response.web' ? { ...level, targetBusinessMinutes: 240 } : level)),
};

beforeAll(async () => {
  s = await createTestStride();
  lead = await createPerson(s.db, { name: 'Una Unitlead', roles: ['unit_lead'] });
  unitLead = await s.signInAs(lead);
  learner = await s.signInAs(await createPerson(s.db, { name: 'Lee Learner' }));
  admin = await s.signInAs(await createPerson(s.db, { name: 'Ada Admin', roles: ['admin'] }));
});
afterAll(() => s.close());

describe('CH-1 the charter is published to everyone signed in; the unit lead edits it', () => {
  it('before anything is published there is no charter, and publishing without a draft is a conflict', async () => {
    const none = await learner.get('/api/v1/charter');
    expect(none.status).toBe(404);
    expect(none.headers['content-type']).toMatch(/^application\/problem\+json/);
    const publish = await unitLead.post('/api/v1/charter/draft/publish', {});
    expect(publish.status).toBe(409);
    expect(publish.body.code).toBe('conflict');
    expect((await unitLead.get('/api/v1/charter/draft')).status).toBe(404);
  });

  it('refuses a bad draft field by field and writes nothing', async () => {
    const before = await fingerprintDatabase(s.database);
    const bad = {
      ...demoCharter,
      calendar: { ...demoCharter.calendar, week: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } },
      serviceLevels: [{ ...demoCharter.serviceLevels[0]!, targetBusinessMinutes: 0, stopEvents: [] }],
    };
    const res = await unitLead.put('/api/v1/charter/draft', bad);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'calendar.week', message: 'The calendar has no working hours; add at least one working period.' },
        { field: 'serviceLevels.0.targetBusinessMinutes', message: 'The target must be more than zero business minutes.' },
        { field: 'serviceLevels.0.stopEvents', message: 'A clock that never stops cannot be met; name at least one event that stops it.' },
      ]),
    );
    expect(fingerprintDiff(before, await fingerprintDatabase(s.database))).toEqual([]);
  });

  it('the unit lead saves a draft and publishes version 1; a learner reads it', async () => {
    s.clock.set(V1_AT);
    const saved = await unitLead.put('/api/v1/charter/draft', demoCharter);
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body).toMatchObject({ version: 1, status: 'draft', publishedAt: null, publishedBy: null });
    const published = await unitLead.post('/api/v1/charter/draft/publish', {});
    expect(published.status, published.text).toBe(201);
    expect(published.body).toMatchObject({ version: 1, status: 'published', publishedAt: V1_AT.toISOString(), publishedBy: { id: lead.id, name: 'Una Unitlead' }, changeSummary: 'First published charter.' });

    const res = await learner.get('/api/v1/charter');
    expect(res.status, res.text).toBe(200);
    expect(res.body.version).toBe(1);
    expect(res.body.content.productsAndServices.map((p: { name: string }) => p.name)).toContain('Performance consulting');
    expect(res.body.calendar.timeZone).toBe('America/New_York');
    expect(res.body).not.toHaveProperty('changes');
    const web = res.body.serviceLevels.find((l: { key: string }) => l.key === 'question.first-response.web');
    expect(web).toEqual({
      key: 'question.first-response.web',
      name: 'First response to a question — web form',
      description: expect.stringContaining('8 working hours'),
      subjectType: 'question',
      targetMinutes: 480,
      atRiskShare: 0.75,
      startEvent: 'question.asked',
      stopEvents: ['question.answered'],
      pauseEvents: ['question.waiting-on-customer'],
      resumeEvents: ['question.customer-replied'],
      match: { channel: 'web' },
      ownerRole: 'coordinator',
    });
  });
});

describe('CH-4 publishing a change makes a new version; old versions stay readable with what changed', () => {
  let version1: unknown;

  it('version 1 lists everything as added', async () => {
    const res = await learner.get('/api/v1/charter/versions/1');
    expect(res.status, res.text).toBe(200);
    version1 = res.body;
    expect(res.body.changes.every((c: { change: string }) => c.change === 'added')).toBe(true);
    expect(res.body.changes.map((c: { key: string }) => c.key)).toEqual(
      expect.arrayContaining(['introduction', 'productsAndServices:Performance consulting', 'calendar:holiday:2026-12-25', 'service-level:question.first-response.web']),
    );
  });

  it('a learner can neither see nor edit a draft', async () => {
    s.clock.set(new Date('2026-03-20T10:00:00Z'));
    expect((await unitLead.put('/api/v1/charter/draft', version2)).status).toBe(200);
    expect((await learner.get('/api/v1/charter/draft')).status).toBe(403);
    expect((await learner.put('/api/v1/charter/draft', version2)).status).toBe(403);
    expect((await learner.post('/api/v1/charter/draft/publish', {})).status).toBe(403);
    expect((await learner.get('/api/v1/charter/versions/2')).status).toBe(404);
    const versions = await learner.get('/api/v1/charter/versions');
    expect(versions.body.map((v: { version: number }) => v.version)).toEqual([1]);
    const theirs = await unitLead.get('/api/v1/charter/versions');
    expect(theirs.body.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([[2, 'draft'], [1, 'published']]);
    // The draft is not in force.
    expect((await learner.get('/api/v1/charter')).body.version).toBe(1);
  });

  it('the unit lead publishes version 2 with a change summary; it names the changed target and the added holiday', async () => {
    s.clock.set(V2_AT);
    const published = await unitLead.post('/api/v1/charter/draft/publish', { changeSummary: 'Web questions get a first response within 4 working hours; Boxing Day is a holiday.' });
    expect(published.status, published.text).toBe(201);
    expect(published.body).toMatchObject({ version: 2, status: 'published', publishedAt: V2_AT.toISOString(), changeSummary: 'Web questions get a first response within 4 working hours; Boxing Day is a holiday.' });

    const res = await learner.get('/api/v1/charter/versions/2');
    expect(res.status, res.text).toBe(200);
    expect(res.body.changes).toEqual([
      { area: 'calendar', key: 'calendar:holiday:2026-12-26', change: 'added', label: 'Holiday added: Boxing Day (2026-12-26)', after: 'Boxing Day (2026-12-26)' },
      {
        area: 'service-level',
        key: 'service-level:question.first-response.web',
        change: 'changed',
        label: 'Target for First response to a question — web form: 8 → 4 working hours',
        before: '8 working hours',
        after: '4 working hours',
      },
    ]);
    expect((await learner.get('/api/v1/charter')).body.version).toBe(2);
    const versions = await learner.get('/api/v1/charter/versions');
    expect(versions.body).toEqual([
      expect.objectContaining({ version: 2, status: 'published', publishedBy: { id: lead.id, name: 'Una Unitlead' } }),
      expect.objectContaining({ version: 1, status: 'superseded', publishedAt: V1_AT.toISOString(), changeSummary: 'First published charter.' }),
    ]);
  });

  it('version 1 stays readable and unchanged (only its status moved on)', async () => {
    const res = await learner.get('/api/v1/charter/versions/1');
    expect(res.status).toBe(200);
    expect({ ...res.body, status: 'published' }).toEqual(version1);
    expect(res.body.status).toBe('superseded');
  });

  it('publishing again without a draft is a conflict, and an unknown version is not found', async () => {
    expect((await unitLead.post('/api/v1/charter/draft/publish', {})).status).toBe(409);
    expect((await learner.get('/api/v1/charter/versions/99')).status).toBe(404);
    expect((await learner.get('/api/v1/charter/versions/0')).status).toBe(400);
  });

  it('two first saves at once do not fail the server: one draft, each answer 200 or 409', async () => {
    const [a, b] = await Promise.all([unitLead.put('/api/v1/charter/draft', version2), admin.put('/api/v1/charter/draft', version2)]);
    expect([a.status, b.status].every((status) => status === 200 || status === 409), `${a.text} ${b.text}`).toBe(true);
    expect([a.status, b.status]).toContain(200);
    expect(await s.db.select().from(charterVersions).where(eq(charterVersions.status, 'draft'))).toHaveLength(1);
  });
});
