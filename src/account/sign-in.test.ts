import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestStride, type TestStride } from '../../tests/support/test-stride';
import { createPerson, TEST_PASSWORD } from '../../tests/support/factories';
import { outbox } from '../platform/mail/schema';
import { sessions } from './schema';

let s: TestStride;
beforeAll(async () => {
  s = await createTestStride();
});
afterAll(() => s.close());

describe('sign-in', () => {
  it('signs in with e-mail and password, and the session cookie is HttpOnly and SameSite', async () => {
    const person = await createPerson(s.db, { name: 'Zoë Åkesson' });
    const c = s.client();
    await c.get('/api/v1/session');
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      headers: { 'content-type': 'application/json', cookie: `stride_csrf=${c.csrf}`, 'x-csrf-token': c.csrf! },
      payload: JSON.stringify({ email: person.email.toUpperCase(), password: TEST_PASSWORD }),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().actor.name).toBe('Zoë Åkesson');
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/stride_session=[^;]+;.*HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
  });

  it('refuses a wrong password with the same message as an unknown e-mail', async () => {
    const person = await createPerson(s.db);
    const wrong = await s.client().post('/api/v1/session', { email: person.email, password: 'nope-nope-nope' });
    const unknown = await s.client().post('/api/v1/session', { email: 'nobody@example.org', password: 'nope-nope-nope' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.detail).toBe(unknown.body.detail);
    expect(wrong.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('answers bad input field by field with a 400 problem', async () => {
    const res = await s.client().post('/api/v1/session', { email: 'not-an-email', password: '' });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['email', 'password']);
  });

  it('rejects a state-changing request without the CSRF token', async () => {
    const person = await createPerson(s.db);
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: person.email, password: TEST_PASSWORD }),
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toMatch(/CSRF/);
  });

  it('rejects a cross-site Origin even with a token', async () => {
    const c = s.client();
    await c.get('/api/v1/session');
    const res = await c.request('POST', '/api/v1/session', { email: 'a@b.co', password: 'x' }, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
  });

  it('rate-limits sign-in attempts', async () => {
    const c = s.client();
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await c.post('/api/v1/session', { email: 'x@y.org', password: 'wrong' })).status);
    expect(statuses).toContain(429);
  });

  it('signs out and the session no longer works', async () => {
    const person = await createPerson(s.db);
    const c = await s.signInAs(person);
    expect((await c.get('/api/v1/people')).status).toBe(200);
    expect((await c.delete('/api/v1/session')).status).toBe(204);
    expect((await c.get('/api/v1/people')).status).toBe(401);
  });
});

describe('password reset', () => {
  it('mails a one-time link through the outbox, with the unit contact details, and the link sets a new password', async () => {
    const person = await createPerson(s.db);
    const before = await s.signInAs(person);
    const res = await s.client().post('/api/v1/password-resets', { email: person.email });
    expect(res.status).toBe(202);
    const [mail] = await s.db.select().from(outbox).where(eq(outbox.toAddress, person.email));
    expect(mail?.subject).toMatch(/Reset your Stride password/);
    expect(mail?.textBody).toContain('learning@test.example');
    const token = /token=([A-Za-z0-9_-]+)/.exec(mail!.textBody)![1]!;
    const confirm = await s.client().post('/api/v1/password-resets/confirm', { token, password: 'a brand new password' });
    expect(confirm.status).toBe(204);
    const again = await s.client().post('/api/v1/password-resets/confirm', { token, password: 'another new password' });
    expect(again.status).toBe(400);
    const signIn = await s.client().post('/api/v1/session', { email: person.email, password: 'a brand new password' });
    expect(signIn.status).toBe(200);
    // Every earlier session ended with the reset.
    expect(await s.db.select().from(sessions).where(eq(sessions.personId, person.id))).toHaveLength(1);
    void before;
  });

  it('answers the same for an unknown address and queues nothing', async () => {
    const res = await s.client().post('/api/v1/password-resets', { email: 'ghost@example.org' });
    expect(res.status).toBe(202);
    expect(await s.db.select().from(outbox).where(eq(outbox.toAddress, 'ghost@example.org'))).toHaveLength(0);
  });
});

describe('password change', () => {
  it('ends every other session of the person and keeps the one that made the change', async () => {
    const person = await createPerson(s.db);
    const here = await s.signInAs(person);
    const elsewhere = await s.signInAs(person);
    const res = await here.post('/api/v1/account/password', { currentPassword: TEST_PASSWORD, newPassword: 'a fresh long password' });
    expect(res.status).toBe(204);
    expect((await here.get('/api/v1/session')).body.actor?.id).toBe(person.id);
    expect((await elsewhere.get('/api/v1/session')).body.actor).toBeNull();
    expect(await s.db.select().from(sessions).where(eq(sessions.personId, person.id))).toHaveLength(1);
  });

  it('refuses a wrong current password field by field and changes nothing', async () => {
    const person = await createPerson(s.db);
    const here = await s.signInAs(person);
    const elsewhere = await s.signInAs(person);
    const res = await here.post('/api/v1/account/password', { currentPassword: 'not it at all', newPassword: 'a fresh long password' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'currentPassword', message: 'This is not your current password.' }]);
    expect((await elsewhere.get('/api/v1/session')).body.actor?.id).toBe(person.id);
  });
});
