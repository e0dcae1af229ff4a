import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { createTestStride, type TestStride } from '../../tests/support/test-stride';
import { createPerson, type TestPerson } from '../../tests/support/factories';
import type { TestClient } from '../../tests/support/test-client';
import { auditLog } from '../platform/audit/schema';
import { outbox } from '../platform/mail/schema';
import { unitSettings } from '../platform/settings/schema';

let s: TestStride;
let admin: TestPerson;
let c: TestClient;

beforeAll(async () => {
  s = await createTestStride();
  admin = await createPerson(s.db, { name: 'Alma Admin', roles: ['admin'] });
  c = await s.signInAs(admin);
});
afterAll(() => s.close());

const validUnit = {
  organizationName: 'Acme Ltd',
  unitName: 'Acme Academy',
  contactEmail: 'academy@acme.example',
  contactPhone: '+33 1 23 45 67 89',
  location: 'Building B, 2nd floor',
  officeHours: 'Mon–Thu 8:30–16:30',
  timeZone: 'Europe/Lisbon',
};

async function unitRow() {
  const [row] = await s.db.select().from(unitSettings);
  return row;
}

const auditOf = (entity: string) => s.db.select().from(auditLog).where(eq(auditLog.entity, entity)).orderBy(asc(auditLog.id));

describe("CA-7 the unit's contact details", () => {
  it('are public: anyone reads them without signing in', async () => {
    const res = await s.client().get('/api/v1/unit');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      organizationName: 'Test Org',
      unitName: 'Test Learning Unit',
      contactEmail: 'learning@test.example',
      contactPhone: '+1 555 0100',
      location: 'Room 101',
      officeHours: 'Mon–Fri 9–5',
      timeZone: 'Europe/Paris',
    });
  });

  it('an admin saves them, they are read back, and the change is audited with before and after', async () => {
    const res = await c.put('/api/v1/unit', { ...validUnit, contactEmail: '  Academy@ACME.example ', unitName: '  Acme Academy ' });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual(validUnit);
    expect((await s.client().get('/api/v1/unit')).body).toEqual(validUnit);
    expect(await unitRow()).toMatchObject(validUnit);
    const audits = await auditOf('unit-settings');
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorId: admin.id, action: 'update', entityId: '1', after: validUnit });
    expect(audits[0]!.before).toMatchObject({ contactEmail: 'learning@test.example', timeZone: 'Europe/Paris' });
  });

  it('bad values are answered field by field, and nothing changes', async () => {
    const before = await unitRow();
    const auditsBefore = await auditOf('unit-settings');
    const res = await c.put('/api/v1/unit', { ...validUnit, contactEmail: 'academy-at-acme', timeZone: 'Europe/Gondor', unitName: '   ' });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    const fields = Object.fromEntries(res.body.errors.map((e: { field: string; message: string }) => [e.field, e.message]));
    expect(Object.keys(fields).sort()).toEqual(['contactEmail', 'timeZone', 'unitName']);
    expect(fields.contactEmail).toMatch(/valid e-mail/);
    expect(fields.timeZone).toMatch(/time zone/i);
    const missing = await c.put('/api/v1/unit', { unitName: 'Only a name' });
    expect(missing.status).toBe(400);
    expect(missing.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['organizationName', 'contactEmail', 'timeZone']));
    expect(await unitRow()).toEqual(before);
    expect(await auditOf('unit-settings')).toEqual(auditsBefore);
  });

  it('only an admin changes them: 403 for a coordinator and a learner, 401 anonymous', async () => {
    const before = await unitRow();
    const coordinator = await s.signInAs(await createPerson(s.db, { roles: ['coordinator', 'unit_lead'] }));
    const learner = await s.signInAs(await createPerson(s.db));
    const hijack = { ...validUnit, contactEmail: 'phish@evil.example' };
    expect((await coordinator.put('/api/v1/unit', hijack)).status).toBe(403);
    expect((await learner.put('/api/v1/unit', hijack)).status).toBe(403);
    expect((await s.client().put('/api/v1/unit', hijack)).status).toBe(401);
    expect(await unitRow()).toEqual(before);
  });
});

