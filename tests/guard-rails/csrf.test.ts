import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { accessTable } from './access-table';
import { callers, type AccessEntry, type Caller } from './access/expectations';
import { createWorld, type World } from './cast';
import { fillPath, listOperations, type Operation } from './openapi-operations';
import { fingerprintDatabase, fingerprintDiff } from '../support/database-fingerprint';
import { TEST_PASSWORD } from '../support/factories';
import { buildApp } from '../../src/app/build-app';

// Every state-changing operation the OpenAPI document publishes, called by a
// signed-in caller the access table allows (the admin where allowed; otherwise
// the one it names, such as the requester for their own request) with a request
// that succeeds when the CSRF token is right, and refused — 403, nothing
// written — when the token is missing or wrong or the request comes from
// another site.

/**
 * Operations allowed to skip the CSRF check (config.csrf: false), each with
 * the reason. Decision 005 allows it only for a link that must work straight
 * from a mail client (one-click unsubscribe).
 */
const csrfExempt: Record<string, string> = {
  'POST /api/v1/unsubscribe/{token}':
    'RFC 8058 one-click unsubscribe: the mail client POSTs with no cookies and no token of ours; the 256-bit link token is the proof, and all it can do is stop that digest (decision 015).',
};

let world: World;
let operations: Operation[];
let security: Map<string, Record<string, unknown>[] | undefined>;

beforeAll(async () => {
  world = await createWorld();
  operations = listOperations(world.stride.app).filter((o) => o.stateChanging);
  const doc = world.stride.app.swagger() as { paths: Record<string, Record<string, { security?: Record<string, unknown>[] }>> };
  security = new Map(Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([m, op]) => [`${m.toUpperCase()} ${path}`, op.security])));
});
afterAll(async () => {
  await world?.close();
});

type Session = { session?: string; csrf: string };
let nextAddress = 1;

/**
 * Who makes the call: the admin where the table allows it, else the first caller it allows — some writes
 * belong to one person only (the requester's own request, the supervisor's review of a suggestion).
 */
function callerFor(entry: AccessEntry): Caller {
  if (entry.expect.admin === 'allow') return 'admin';
  const caller = callers.find((c) => c !== 'anonymous' && entry.expect[c] === 'allow') ?? callers.find((c) => entry.expect[c] === 'allow');
  if (!caller) throw new Error('an operation nobody may call has nothing to prove here');
  return caller;
}

/**
 * A session made by hand, so each request below says exactly which cookies and headers it sends.
 * An anonymous caller (sign-in, password reset) holds only the CSRF cookie.
 */
async function sessionOf(caller: Caller): Promise<Session & { address: string }> {
  const address = `10.99.${Math.floor(nextAddress / 250)}.${(nextAddress++ % 250) + 1}`;
  const app = world.stride.app;
  const first = await app.inject({ method: 'GET', url: '/api/v1/session', remoteAddress: address });
  const csrf = first.cookies.find((c) => c.name === 'stride_csrf')!.value;
  if (caller === 'anonymous') return { csrf, address };
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/session',
    remoteAddress: address,
    headers: { 'content-type': 'application/json', cookie: `stride_csrf=${csrf}`, 'x-csrf-token': csrf },
    payload: JSON.stringify({ email: world.people[caller].email, password: TEST_PASSWORD }),
  });
  if (res.statusCode !== 200) throw new Error(`${caller} sign-in failed: ${res.statusCode} ${res.body}`);
  return { session: res.cookies.find((c) => c.name === 'stride_session')!.value, csrf, address };
}

type Attempt = { label: string; cookies: Partial<Session>; headers: Record<string, string> };

/** The ways a forged or stale request arrives; each must be refused. */
function forgeries(s: Session): Attempt[] {
  const other = randomBytes(32).toString('base64url');
  return [
    { label: 'no x-csrf-token header', cookies: s, headers: {} },
    { label: 'a token that does not match the cookie', cookies: s, headers: { 'x-csrf-token': other } },
    { label: 'an empty token', cookies: s, headers: { 'x-csrf-token': '' } },
    { label: 'a header but no CSRF cookie', cookies: { session: s.session }, headers: { 'x-csrf-token': s.csrf } },
    { label: 'a foreign Origin with the right token', cookies: s, headers: { 'x-csrf-token': s.csrf, origin: 'https://evil.example' } },
    { label: 'a look-alike Origin with the right token', cookies: s, headers: { 'x-csrf-token': s.csrf, origin: 'http://localhost:80.evil.example' } },
    { label: 'Origin: null with the right token', cookies: s, headers: { 'x-csrf-token': s.csrf, origin: 'null' } },
    { label: 'Sec-Fetch-Site: cross-site with the right token', cookies: s, headers: { 'x-csrf-token': s.csrf, 'sec-fetch-site': 'cross-site' } },
  ];
}

