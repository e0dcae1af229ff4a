import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, like } from 'drizzle-orm';
import { createPerson, type TestPerson } from '../../tests/support/factories';
import { createTestStride, type TestStride } from '../../tests/support/test-stride';
import type { TestClient } from '../../tests/support/test-client';
import { auditLog } from '../platform/audit/schema';
import { outbox } from '../platform/mail/schema';
import { seedDemoCharter } from '../charter/demo-charter';
import { monthsEnding } from './feedback-trend';

let s: TestStride;
const p = {} as Record<'sender' | 'other' | 'coordinator' | 'lead' | 'leader', TestPerson>;
const c = {} as Record<keyof typeof p, TestClient>;
const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a3e8b8c40000000049454e44ae426082', 'hex');
// Monday 7 December 2026, 10:00 in New York: inside the demo charter's office hours.
const monday10am = new Date('2026-12-07T15:00:00Z');

beforeAll(async () => {
  s = await createTestStride();
  s.clock.set(monday10am);
  p.sender = await createPerson(s.db, { name: 'Nadia Nameless', email: 'nadia.nameless@example.org' });
  p.other = await createPerson(s.db, { name: 'Ari Other' });
  p.coordinator = await createPerson(s.db, { name: 'Cora Coordinator', roles: ['coordinator'] });
  p.lead = await createPerson(s.db, { name: 'Uma Unitlead', roles: ['unit_lead'] });
  p.leader = await createPerson(s.db, { name: 'Leo Leader', roles: ['leader'] });
  for (const key of Object.keys(p) as (keyof typeof p)[]) c[key] = await s.signInAs(p[key]);
  await seedDemoCharter(s.db, s.clock, p.lead.id);
});
afterAll(() => s.close());

const complaint = (overrides: Record<string, unknown> = {}) => ({
  kind: 'complaint',
  category: 'certificate',
  about: 'Excel for month-end, November session',
  body: 'My certificate came three weeks after the course, and only after I asked twice.',
  anonymous: true,
  ...overrides,
});

/** Every row of every table as text: what a database dump would hold. */
async function allRows(): Promise<Set<string>> {
  const { rows: tables } = await s.database.execute(`SELECT table_schema, table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`, []);
  const out = new Set<string>();
  for (const t of tables) {
    const { rows } = await s.database.execute(`SELECT x::text AS row FROM "${String(t.table_schema)}"."${String(t.table_name)}" x`, []);
    for (const r of rows) out.add(`${String(t.table_name)}: ${String(r.row)}`);
  }
  return out;
}

