import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessTable } from './access-table';
import { createWorld, type World } from './cast';
import { fillPath, listOperations, type Operation } from './openapi-operations';
import { fingerprintDatabase, fingerprintDiff } from '../support/database-fingerprint';
import { createPerson, TEST_PASSWORD } from '../support/factories';
import { TestClient, type TestResponse } from '../support/test-client';
import { buildServer } from '../../src/platform/http/server';
import { buildApp } from '../../src/app/build-app';
import type { App } from '../../src/platform/http/types';

// Anyone on the internet can call a public operation that changes state. The
// server refuses to register one without a rate limit (or a stated reason);
// this file finds every such operation in the OpenAPI document and runs each
// into its limit.

/** The limits people are told about (decision 005): a new public operation adds its line here. */
const expectedLimits: Record<string, { max: number; windowSeconds: number }> = {
  'POST /api/v1/session': { max: 10, windowSeconds: 60 },
  'POST /api/v1/password-resets': { max: 5, windowSeconds: 15 * 60 },
  'POST /api/v1/password-resets/confirm': { max: 10, windowSeconds: 15 * 60 },
  'POST /api/v1/questions/guest': { max: 5, windowSeconds: 15 * 60 },
  'POST /api/v1/approvals/{token}': { max: 10, windowSeconds: 15 * 60 },
  'POST /api/v1/unsubscribe/{token}': { max: 120, windowSeconds: 60 },
  'POST /api/v1/follow-ups/by-token/{token}': { max: 10, windowSeconds: 15 * 60 },
  'POST /api/v1/feedback': { max: 30, windowSeconds: 15 * 60 },
  'POST /api/v1/feedback/follow/{token}/reply': { max: 10, windowSeconds: 15 * 60 },
  'POST /api/v1/request-surveys/{token}': { max: 10, windowSeconds: 15 * 60 },
};

/** Public state-changing operations without a limit, and why (the route says the same in config.rateLimitExempt). */
const unlimited: Record<string, string> = {
  'DELETE /api/v1/session': 'Sign-out only ends the caller’s own session; refusing it would keep someone signed in on a shared computer.',
};

let world: World;
let publicWrites: Operation[];

beforeAll(async () => {
  world = await createWorld();
  const doc = world.stride.app.swagger() as { paths: Record<string, Record<string, { security?: Record<string, unknown>[] }>> };
  const isPublic = (o: Operation) => !(doc.paths[o.path]?.[o.method.toLowerCase()]?.security ?? []).some((r) => 'session' in r);
  publicWrites = listOperations(world.stride.app).filter((o) => o.stateChanging && isPublic(o));
});
afterAll(async () => {
  await world?.close();
});

let addresses = 0;
const freshAddress = () => `10.66.${Math.floor(addresses / 250)}.${(addresses++ % 250) + 1}`;

async function call(client: TestClient, operation: Operation): Promise<TestResponse> {
  const spec = (await accessTable[operation.key]?.request?.(world, 'anonymous')) ?? {};
  return client.request(operation.method, fillPath(operation.path, spec.params ?? {}), spec.body ?? (operation.method === 'DELETE' ? undefined : {}));
}

