import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { courseBody, sessionBody } from '../../tests/support/catalog-factories';
import { createPerson, type TestPerson } from '../../tests/support/factories';
import { createSubscriber, issueUnsubscribeLink } from '../../tests/support/marketing-factories';
import { createTestStride, type TestStride } from '../../tests/support/test-stride';
import type { TestClient } from '../../tests/support/test-client';
import { auditLog } from '../platform/audit/schema';
import { hashToken } from '../platform/auth/tokens';
import { digestInterests, digestSubscriptions, digestUnsubscribeTokens } from './schema';

// CA-6 through the API: each person's own choice of digest (opt-in only), the preview of the next
// digest, and the one-click unsubscribe (RFC 8058) that works without signing in.

let stride: TestStride;
let lena: TestPerson;
let client: TestClient;
let editor: TestClient;
const ids: Record<string, string> = {};

beforeAll(async () => {
  stride = await createTestStride();
  stride.clock.set(new Date('2026-11-20T10:00:00Z'));
  const coordinator = await createPerson(stride.db, { name: 'Cora Coordinator', roles: ['coordinator'] });
  editor = await stride.signInAs(coordinator);
  for (const name of ['Safety', 'Finance', 'Leadership']) ids[name] = String((await editor.post('/api/v1/interests', { name })).body.id);
  const course = await editor.post('/api/v1/courses', courseBody(coordinator.id, { title: 'Working Near Live Lines', interestIds: [ids.Safety] }));
  await editor.post(`/api/v1/courses/${course.body.id}/publish`, { revision: 1 });
  for (const days of [0, 3, 20]) await editor.post(`/api/v1/courses/${course.body.id}/sessions`, sessionBody(new Date(stride.clock.now().getTime() + days * 86_400_000)));
  lena = await createPerson(stride.db, { name: 'Lena Learner' });
  client = await stride.signInAs(lena);
});
afterAll(async () => {
  await stride?.close();
});

const oneClick = (token: string, payload = 'List-Unsubscribe=One-Click', contentType = 'application/x-www-form-urlencoded') =>
  stride.app.inject({ method: 'POST', url: `/api/v1/unsubscribe/${token}`, headers: { 'content-type': contentType }, payload });

