import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestStride, type TestStride } from '../../tests/support/test-stride';
import { createPerson, type TestPerson } from '../../tests/support/factories';
import type { TestClient } from '../../tests/support/test-client';
import { fingerprintDatabase, fingerprintDiff } from '../../tests/support/database-fingerprint';
import { demoStyleGuideV1, demoStyleGuideV2 } from './demo-standards-content';
import { standardVersions } from './schema';
import { auditLog } from '../platform/audit/schema';

let s: TestStride;
let lead: TestPerson;
let unitLead: TestClient;
let learner: TestClient;
let partner: TestClient;

const V1_AT = new Date('2026-05-04T14:00:00Z');
const V2_AT = new Date('2026-06-01T14:00:00Z');

beforeAll(async () => {
  s = await createTestStride();
  lead = await createPerson(s.db, { name: 'Una Unitlead', roles: ['unit_lead'] });
  unitLead = await s.signInAs(lead);
  learner = await s.signInAs(await createPerson(s.db, { name: 'Lee Learner' }));
  partner = await s.signInAs(await createPerson(s.db, { name: 'Pat Partner', roles: ['partner'] }));
});
afterAll(() => s.close());

describe('ST-1 the standards are versioned and readable by everyone', () => {
  it('ST-1 before anything is published each standard is listed without a version, and publishing with no draft is a conflict', async () => {
    const list = await learner.get('/api/v1/standards');
    expect(list.status, list.text).toBe(200);
    expect(list.body.map((x: { kind: string }) => x.kind)).toEqual(['design-model', 'delivery-methodology', 'style-guide']);
    expect(list.body.every((x: { inForce: unknown }) => x.inForce === null)).toBe(true);
    expect(list.body.find((x: { kind: string }) => x.kind === 'delivery-methodology').governs).toMatch(/external/);
    expect((await learner.get('/api/v1/standards/style-guide')).status).toBe(404);
    const publish = await unitLead.post('/api/v1/standards/style-guide/draft/publish', {});
    expect(publish.status).toBe(409);
  });

  it('ST-1 refuses a bad draft field by field and writes nothing', async () => {
    const before = await fingerprintDatabase(s.database);
    const res = await unitLead.put('/api/v1/standards/design-model/draft', {
      content: { kind: 'design-model', summary: '', sections: [], checklist: [], stages: [{ name: 'Analysis', purpose: 'x', deliverables: [], smeTaskAnalysis: false, requiredSignOffs: [] }] },
      changeSummary: '',
    });
    expect(res.status).toBe(400);
    const fields = res.body.errors.map((e: { field: string }) => e.field.replace(/^body\./, ''));
    expect(fields).toEqual(expect.arrayContaining(['content.summary', 'content.checklist', 'content.stages']));
    const wrongKind = await unitLead.put('/api/v1/standards/design-model/draft', { content: demoStyleGuideV1, changeSummary: '' });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.errors[0].field).toMatch(/content\.kind$/);
    expect(fingerprintDiff(before, await fingerprintDatabase(s.database))).toEqual([]);
  });

  it('ST-1 the unit lead drafts and publishes the style guide; a partner reads it; the draft stays hidden from others', async () => {
    s.clock.set(V1_AT);
    const saved = await unitLead.put('/api/v1/standards/style-guide/draft', { content: demoStyleGuideV1, changeSummary: 'First style guide.' });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body).toMatchObject({ version: 1, status: 'draft', publishedAt: null });
    expect((await learner.get('/api/v1/standards/style-guide/versions/1')).status).toBe(404);
    expect((await learner.get('/api/v1/standards/style-guide/draft')).status).toBe(403);
    expect((await learner.get('/api/v1/standards/style-guide/versions')).body).toEqual([]);
    const published = await unitLead.post('/api/v1/standards/style-guide/draft/publish', {});
    expect(published.status, published.text).toBe(201);
    expect(published.body).toMatchObject({ version: 1, status: 'published', publishedAt: V1_AT.toISOString(), publishedBy: { id: lead.id, name: 'Una Unitlead' }, changes: [] });
    const read = await partner.get('/api/v1/standards/style-guide');
    expect(read.status).toBe(200);
    expect(read.body.content.elearning).toEqual(demoStyleGuideV1.kind === 'style-guide' ? demoStyleGuideV1.elearning : null);
  });

  it('ST-1 version 2 says what changed; version 1 never changes', async () => {
    const v1Before = await s.db.select().from(standardVersions).where(eq(standardVersions.version, 1));
    s.clock.set(V2_AT);
    expect((await unitLead.put('/api/v1/standards/style-guide/draft', { content: demoStyleGuideV2, changeSummary: 'AA and captions.' })).status).toBe(200);
    const published = await unitLead.post('/api/v1/standards/style-guide/draft/publish', { changeSummary: 'WCAG 2.2 AA; captions on every video.' });
    expect(published.status, published.text).toBe(201);
    expect(published.body).toMatchObject({ version: 2, previousVersion: 1, changeSummary: 'WCAG 2.2 AA; captions on every video.' });
    expect(published.body.changes).toEqual(
      expect.arrayContaining([
        { field: 'elearning.accessibilityLevel', label: 'Accessibility level', change: 'changed', before: 'WCAG 2.2 A', after: 'WCAG 2.2 AA' },
        { field: 'elearning.captionsRequired', label: 'Captions on every video', change: 'changed', before: 'Not required', after: 'Required' },
        expect.objectContaining({ field: 'checklist.sg-captions', change: 'added' }),
      ]),
    );
    const v1 = await learner.get('/api/v1/standards/style-guide/versions/1');
    expect(v1.body).toMatchObject({ status: 'superseded', content: { elearning: { accessibilityLevel: 'WCAG 2.2 A' } } });
    const v1After = await s.db.select().from(standardVersions).where(eq(standardVersions.version, 1));
    expect(v1After[0]!.content).toEqual(v1Before[0]!.content);
    const history = await learner.get('/api/v1/standards/style-guide/versions');
    expect(history.body.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([[2, 'published'], [1, 'superseded']]);
    const audit = await s.db.select().from(auditLog).where(eq(auditLog.action, 'standard.published'));
    expect(audit).toHaveLength(2);
  });

  it('ST-1 new sections and items get ids; the ids an editor sends are kept', async () => {
    const content = { ...demoStyleGuideV2, sections: [...demoStyleGuideV2.sections, { heading: 'Icons', body: 'Tabler icons, 1.7 stroke.' }] };
    const saved = await unitLead.put('/api/v1/standards/style-guide/draft', { content, changeSummary: '' });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body.content.sections.map((x: { id: string }) => x.id)).toEqual(['voice', 'look', expect.stringMatching(/^[a-f0-9]{8}$/)]);
    expect(saved.body.changes).toEqual([expect.objectContaining({ label: 'Section added', after: 'Icons\nTabler icons, 1.7 stroke.' })]);
    const list = await unitLead.get('/api/v1/standards');
    expect(list.body.find((x: { kind: string }) => x.kind === 'style-guide')).toMatchObject({ draftVersion: 3, inForce: { version: 2 } });
    expect((await learner.get('/api/v1/standards')).body.find((x: { kind: string }) => x.kind === 'style-guide').draftVersion).toBeNull();
  });
});