function send(operation: Operation, url: string, body: unknown, attempt: Attempt, address: string): Promise<LightMyRequestResponse> {
  const cookie = [attempt.cookies.session && `stride_session=${attempt.cookies.session}`, attempt.cookies.csrf && `stride_csrf=${attempt.cookies.csrf}`].filter(Boolean).join('; ');
  return world.stride.app.inject({
    method: operation.method,
    url,
    remoteAddress: address,
    headers: { ...(cookie ? { cookie } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...attempt.headers },
    ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
  });
}

function withQuery(url: string, query: Record<string, string> | undefined): string {
  return query && Object.keys(query).length > 0 ? `${url}?${new URLSearchParams(query).toString()}` : url;
}

/** An applied import runs on after its 202; wait for it, so its writes are not taken for the next operation's. */
async function settle(res: { status: number; body: any }): Promise<void> {
  if (res.status !== 202 || res.body?.status !== 'applying') return;
  const client = world.session('admin').clone();
  for (let i = 0; i < 200; i++) {
    const st = await client.get(`/api/v1/people-imports/${String(res.body.id)}`);
    if (st.body?.status !== 'applying') return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the import did not finish');
}

describe('CSRF protection on every state-changing operation', () => {
  it('the allow-list names only published state-changing operations', () => {
    const keys = operations.map((o) => o.key);
    expect(Object.keys(csrfExempt).filter((k) => !keys.includes(k))).toEqual([]);
    for (const [key, why] of Object.entries(csrfExempt)) expect(why.trim().length, key).toBeGreaterThan(20);
  });

  it('the OpenAPI document asks for the x-csrf-token header on each, unless allow-listed', () => {
    expect(operations.length).toBeGreaterThan(0);
    const missing = operations.filter((o) => !(security.get(o.key) ?? []).some((r) => 'csrf' in r) && !csrfExempt[o.key]).map((o) => o.key);
    expect(missing, 'operations that opt out of CSRF (config.csrf: false) without an entry in csrfExempt').toEqual([]);
  });

  it('refuses a missing, wrong or cross-site token with 403 and writes nothing; the same request with the token succeeds', async () => {
    const failures: string[] = [];
    let refused = 0;
    for (const operation of operations) {
      if (csrfExempt[operation.key]) continue;
      const entry = accessTable[operation.key];
      if (!entry) {
        failures.push(`${operation.key}: no entry in the access table (the permissions matrix names it too)`);
        continue;
      }
      const caller = callerFor(entry);
      // The request is prepared (and any record it needs created) before the database is measured.
      const spec = (await entry.request?.(world, caller)) ?? {};
      const url = withQuery(fillPath(operation.path, spec.params ?? {}), spec.query);
      const body = spec.body ?? (operation.method === 'DELETE' ? undefined : {});
      const signedIn = await sessionOf(caller);
      const before = await fingerprintDatabase(world.stride.database);
      for (const attempt of forgeries(signedIn)) {
        const res = await send(operation, url, body, attempt, signedIn.address);
        refused += 1;
        if (res.statusCode !== 403) failures.push(`${operation.key} with ${attempt.label}: expected 403, got ${res.statusCode} ${res.body.slice(0, 200)}`);
        else if (!String(res.headers['content-type']).startsWith('application/problem+json') || (res.json() as { code?: string }).code !== 'forbidden') {
          failures.push(`${operation.key} with ${attempt.label}: 403 is not a forbidden problem: ${res.body.slice(0, 200)}`);
        }
      }
      const changed = fingerprintDiff(before, await fingerprintDatabase(world.stride.database));
      if (changed.length > 0) failures.push(`${operation.key}: refused requests changed ${changed.join(', ')}`);

      // The control: the very same request, with the token, goes through — so the refusals above were the token's doing.
      const client = entry.endsSession ? await world.freshSession(caller) : world.session(caller).clone();
      const ok = await client.request(operation.method, url, body);
      if (ok.status < 200 || ok.status > 299) failures.push(`${operation.key} as ${caller} with the right token: expected success, got ${ok.status} ${ok.text.slice(0, 200)}`);
      await settle(ok);
    }
    console.info(`CSRF: ${operations.length} state-changing operations, ${refused} forged requests refused`);
    expect(failures).toEqual([]);
    expect(refused).toBe(operations.filter((o) => !csrfExempt[o.key]).length * 8);
    // Eight forged requests for each state-changing operation (about a hundred of them now): more than the
    // default 30 s on a loaded two-core machine.
  }, 180_000);

  it('behind a trusted proxy, the Origin is compared with the forwarded host; without trust, X-Forwarded-Host counts for nothing', async () => {
    const { app: proxied } = await buildApp({ database: world.stride.database, clock: world.stride.clock, publicUrl: 'https://stride.example', trustProxy: true, logLevel: 'silent' });
    try {
      const attempt = async (app: typeof proxied, origin: string) => {
        const first = await app.inject({ method: 'GET', url: '/api/v1/session' });
        const csrf = first.cookies.find((c) => c.name === 'stride_csrf')!.value;
        const res = await app.inject({
          method: 'POST',
          url: '/api/v1/password-resets',
          headers: { host: '10.0.0.5:3000', 'x-forwarded-host': 'stride.example', 'x-forwarded-proto': 'https', origin, cookie: `stride_csrf=${csrf}`, 'x-csrf-token': csrf, 'content-type': 'application/json' },
          payload: JSON.stringify({ email: `nobody.${randomBytes(3).toString('hex')}@example.org` }),
        });
        return res.statusCode;
      };
      expect(await attempt(proxied, 'https://stride.example')).toBe(202);
      expect(await attempt(proxied, 'https://evil.example')).toBe(403);
      expect(await attempt(world.stride.app, 'https://stride.example')).toBe(403);
    } finally {
      await proxied.close();
    }
  });
});