describe('feedback and complaints (FB-1)', () => {
  it('FB-1 anonymous really is anonymous: nothing written anywhere names the signed-in sender', async () => {
    const before = await allRows();
    const res = await c.sender.post('/api/v1/feedback', complaint({ attachments: [{ name: 'late-mail.png', content: png.toString('base64') }] }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ reference: expect.stringMatching(/^F-\d{6}$/), anonymous: true, followToken: expect.any(String) });
    const added = [...(await allRows())].filter((row) => !before.has(row));
    // The feedback, its event, its file, its clocks and their event, and the audit entry were written…
    for (const table of ['feedback', 'feedback_events', 'stored_files', 'clocks', 'clock_events', 'audit_log']) expect(added.some((r) => r.startsWith(`${table}:`)), table).toBe(true);
    // …and none of it carries the sender's id, name or e-mail, nor the token itself.
    for (const secret of [p.sender.id, p.sender.name, p.sender.email, 'Nadia', res.body.followToken]) {
      expect(added.filter((row) => row.toLowerCase().includes(String(secret).toLowerCase())), String(secret)).toEqual([]);
    }
    // Nothing is mailed: there is no one to mail.
    expect(await s.db.select().from(outbox).where(like(outbox.idempotencyKey, `feedback:${res.body.id}:%`))).toEqual([]);
    // Admins and the unit included, no one can see who sent it; the sender does not see it as theirs either.
    const seen = await c.coordinator.get(`/api/v1/feedback/${res.body.id}`);
    expect(seen.body.sender).toBeNull();
    expect((await c.sender.get('/api/v1/feedback/mine')).body).toEqual([]);
    expect((await c.sender.get(`/api/v1/feedback/${res.body.id}`)).status).toBe(404);
  });

  it('FB-1 an anonymous complaint about a late certificate is acknowledged within its service level and its response is visible through the private link', async () => {
    s.clock.set(monday10am);
    const sent = await c.sender.post('/api/v1/feedback', complaint());
    const { id, followToken } = sent.body;
    const anyone = s.client();
    let followed = await anyone.get(`/api/v1/feedback/follow/${followToken}`);
    expect(followed.status).toBe(200);
    expect(followed.body.clocks.map((k: { key: string; state: string }) => [k.key, k.state])).toEqual([['feedback.acknowledged', 'on_track'], ['feedback.resolved', 'on_track']]);

    s.clock.advance(2 * 3600_000);
    const ack = await c.coordinator.post(`/api/v1/feedback/${id}/acknowledge`, { ownerId: p.coordinator.id, message: 'I am checking why the certificate job held yours.' });
    expect(ack.status).toBe(200);
    expect(ack.body.clocks.find((k: { key: string }) => k.key === 'feedback.acknowledged')).toMatchObject({ state: 'met', elapsedBusinessMinutes: 120 });
    expect(ack.body.status).toBe('acknowledged');

    await c.coordinator.post(`/api/v1/feedback/${id}/notes`, { note: 'The completion was recorded late by the instructor.' });
    s.clock.advance(24 * 3600_000);
    const response = 'Your completion was recorded late. Instructors now record attendance the same day, and the certificate job alerts us after two days.';
    expect((await c.coordinator.post(`/api/v1/feedback/${id}/respond`, { response })).body.clocks.every((k: { state: string }) => k.state === 'met')).toBe(true);

    followed = await anyone.get(`/api/v1/feedback/follow/${followToken}`);
    expect(followed.body).toMatchObject({ status: 'responded', response, owner: { name: 'Cora Coordinator' }, sender: null });
    // The sender sees the handling steps but never the unit's internal notes.
    expect(followed.body.events.map((e: { type: string }) => e.type)).toEqual(['received', 'acknowledged', 'responded']);
    expect(followed.text).not.toContain('recorded late by the instructor');

    const reply = await anyone.post(`/api/v1/feedback/follow/${followToken}/reply`, { satisfied: true, comment: 'Thank you.' });
    expect(reply.body).toMatchObject({ status: 'closed', senderSatisfied: true });
    expect((await anyone.post(`/api/v1/feedback/follow/${followToken}/reply`, { satisfied: true })).status).toBe(409);
    expect((await anyone.get(`/api/v1/feedback/follow/${followToken}x`)).status).toBe(404);
    // The audit log of the sender's reply has no actor either.
    const audit = await s.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audit.find((a) => a.action === 'feedback.sender-replied')?.actorId).toBeNull();
  });

  it('FB-1 a named sender is told each step by mail, sees their own feedback, and a not-settled reply sends it back', async () => {
    const sent = await c.sender.post('/api/v1/feedback', complaint({ anonymous: false, category: 'session-logistics', about: 'Room B12', body: 'The room was locked for 40 minutes.' }));
    expect(sent.status).toBe(201);
    const { id, followToken } = sent.body;
    expect((await s.db.select().from(outbox).where(eq(outbox.idempotencyKey, `feedback:${id}:received`)))[0]).toMatchObject({ toAddress: p.sender.email });
    expect((await c.coordinator.get(`/api/v1/feedback/${id}`)).body.sender).toEqual({ id: p.sender.id, name: p.sender.name, email: p.sender.email });
    expect((await c.sender.get('/api/v1/feedback/mine')).body.map((f: { id: string }) => f.id)).toContain(id);
    await c.lead.post(`/api/v1/feedback/${id}/acknowledge`, { ownerId: p.lead.id, message: 'I will talk to facilities.' });
    await c.lead.post(`/api/v1/feedback/${id}/notes`, { note: 'Facilities changed the lock codes without telling us.' });
    expect((await c.sender.get(`/api/v1/feedback/${id}`)).text).not.toContain('lock codes');
    await c.lead.post(`/api/v1/feedback/${id}/respond`, { response: 'Facilities now send us code changes a week ahead.' });
    const mails = await s.db.select().from(outbox).where(like(outbox.idempotencyKey, `feedback:${id}:%`));
    expect(mails.map((m) => m.subject)).toEqual(expect.arrayContaining([expect.stringMatching(/Uma Unitlead is looking into your feedback/), expect.stringMatching(/What we found/)]));
    expect(mails.every((m) => m.toAddress === p.sender.email)).toBe(true);
    const notYet = await s.client().post(`/api/v1/feedback/follow/${followToken}/reply`, { satisfied: false });
    expect(notYet.status).toBe(400);
    expect(notYet.body.errors).toEqual([{ field: 'comment', message: 'Tell us what is still wrong, so we can look again.' }]);
    expect((await s.client().post(`/api/v1/feedback/follow/${followToken}/reply`, { satisfied: false, comment: 'It happened again last week.' })).body.status).toBe('investigating');
    expect((await c.lead.post(`/api/v1/feedback/${id}/close`, { note: 'Called her.' })).status).toBe(409);
    await c.lead.post(`/api/v1/feedback/${id}/respond`, { response: 'Facilities confirmed the new rule in writing.' });
    expect((await c.lead.post(`/api/v1/feedback/${id}/close`, { note: 'Called her; she agreed it is settled.' })).body.status).toBe('closed');
    expect((await c.lead.post(`/api/v1/feedback/${id}/notes`, { note: 'late' })).status).toBe(409);
  });

  it('FB-1 a guest can send named feedback with a name and e-mail, or must choose anonymous', async () => {
    const guest = s.client();
    const missing = await guest.post('/api/v1/feedback', complaint({ anonymous: false, kind: 'compliment', category: 'instructor', body: 'Great session.' }));
    expect(missing.status).toBe(400);
    expect(missing.body.errors.map((e: { field: string }) => e.field)).toEqual(['name', 'email']);
    const named = await guest.post('/api/v1/feedback', complaint({ anonymous: false, name: 'Gil Guest', email: 'gil@contractor.example', kind: 'compliment', category: 'instructor', body: 'Great session.' }));
    expect(named.status).toBe(201);
  });

  it('FB-1 bad input is refused field by field: empty and oversized texts, attachments of the wrong type, an anonymous message with a name', async () => {
    const empty = await c.other.post('/api/v1/feedback', complaint({ body: '   ' }));
    expect(empty.status).toBe(400);
    expect(empty.body.errors).toEqual([{ field: 'body', message: 'Write what happened.' }]);
    const long = await c.other.post('/api/v1/feedback', complaint({ body: 'x'.repeat(5001) }));
    expect(long.body.errors).toEqual([{ field: 'body', message: 'This is too long (5,000 characters at most).' }]);
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100, 0x90)]).toString('base64');
    const wrong = await c.other.post('/api/v1/feedback', complaint({ attachments: [{ name: 'screenshot.png', content: exe }] }));
    expect(wrong.status).toBe(415);
    expect(wrong.body.errors).toEqual([{ field: 'attachments.0.content', message: expect.stringMatching(/“screenshot\.png” looks like a Windows program, whatever its name says\. Attach a PDF, PNG image, JPEG image or plain text/) }]);
    const named = await c.other.post('/api/v1/feedback', complaint({ name: 'Ari' }));
    expect(named.body.errors[0].field).toBe('anonymous');
    const unknownOwner = await c.coordinator.post(`/api/v1/feedback/${(await c.other.post('/api/v1/feedback', complaint())).body.id}/acknowledge`, { ownerId: p.other.id, message: 'x' });
    expect(unknownOwner.body.errors).toEqual([{ field: 'ownerId', message: 'Choose a unit lead, coordinator or admin who handles feedback.' }]);
  });

  it('FB-1 attachments are served to the unit and the named sender only, as downloads', async () => {
    const sent = await c.sender.post('/api/v1/feedback', complaint({ anonymous: false, attachments: [{ name: 'proof.png', content: png.toString('base64') }] }));
    const view = (await c.coordinator.get(`/api/v1/feedback/${sent.body.id}`)).body;
    const url = `/api/v1/feedback/${sent.body.id}/files/${view.attachments[0].id}`;
    const file = await c.coordinator.get(url);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.headers['content-disposition']).toMatch(/^attachment;/);
    expect((await c.sender.get(url)).status).toBe(200);
    expect((await c.other.get(url)).status).toBe(404);
    expect((await c.leader.get(url)).status).toBe(404);
  });

  it('FB-1 the trend counts what people tell the unit about, by month and category, never by person', async () => {
    const trend = await c.leader.get('/api/v1/feedback/trend?months=3');
    expect(trend.status).toBe(200);
    expect(trend.body.months).toEqual(['2026-10', '2026-11', '2026-12']);
    const december = trend.body.rows.filter((r: { month: string }) => r.month === '2026-12');
    expect(december.find((r: { category: string; kind: string }) => r.category === 'certificate' && r.kind === 'complaint')?.count).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(trend.body)).not.toMatch(/sender|person|name/i);
    expect((await c.other.get('/api/v1/feedback/trend')).status).toBe(403);
    expect((await c.leader.get('/api/v1/feedback')).status).toBe(403);
  });

  it('counts months across a year boundary', () => {
    expect(monthsEnding('2027-02-10', 4)).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
  });
});