describe('the outbox', () => {
  let learner: TestPerson;
  let messageId: number;
  beforeAll(async () => {
    learner = await createPerson(s.db, { name: 'Rosa Reset', email: 'rosa.reset@example.org' });
    const res = await s.client().post('/api/v1/password-resets', { email: learner.email });
    expect(res.status).toBe(202);
    const [row] = await s.db.select().from(outbox).where(eq(outbox.toAddress, learner.email));
    messageId = row!.id;
  });

  it('lists a queued message, newest first, and finds it by address or subject', async () => {
    await s.client().post('/api/v1/password-resets', { email: admin.email });
    const res = await c.get('/api/v1/outbox');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(2);
    expect(res.body.items.map((m: { to: string }) => m.to)).toEqual([admin.email, learner.email]);
    expect(res.body.items[1]).toMatchObject({ id: messageId, to: 'rosa.reset@example.org', subject: 'Reset your Stride password', status: 'pending', attempts: 0, sentAt: null, lastError: null });
    const byAddress = await c.get('/api/v1/outbox?q=rosa.reset');
    expect(byAddress.body.items.map((m: { id: number }) => m.id)).toEqual([messageId]);
    const bySubject = await c.get(`/api/v1/outbox?q=${encodeURIComponent('Stride password')}&status=pending`);
    expect(bySubject.body.total).toBe(2);
    expect((await c.get('/api/v1/outbox?status=sent')).body).toMatchObject({ items: [], total: 0 });
    expect((await c.get('/api/v1/outbox?q=%25')).body.total).toBe(0);
  });

  it('counts messages by state and says delivery is not configured', async () => {
    const res = await c.get('/api/v1/outbox/counts');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ pending: 2, sending: 0, sent: 0, failed: 0, deliveryConfigured: false });
  });

  it("CA-7 shows one message as it will be sent, ending with the unit's contact e-mail", async () => {
    const unit = (await c.get('/api/v1/unit')).body;
    const res = await c.get(`/api/v1/outbox/${messageId}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: messageId, to: learner.email, subject: 'Reset your Stride password' });
    expect(res.body.textBody).toContain('Hello Rosa Reset');
    expect(res.body.textBody).toMatch(/reset-password\?token=[A-Za-z0-9_-]+/);
    expect(res.body.textBody).toContain(unit.contactEmail);
    expect(res.body.htmlBody).toContain(unit.contactEmail);
    expect(res.body.messageId).toMatch(/^<[0-9a-f]+@/);
  });

  it('an unknown message is a 404, a malformed id a 400', async () => {
    expect((await c.get('/api/v1/outbox/999999')).status).toBe(404);
    expect((await c.get('/api/v1/outbox/abc')).status).toBe(400);
    expect((await c.get('/api/v1/outbox/0')).status).toBe(400);
  });
});

describe('the audit log', () => {
  it('lists entries newest first with their actor, and filters by entity and entity id', async () => {
    const person = await createPerson(s.db, { name: 'Audited Person', jobTitle: 'Clerk' });
    expect((await c.patch(`/api/v1/people/${person.id}`, { jobTitle: 'Senior clerk' })).status).toBe(200);
    expect((await c.patch(`/api/v1/people/${person.id}`, { jobTitle: 'Head clerk' })).status).toBe(200);

    const all = await c.get('/api/v1/audit?pageSize=200');
    expect(all.status).toBe(200);
    const rows = await s.db.select().from(auditLog);
    expect(all.body.total).toBe(rows.length);
    const ids = all.body.items.map((e: { id: number }) => e.id);
    expect(ids).toEqual([...ids].sort((a: number, b: number) => b - a));

    const forPerson = await c.get(`/api/v1/audit?entity=person&entityId=${person.id}`);
    expect(forPerson.body.total).toBe(2);
    expect(forPerson.body.items.map((e: { after: { jobTitle: string } }) => e.after.jobTitle)).toEqual(['Head clerk', 'Senior clerk']);
    expect(forPerson.body.items[0]).toMatchObject({ action: 'update', entity: 'person', entityId: person.id, actor: { id: admin.id, name: 'Alma Admin' } });
    expect(forPerson.body.items[0].before.jobTitle).toBe('Senior clerk');

    const units = await c.get('/api/v1/audit?entity=unit-settings');
    expect(units.body.items.length).toBeGreaterThan(0);
    expect(units.body.items.every((e: { entity: string }) => e.entity === 'unit-settings')).toBe(true);

    // A reset request is made by nobody signed in.
    const resets = await c.get('/api/v1/audit?entity=person&pageSize=200');
    const reset = resets.body.items.find((e: { action: string }) => e.action === 'request-password-reset');
    expect(reset.actor).toBeNull();

    const paged = await c.get(`/api/v1/audit?entity=person&entityId=${person.id}&pageSize=1&page=2`);
    expect(paged.body).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(paged.body.items[0].after.jobTitle).toBe('Senior clerk');
  });
});

describe('only an admin opens the admin area', () => {
  const urls = ['/api/v1/outbox', '/api/v1/outbox/counts', '/api/v1/outbox/1', '/api/v1/audit', '/api/v1/audit?entity=person'];

  it.each([
    ['a learner', [] as const],
    ['a coordinator', ['coordinator'] as const],
    ['a unit lead and leader', ['unit_lead', 'leader'] as const],
  ])('%s gets 403 on every admin read', async (_who, roles) => {
    const client = await s.signInAs(await createPerson(s.db, { roles: [...roles] }));
    for (const url of urls) {
      const res = await client.get(url);
      expect(res.status, url).toBe(403);
      expect(res.body.code).toBe('forbidden');
      expect(res.text).not.toContain('@');
    }
  });

  it('anonymous gets 401 on every admin read', async () => {
    for (const url of urls) expect((await s.client().get(url)).status, url).toBe(401);
  });
});