describe('CA-6 my digest preferences', () => {
  it('nobody receives a digest without choosing: someone new has it off, with no interests', async () => {
    const res = await client.get('/api/v1/marketing/preferences');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ subscribed: false, frequency: 'monthly', interestIds: [], optedInAt: null, stoppedAt: null, lastSentAt: null, nextDigestOn: null });
    expect(await stride.db.select().from(digestSubscriptions).where(eq(digestSubscriptions.personId, lena.id))).toEqual([]);
  });

  it('round trip: switch it on with interests and a rhythm, change them, stop it (interests kept), start it again', async () => {
    const on = await client.put('/api/v1/marketing/preferences', { subscribed: true, frequency: 'weekly', interestIds: [ids.Safety, ids.Leadership] });
    expect(on.status).toBe(200);
    expect(on.body).toMatchObject({ subscribed: true, frequency: 'weekly', optedInAt: stride.clock.now().toISOString(), stoppedAt: null, nextDigestOn: '2026-11-21' }); // it is 10:00 UTC: today's 07:00 run is over
    expect([...on.body.interestIds].sort()).toEqual([ids.Safety, ids.Leadership].sort());
    expect((await client.get('/api/v1/marketing/preferences')).body).toEqual(on.body);

    const changed = await client.put('/api/v1/marketing/preferences', { subscribed: true, frequency: 'monthly', interestIds: [ids.Finance] });
    expect(changed.body).toMatchObject({ subscribed: true, frequency: 'monthly', interestIds: [ids.Finance] });

    const stopped = await client.put('/api/v1/marketing/preferences', { subscribed: false, frequency: 'monthly', interestIds: [ids.Finance] });
    expect(stopped.body).toMatchObject({ subscribed: false, interestIds: [ids.Finance], stoppedAt: stride.clock.now().toISOString(), nextDigestOn: null });

    const again = await client.put('/api/v1/marketing/preferences', { subscribed: true, frequency: 'weekly', interestIds: [ids.Safety] });
    expect(again.body).toMatchObject({ subscribed: true, frequency: 'weekly', interestIds: [ids.Safety] });
    const marketingAudit = async () => (await stride.db.select().from(auditLog).where(eq(auditLog.entityId, lena.id))).map((a) => a.action).filter((a) => a.startsWith('marketing.'));
    const actions = await marketingAudit();
    expect(actions).toEqual(['marketing.digest-started', 'marketing.digest-preferences-changed', 'marketing.digest-stopped', 'marketing.digest-started']);
    // Saving the same choice again changes nothing.
    await client.put('/api/v1/marketing/preferences', { subscribed: true, frequency: 'weekly', interestIds: [ids.Safety] });
    expect(await marketingAudit()).toHaveLength(4);
  });

  it('refuses, field by field, a digest without interests, unknown or repeated interests and an unknown rhythm', async () => {
    const fieldsOf = async (body: unknown) => {
      const res = await client.put('/api/v1/marketing/preferences', body);
      expect(res.status).toBe(400);
      expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
      return (res.body.errors as { field: string; message: string }[]).map((e) => `${e.field}: ${e.message}`);
    };
    expect(await fieldsOf({ subscribed: true, frequency: 'weekly', interestIds: [] })).toEqual(['interestIds: Choose at least one interest: the digest lists only what matches the interests you choose.']);
    expect(await fieldsOf({ subscribed: true, frequency: 'weekly', interestIds: ['00000000-0000-4000-8000-000000000000'] })).toEqual(['interestIds: Choose interests from the list: one of these is not an interest in the catalog.']);
    expect(await fieldsOf({ subscribed: true, frequency: 'weekly', interestIds: [ids.Safety, ids.Safety] })).toEqual(['interestIds: Each interest once.']);
    expect((await fieldsOf({ subscribed: true, frequency: 'daily', interestIds: [ids.Safety] }))[0]).toMatch(/^frequency: /);
    expect((await fieldsOf({ frequency: 'weekly' }))[0]).toMatch(/^subscribed: /);
    expect((await client.get('/api/v1/marketing/preferences')).body).toMatchObject({ subscribed: true, interestIds: [ids.Safety] });
  });

  it('is each person’s own: signed out, one is asked to sign in', async () => {
    const anonymous = stride.client();
    expect((await anonymous.get('/api/v1/marketing/preferences')).status).toBe(401);
    expect((await anonymous.put('/api/v1/marketing/preferences', { subscribed: true, frequency: 'weekly', interestIds: [ids.Safety] })).status).toBe(401);
  });

  it('previews what the next digest would hold today, for the saved choice or the one being made', async () => {
    const saved = await client.get('/api/v1/marketing/preferences/preview');
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ frequency: 'weekly', interestIds: [ids.Safety], moreNewCourses: 0 });
    expect(saved.body.newCourses.map((c: { title: string }) => c.title)).toEqual(['Working Near Live Lines']);
    // Sessions 7 and 10 days ahead fall in a weekly digest's two weeks; the one 27 days ahead does not.
    expect(saved.body.upcomingSessions).toHaveLength(2);
    expect(saved.body.upcomingSessions[0]).toMatchObject({ seatsLeft: 12, timeZone: 'America/New_York', course: { title: 'Working Near Live Lines' } });
    expect(saved.body.upcomingSessions[0].when).toMatch(/9:00 AM – 5:00 PM EST$/);

    const monthly = await client.get(`/api/v1/marketing/preferences/preview?frequency=monthly&interests=${ids.Safety}`);
    expect(monthly.body.upcomingSessions).toHaveLength(3);
    const other = await client.get(`/api/v1/marketing/preferences/preview?interests=${ids.Finance},${ids.Leadership}`);
    expect(other.body).toMatchObject({ newCourses: [], upcomingSessions: [] });
    const none = await client.get('/api/v1/marketing/preferences/preview?interests=');
    expect(none.body).toMatchObject({ interestIds: [], newCourses: [], upcomingSessions: [] });
    const bad = await client.get('/api/v1/marketing/preferences/preview?interests=not-an-id');
    expect(bad.status).toBe(400);
  });
});