describe('rate limits on public state-changing operations', () => {
  it('finds them in the OpenAPI document, and each has a stated limit or a stated reason for none', () => {
    const keys = publicWrites.map((o) => o.key).sort();
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.filter((k) => !expectedLimits[k] && !unlimited[k]), 'public operations that change state, without a line in expectedLimits or unlimited').toEqual([]);
    expect([...Object.keys(expectedLimits), ...Object.keys(unlimited)].filter((k) => !keys.includes(k)), 'stale lines').toEqual([]);
  });

  it('each answers 429 problem+json with Retry-After and x-ratelimit-* once past its limit, changes nothing then, and counts per client', async () => {
    const failures: string[] = [];
    for (const operation of publicWrites.filter((o) => expectedLimits[o.key])) {
      const expected = expectedLimits[operation.key]!;
      const client = new TestClient(world.stride.app, { remoteAddress: freshAddress() });
      // Within the limit: every answer shows the limit and what is left of it.
      for (let i = 1; i <= expected.max; i++) {
        const res = await call(client, operation);
        if (res.status === 429 || res.status >= 500) failures.push(`${operation.key} attempt ${i}: ${res.status} ${res.text.slice(0, 200)}`);
        const limit = Number(res.headers['x-ratelimit-limit']);
        const remaining = Number(res.headers['x-ratelimit-remaining']);
        const reset = Number(res.headers['x-ratelimit-reset']);
        if (limit !== expected.max || remaining !== expected.max - i || !(reset > 0 && reset <= expected.windowSeconds)) {
          failures.push(`${operation.key} attempt ${i}: headers limit=${limit} remaining=${remaining} reset=${reset}, expected ${expected.max}/${expected.max - i}/≤${expected.windowSeconds}`);
        }
      }
      // One more: refused, before the use case runs.
      const spec = (await accessTable[operation.key]?.request?.(world, 'anonymous')) ?? {};
      const before = await fingerprintDatabase(world.stride.database);
      const over = await client.request(operation.method, fillPath(operation.path, spec.params ?? {}), spec.body ?? {});
      const changed = fingerprintDiff(before, await fingerprintDatabase(world.stride.database));
      const retryAfter = Number(over.headers['retry-after']);
      if (over.status !== 429) failures.push(`${operation.key}: after ${expected.max} requests expected 429, got ${over.status}`);
      else {
        if (!String(over.headers['content-type']).startsWith('application/problem+json')) failures.push(`${operation.key}: 429 is ${String(over.headers['content-type'])}`);
        if (over.body?.code !== 'rate_limited' || over.body?.status !== 429 || !/try again in \d+ seconds/i.test(String(over.body?.detail))) failures.push(`${operation.key}: 429 body ${over.text}`);
        if (!(retryAfter > 0 && retryAfter <= expected.windowSeconds)) failures.push(`${operation.key}: Retry-After ${String(over.headers['retry-after'])}`);
        if (Number(over.headers['x-ratelimit-limit']) !== expected.max || over.headers['x-ratelimit-remaining'] !== '0' || !over.headers['x-ratelimit-reset']) {
          failures.push(`${operation.key}: 429 without x-ratelimit headers: ${JSON.stringify(over.headers)}`);
        }
      }
      if (changed.length > 0) failures.push(`${operation.key}: the refused request changed ${changed.join(', ')}`);
      // Someone else (another address) is not held back by this client's attempts.
      const other = await call(new TestClient(world.stride.app, { remoteAddress: freshAddress() }), operation);
      if (other.status === 429) failures.push(`${operation.key}: another client is refused too`);
    }
    expect(failures).toEqual([]);
    // About a dozen calls, each building its record, for each of ten operations: more than the 30 s
    // default on a loaded two-core machine while every call is still making progress.
  }, 180_000);

  it('operations allowed to go unlimited are not limited', async () => {
    for (const operation of publicWrites.filter((o) => unlimited[o.key])) {
      const client = new TestClient(world.stride.app, { remoteAddress: freshAddress() });
      for (let i = 0; i < 30; i++) {
        const res = await call(client, operation);
        expect(res.status, operation.key).toBeLessThan(300);
        expect(res.headers['x-ratelimit-limit'], operation.key).toBeUndefined();
      }
    }
  });

  it('sign-in counts per client and e-mail: one person’s typos do not lock out a colleague behind the same address', async () => {
    const address = freshAddress();
    const typist = await createPerson(world.stride.db, { name: 'Tia Typist' });
    const colleague = await createPerson(world.stride.db, { name: 'Cole Colleague' });
    const client = new TestClient(world.stride.app, { remoteAddress: address });
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await client.post('/api/v1/session', { email: typist.email, password: 'wrong password' })).status);
    expect(statuses).toEqual([...Array<number>(10).fill(401), 429]);
    // The e-mail is compared as people type it: case and spaces do not open a new allowance.
    expect((await client.post('/api/v1/session', { email: ` ${typist.email.toUpperCase()} `, password: 'wrong password' })).status).toBe(429);
    const res = await new TestClient(world.stride.app, { remoteAddress: address }).post('/api/v1/session', { email: colleague.email, password: TEST_PASSWORD });
    expect(res.status).toBe(200);
  });

  it('behind a trusted proxy, a client cannot escape its limit by writing its own X-Forwarded-For', async () => {
    const { app: proxied } = await buildApp({ database: world.stride.database, clock: world.stride.clock, publicUrl: 'https://stride.example', trustProxy: true, logLevel: 'silent' });
    try {
      const csrf = (await proxied.inject({ method: 'GET', url: '/api/v1/session' })).cookies.find((c) => c.name === 'stride_csrf')!.value;
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) {
        const res = await proxied.inject({
          method: 'POST',
          url: '/api/v1/session',
          remoteAddress: '10.0.0.2', // the proxy
          // The client's own header comes first; the proxy appends the address it saw.
          headers: { 'x-forwarded-for': `198.51.100.${i + 1}, 203.0.113.7`, 'x-forwarded-proto': 'https', cookie: `stride_csrf=${csrf}`, 'x-csrf-token': csrf, 'content-type': 'application/json' },
          payload: JSON.stringify({ email: world.visitor.email, password: 'not the password' }),
        });
        statuses.push(res.statusCode);
      }
      expect(statuses).toEqual([...Array<number>(10).fill(401), 429]);
    } finally {
      await proxied.close();
    }
  });

  it('changing one’s password is limited per person, not per address', async () => {
    const address = freshAddress();
    const [guesser, neighbour] = [await createPerson(world.stride.db, { name: 'Gus Guesser' }), await createPerson(world.stride.db, { name: 'Nell Neighbour' })];
    const signIn = async (email: string) => {
      const c = new TestClient(world.stride.app, { remoteAddress: address });
      expect((await c.post('/api/v1/session', { email, password: TEST_PASSWORD })).status).toBe(200);
      return c;
    };
    const g = await signIn(guesser.email);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await g.post('/api/v1/account/password', { currentPassword: `guess ${i} wrong`, newPassword: 'a new long password' })).status);
    expect(statuses.slice(0, 10).every((s) => s === 400)).toBe(true);
    expect(statuses[10]).toBe(429);
    const n = await signIn(neighbour.email);
    expect((await n.post('/api/v1/account/password', { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD })).status).toBe(204);
  });
});

