import { Writable } from 'node:stream';
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app/build-app';
import { serializeError } from '../../src/platform/http/server';
import { fixedClock } from '../../src/platform/clock';
import { outbox } from '../../src/platform/mail/schema';
import type { App } from '../../src/platform/http/types';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { createPerson, setUnitContact, TEST_PASSWORD, type TestPerson } from '../support/factories';
import { TestClient, type TestResponse } from '../support/test-client';

// The app logs at its most verbose level (trace: every request line, every
// error) while people sign in, reset and change passwords, search for a
// colleague by name, and while the database fails under a request and under
// an import. Not one secret or piece of personal data may reach the log.

let database: TestDatabase;
let app: App;
const lines: string[] = [];
const secrets = new Map<string, string>(); // what → value
let admin: TestPerson;
let learner: TestPerson;

beforeAll(async () => {
  database = await createTestDatabase();
  await setUnitContact(database.db);
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  ({ app } = await buildApp({ database, clock: fixedClock(new Date()), publicUrl: 'http://stride.test', serveWeb: false, logLevel: 'trace', logStream }));
  await app.ready();
  admin = await createPerson(database.db, { name: 'Adelheid Logadmin', email: 'adelheid.logadmin@example.org', roles: ['admin'] });
  learner = await createPerson(database.db, { name: 'Lorna Logsearch', email: 'lorna.logsearch@example.org' });
  secrets.set("admin's e-mail", admin.email);
  secrets.set("learner's e-mail", learner.email);
  secrets.set('searched name', 'Logsearch');
  secrets.set("learner's full name", learner.name);
  secrets.set("admin's name", admin.name);
  secrets.set('password', TEST_PASSWORD);
}, 120_000);

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

function cookieOf(res: TestResponse, name: string): string {
  const value = ([] as string[]).concat((res.headers['set-cookie'] as string | string[] | undefined) ?? []).map((c) => new RegExp(`^${name}=([^;]*)`).exec(c)?.[1]).find(Boolean);
  if (!value) throw new Error(`no ${name} cookie in ${JSON.stringify(res.headers['set-cookie'])}`);
  return value;
}

async function signIn(person: TestPerson, password: string): Promise<TestClient> {
  const client = new TestClient(app);
  const res = await client.post('/api/v1/session', { email: person.email, password });
  expect(res.status, res.text).toBe(200);
  secrets.set(`${person.name}'s session token`, cookieOf(res, 'stride_session'));
  secrets.set(`${person.name}'s CSRF token`, client.csrf!);
  return client;
}

async function waitForImport(client: TestClient, id: string): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const st = await client.get(`/api/v1/people-imports/${id}`);
    if (st.body.status !== 'applying') return String(st.body.status);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the import did not finish');
}