describe('CA-6 one-click unsubscribe (RFC 8058)', () => {
  it('a form-encoded POST, without cookies or CSRF token, stops the digest; a second one changes nothing and says so', async () => {
    const person = await createSubscriber(stride.db, stride.clock, [ids.Safety!], { name: 'Una Unsub' });
    const token = await issueUnsubscribeLink(stride.db, stride.clock, person.id, '2026-W47');

    const first = await oneClick(token);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ subscribed: false, alreadyUnsubscribed: false, email: `p•••@example.org`, frequency: 'weekly', interests: ['Safety'] });
    const [row] = await stride.db.select().from(digestSubscriptions).where(eq(digestSubscriptions.personId, person.id));
    expect(row).toMatchObject({ subscribed: false, stoppedAt: stride.clock.now() });
    const [used] = await stride.db.select().from(digestUnsubscribeTokens).where(eq(digestUnsubscribeTokens.tokenHash, hashToken(token)));
    expect(used!.usedAt).toEqual(stride.clock.now());
    const audits = await stride.db.select().from(auditLog).where(eq(auditLog.entityId, person.id));
    expect(audits.map((a) => [a.action, a.actorId])).toEqual([['marketing.digest-started', person.id], ['marketing.digest-unsubscribed', null]]);

    stride.clock.advance(60_000);
    const second = await oneClick(token);
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({ subscribed: false, alreadyUnsubscribed: true });
    const [after] = await stride.db.select().from(digestUnsubscribeTokens).where(eq(digestUnsubscribeTokens.tokenHash, hashToken(token)));
    expect(after!.usedAt).toEqual(used!.usedAt);
    expect(await stride.db.select().from(auditLog).where(eq(auditLog.entityId, person.id))).toHaveLength(2);
    // Interests are kept, so starting again is one click.
    expect(await stride.db.select().from(digestInterests).where(eq(digestInterests.personId, person.id))).toHaveLength(1);
  });

  it('also takes the multipart body RFC 8058 recommends, and JSON from Stride’s own page', async () => {
    const [a, b] = [await createSubscriber(stride.db, stride.clock, [ids.Safety!]), await createSubscriber(stride.db, stride.clock, [ids.Safety!])];
    const boundary = '----stride1234';
    const multipart = [`--${boundary}`, 'Content-Disposition: form-data; name="List-Unsubscribe"', '', 'One-Click', `--${boundary}--`, ''].join('\r\n');
    expect((await oneClick(await issueUnsubscribeLink(stride.db, stride.clock, a.id), multipart, `multipart/form-data; boundary=${boundary}`)).statusCode).toBe(200);
    expect((await oneClick(await issueUnsubscribeLink(stride.db, stride.clock, b.id), '{"List-Unsubscribe":"One-Click"}', 'application/json')).statusCode).toBe(200);
    const rows = await stride.db.select().from(digestSubscriptions);
    expect(rows.filter((r) => [a.id, b.id].includes(r.personId)).map((r) => r.subscribed)).toEqual([false, false]);
  });

  it('a GET of the link says whose digest it stops, and changes nothing (a link scanner unsubscribes nobody)', async () => {
    const person = await createSubscriber(stride.db, stride.clock, [ids.Safety!, ids.Leadership!], { frequency: 'monthly' });
    const token = await issueUnsubscribeLink(stride.db, stride.clock, person.id);
    const res = await stride.app.inject({ method: 'GET', url: `/api/v1/unsubscribe/${token}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ subscribed: true, email: 'p•••@example.org', frequency: 'monthly', interests: ['Leadership', 'Safety'] });
    const [row] = await stride.db.select().from(digestSubscriptions).where(eq(digestSubscriptions.personId, person.id));
    expect(row!.subscribed).toBe(true);
  });

  it('a bad token is a clear 404 problem, and a body that is not a one-click is refused', async () => {
    for (const token of ['nope', 'a'.repeat(43), `${'x'.repeat(42)}%00`]) {
      const res = await oneClick(token);
      expect([404, 400]).toContain(res.statusCode);
      expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
    }
    const unknown = await oneClick('Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'not_found', detail: expect.stringMatching(/^This unsubscribe link is not valid/) });
    expect((await stride.app.inject({ method: 'GET', url: '/api/v1/unsubscribe/Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6' })).statusCode).toBe(404);

    const person = await createSubscriber(stride.db, stride.clock, [ids.Safety!]);
    const token = await issueUnsubscribeLink(stride.db, stride.clock, person.id);
    expect((await oneClick(token, 'List-Unsubscribe=Later')).statusCode).toBe(400);
    expect((await oneClick(token, '')).statusCode).toBe(400);
    expect((await oneClick(token, 'hello', 'text/plain')).statusCode).toBe(400);
    expect((await oneClick(token, '<x/>', 'application/xml')).statusCode).toBe(415);
    const [row] = await stride.db.select().from(digestSubscriptions).where(eq(digestSubscriptions.personId, person.id));
    expect(row!.subscribed).toBe(true);
  });

  it('restarting the digest rotates the links: an old one no longer works', async () => {
    const person = await createSubscriber(stride.db, stride.clock, [ids.Safety!]);
    const old = await issueUnsubscribeLink(stride.db, stride.clock, person.id);
    expect((await oneClick(old)).statusCode).toBe(200);
    const own = await stride.signInAs(person);
    expect((await own.put('/api/v1/marketing/preferences', { subscribed: true, frequency: 'weekly', interestIds: [ids.Safety] })).body.subscribed).toBe(true);
    expect((await oneClick(old)).statusCode).toBe(404);
    expect((await own.get('/api/v1/marketing/preferences')).body.subscribed).toBe(true);
  });
});