describe('the registration rule', () => {
  const tiny = (register: (api: App) => Promise<void>) =>
    buildServer({ database: world.stride.database, resolveActor: async () => null, registerRoutes: register, logLevel: 'silent', trustProxy: false });

  it('refuses a public state-changing route without a rate limit, and names it', async () => {
    for (const method of ['post', 'put', 'patch', 'delete'] as const) {
      await expect(tiny(async (api) => void api[method]('/open-form', { config: { access: 'public' } }, async () => ({})))).rejects.toThrow(
        new RegExp(`${method.toUpperCase()} /api/v1/open-form is public and changes state, but declares no rateLimit`),
      );
    }
    await expect(tiny(async (api) => void api.post('/open-form', { config: { access: 'public', rateLimitExempt: ' ' } }, async () => ({})))).rejects.toThrow(/declares no rateLimit/);
  });

  it('accepts it with a limit or a stated reason, and does not ask it of reads or signed-in routes', async () => {
    const app = await tiny(async (api) => {
      api.post('/limited', { config: { access: 'public', rateLimit: { max: 2, timeWindow: '1 minute' } } }, async () => ({ ok: true }));
      api.post('/exempt', { config: { access: 'public', rateLimitExempt: 'Ends only the caller’s own session.' } }, async () => ({ ok: true }));
      api.get('/read', { config: { access: 'public' } }, async () => ({ ok: true }));
      api.post('/mine', { config: { access: 'signed-in' } }, async () => ({ ok: true }));
    });
    await app.close();
  });
});