describe('logs', () => {
  it('hold no password, token, e-mail address or name, whatever happens', async () => {
    // Sign-in: a wrong password, then the right one.
    const wrong = 'Wrong-Horse-Battery-9';
    secrets.set('wrong password', wrong);
    expect((await new TestClient(app).post('/api/v1/session', { email: admin.email, password: wrong })).status).toBe(401);
    const adminClient = await signIn(admin, TEST_PASSWORD);

    // Password reset: request, open the link page, confirm.
    const anonymous = new TestClient(app);
    expect((await anonymous.post('/api/v1/password-resets', { email: learner.email })).status).toBe(202);
    const [mail] = await database.db.select().from(outbox).where(eq(outbox.toAddress, learner.email)).orderBy(desc(outbox.id)).limit(1);
    const resetToken = /token=([\w-]+)/.exec(mail!.textBody)![1]!;
    secrets.set('reset token', resetToken);
    await anonymous.get(`/reset-password?token=${resetToken}`);
    const afterReset = 'Chosen-After-Reset-42';
    secrets.set('password chosen with the reset link', afterReset);
    expect((await anonymous.post('/api/v1/password-resets/confirm', { token: resetToken, password: afterReset })).status).toBe(204);

    // Change password: a wrong current password, then the right one.
    const learnerClient = await signIn(learner, afterReset);
    const changed = 'Changed-Password-Again-77';
    secrets.set('changed password', changed);
    expect((await learnerClient.post('/api/v1/account/password', { currentPassword: wrong, newPassword: changed })).status).toBe(400);
    expect((await learnerClient.post('/api/v1/account/password', { currentPassword: afterReset, newPassword: changed })).status).toBe(204);

    // Searches carry a name or an address in the query string.
    expect((await adminClient.get('/api/v1/people?q=Logsearch')).status).toBe(200);
    expect((await adminClient.get(`/api/v1/outbox?q=${encodeURIComponent(learner.email)}`)).status).toBe(200);

    // A read that fails in the database: the failed query's parameters hold the searched name.
    await database.execute('ALTER TABLE people RENAME TO people_elsewhere');
    try {
      const failed = await adminClient.get('/api/v1/people?q=Logsearch');
      expect(failed.status).toBe(500);
    } finally {
      await database.execute('ALTER TABLE people_elsewhere RENAME TO people');
    }

    // A write that fails in the database: PostgreSQL's detail ("Failing row contains …") and the parameters hold the row.
    const hidden = { name: 'Hector Hiddenrow', email: 'hector.hiddenrow@example.org' };
    secrets.set('name in a failed write', hidden.name);
    secrets.set('e-mail in a failed write', hidden.email);
    await database.execute(`ALTER TABLE people ADD CONSTRAINT logs_test_no_forbidden_title CHECK (job_title <> 'Forbidden title') NOT VALID`);
    try {
      const failed = await adminClient.post('/api/v1/people', { employeeId: 'LOG-1', ...hidden, jobTitle: 'Forbidden title' });
      expect(failed.status).toBe(500);

      // An import that fails while it applies, in the background.
      const imported = { name: 'Ivana Importfail', email: 'ivana.importfail@example.org' };
      secrets.set('name in a failed import', imported.name);
      secrets.set('e-mail in a failed import', imported.email);
      const preview = await adminClient.post('/api/v1/people-imports', {
        fileName: 'hr.csv',
        csv: `employee_id,name,email,job_title\nLOG-2,${imported.name},${imported.email},Forbidden title\n`,
      });
      expect(preview.status, preview.text).toBe(201);
      expect((await adminClient.post(`/api/v1/people-imports/${String(preview.body.id)}/apply`)).status).toBe(202);
      expect(await waitForImport(adminClient, String(preview.body.id))).toBe('failed');
    } finally {
      await database.execute('ALTER TABLE people DROP CONSTRAINT logs_test_no_forbidden_title');
    }

    // Sign out too.
    expect((await adminClient.delete('/api/v1/session')).status).toBe(204);

    const log = lines.join('');
    // The log is really there, and useful: request lines, and each failure with its kind and stack.
    expect(log).toContain('incoming request');
    expect(log).toContain('/api/v1/people?q=…');
    const failures = lines.map((l) => JSON.parse(l) as { msg?: string; err?: { type?: string; stack?: string; code?: string } }).filter((l) => l.err);
    expect(failures.map((f) => f.msg)).toEqual(expect.arrayContaining(['request failed', 'people import failed; nothing applied']));
    for (const f of failures) expect(f.err?.stack, JSON.stringify(f)).toMatch(/\n\s+at /);
    // A database failure keeps what an operator needs: the SQL text and PostgreSQL's own message.
    expect(log).toMatch(/"query":"insert into \\"people\\"/);
    expect(log).toContain('violates check constraint \\"logs_test_no_forbidden_title\\"');

    const found: string[] = [];
    for (const [what, value] of secrets) {
      for (const form of new Set([value, value.toLowerCase(), encodeURIComponent(value), encodeURIComponent(value).toLowerCase()])) {
        if (log.toLowerCase().includes(form.toLowerCase())) found.push(`${what} (${form})`);
      }
    }
    // Any e-mail address at all, in whatever field.
    const addresses = [...new Set(log.match(/[\w.+-]+(?:@|%40)[\w-]+\.[\w.-]+/gi) ?? [])];
    expect(found, `in the log:\n${log.slice(0, 4000)}`).toEqual([]);
    expect(addresses).toEqual([]);
  }, 120_000);

  it('an error keeps its kind, codes and stack, and loses the values it quotes', () => {
    const smtp = Object.assign(new Error('550 5.1.1 <lorna.logsearch@example.org>: Recipient address rejected'), { code: 'EENVELOPE', responseCode: 550 });
    const pg = Object.assign(new Error('invalid input syntax for type uuid: "Lorna Logsearch"'), { code: '22P02', detail: 'Failing row contains (Lorna Logsearch)' });
    const wrapped = Object.assign(new Error('Failed query: select 1 where name = $1\nparams: Lorna Logsearch'), { query: 'select 1 where name = $1', params: ['Lorna Logsearch'], cause: pg });
    const out = JSON.stringify([serializeError(smtp), serializeError(wrapped), serializeError('thrown text with lorna.logsearch@example.org')]);
    expect(out).not.toMatch(/Logsearch|@example\.org/);
    expect(serializeError(smtp)).toMatchObject({ type: 'Error', code: 'EENVELOPE', message: '550 5.1.1 <[e-mail]>: Recipient address rejected' });
    expect(serializeError(wrapped)).toMatchObject({ message: 'Failed query', query: 'select 1 where name = $1', cause: { code: '22P02', message: 'invalid input syntax for type uuid: [redacted]' } });
    expect(serializeError(wrapped).stack).toMatch(/^Error: Failed query\n\s+at /);
  });
});
