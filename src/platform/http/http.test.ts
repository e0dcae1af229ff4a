import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestStride, type TestStride } from '../../../tests/support/test-stride';
import { buildApp } from '../../app/build-app';
import { systemClock } from '../clock';
import { openDatabase } from '../db/database';
import { buildServer, type ServerOptions } from './server';
import type { App } from './types';

let s: TestStride;
beforeAll(async () => {
  s = await createTestStride();
});
afterAll(() => s?.close());

const PROBLEM_TYPE = /^application\/problem\+json/;

function expectProblem(res: { statusCode: number; headers: Record<string, unknown>; body: string }, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(PROBLEM_TYPE);
  const body = JSON.parse(res.body) as Record<string, unknown>;
  expect(body).toMatchObject({ status, code, type: expect.stringContaining('/problems/'), title: expect.any(String), detail: expect.any(String) });
  // Never a stack trace or internals in an answer.
  expect(body).not.toHaveProperty('stack');
  expect(res.body).not.toMatch(/\bat .+\.(ts|js):\d+/);
  expect(res.body).not.toMatch(/node_modules/);
  return body;
}

/** A bare server from the platform with the given routes; closed by the caller. */
function tinyServer(registerRoutes: (app: App) => Promise<void>, overrides: Partial<ServerOptions> = {}): Promise<App> {
  return buildServer({ database: s.database, resolveActor: async () => null, registerRoutes, logLevel: 'silent', trustProxy: false, ...overrides });
}

describe('health and documentation', () => {
  it('answers /healthz with 200 and status ok', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: s.database.engine });
  });

  it('publishes an OpenAPI 3.1 document where every /api/v1 operation has one tag and a summary', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['content-type'])).toMatch(/^application\/json/);
    const doc = res.json() as {
      openapi: string;
      info: { title: string; version: string };
      paths: Record<string, Record<string, { tags?: string[]; summary?: string; responses?: Record<string, unknown>; operationId?: string }>>;
      components?: Record<string, Record<string, unknown>>;
    };
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info.title).toEqual(expect.any(String));
    expect(doc.info.version).toEqual(expect.any(String));

    const methods = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
    const operations: { where: string; op: { tags?: string[]; summary?: string; responses?: Record<string, unknown>; operationId?: string } }[] = [];
    for (const [p, item] of Object.entries(doc.paths)) {
      expect(p.startsWith('/'), `path ${p}`).toBe(true);
      for (const [method, op] of Object.entries(item)) {
        if (!methods.has(method)) continue;
        operations.push({ where: `${method.toUpperCase()} ${p}`, op });
      }
    }
    const api = operations.filter((o) => o.where.includes(' /api/v1/'));
    expect(api.length).toBeGreaterThan(5);
    // The platform's own endpoints stay out of the public API description.
    expect(Object.keys(doc.paths).filter((p) => !p.startsWith('/api/v1/'))).toEqual([]);
    const problems: string[] = [];
    for (const { where, op } of api) {
      if (!Array.isArray(op.tags) || op.tags.length !== 1) problems.push(`${where}: tags ${JSON.stringify(op.tags)}`);
      if (typeof op.summary !== 'string' || op.summary.trim() === '') problems.push(`${where}: no summary`);
      if (!op.responses || Object.keys(op.responses).length === 0) problems.push(`${where}: no responses`);
    }
    expect(problems).toEqual([]);
    const operationIds = api.map((o) => o.op.operationId).filter(Boolean);
    expect(new Set(operationIds).size).toBe(operationIds.length);

    // Every $ref points at something the document defines.
    const refs = new Set<string>();
    const walk = (v: unknown) => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        for (const [k, child] of Object.entries(v)) {
          if (k === '$ref' && typeof child === 'string') refs.add(child);
          else walk(child);
        }
      }
    };
    walk(doc);
    const dangling = [...refs].filter((ref) => {
      if (!ref.startsWith('#/')) return true;
      let node: unknown = doc;
      for (const part of ref.slice(2).split('/')) node = (node as Record<string, unknown> | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
      return node === undefined;
    });
    expect(dangling).toEqual([]);
  });

  it('serves the API reference as HTML at /api/docs', async () => {
    let res = await s.app.inject({ method: 'GET', url: '/api/docs' });
    if (res.statusCode >= 300 && res.statusCode < 400) {
      const location = String(res.headers.location);
      res = await s.app.inject({ method: 'GET', url: new URL(location, 'http://stride.test/api/docs').pathname });
    }
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['content-type'])).toMatch(/^text\/html/);
    expect(res.body).toMatch(/<html/i);
    expect(res.body).toMatch(/swagger/i);
    // Under the CSP (script-src 'self'), the page works only if its scripts are files we serve.
    expect(res.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>\s*\S/i);
    const scripts = [...res.body.matchAll(/<script[^>]*\bsrc="([^"]+)"/gi)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) {
      const js = await s.app.inject({ method: 'GET', url: new URL(src, 'http://stride.test/api/docs/').pathname });
      expect(js.statusCode, src).toBe(200);
      expect(String(js.headers['content-type']), src).toMatch(/javascript/);
    }
  });
});

describe('errors are problem details', () => {
  it('answers an unknown /api/v1 path with a 404 problem', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/api/v1/no-such-thing?x=1' });
    const body = expectProblem(res, 404, 'not_found');
    expect(body.instance).toBe('/api/v1/no-such-thing');
  });

  it('answers malformed JSON with a 400 problem, not a 500', async () => {
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": "a@b.co", "password": ',
    });
    expectProblem(res, 400, 'bad_request');
    const empty = await s.app.inject({ method: 'POST', url: '/api/v1/session', headers: { 'content-type': 'application/json' }, payload: '' });
    expectProblem(empty, 400, 'bad_request');
  });

  it('answers a body over the size limit with 413', async () => {
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'a@b.co', password: 'x'.repeat(1024 * 1024 + 10) }),
    });
    expectProblem(res, 413, 'payload_too_large');
  });

  it('answers an unsupported content type with 415', async () => {
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      headers: { 'content-type': 'application/xml' },
      payload: '<session><email>a@b.co</email></session>',
    });
    expectProblem(res, 415, 'unsupported_media_type');
  });

  it('answers a route that throws a plain Error with a generic 500 problem that leaks nothing', async () => {
    const app = await tinyServer(async (api) => {
      api.get('/boom', { config: { access: 'public' } }, async () => {
        throw new Error('connect to postgres://admin:s3cret@db.internal failed');
      });
    });
    try {
      const res = await app.inject({ method: 'GET', url: '/api/v1/boom' });
      const body = expectProblem(res, 500, 'internal');
      expect(body.detail).toBe('Something went wrong on our side. It has been logged.');
      expect(res.body).not.toMatch(/s3cret|postgres:|db\.internal/);
    } finally {
      await app.close();
    }
  });
});

describe('security', () => {
  it('sends the security headers, and no HSTS over plain http', async () => {
    for (const url of ['/healthz', '/api/v1/session', '/api/v1/no-such-thing']) {
      const res = await s.app.inject({ method: 'GET', url });
      const csp = String(res.headers['content-security-policy'] ?? '');
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(csp, url).toContain("default-src 'self'");
      expect(csp, url).not.toContain('upgrade-insecure-requests');
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['strict-transport-security'], url).toBeUndefined();
    }
  });

  it('sends HSTS when the request came over https through a trusted proxy', async () => {
    const app = await tinyServer(async () => {}, { trustProxy: true });
    try {
      const res = await app.inject({ method: 'GET', url: '/healthz', headers: { 'x-forwarded-proto': 'https' } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      const plain = await app.inject({ method: 'GET', url: '/healthz' });
      expect(plain.headers['strict-transport-security']).toBeUndefined();
    } finally {
      await app.close();
    }
  });

  it('denies by default: an /api/v1 route without an access rule fails at registration', async () => {
    await expect(
      tinyServer(async (api) => {
        api.get('/forgotten', { schema: { response: { 200: z.object({ ok: z.boolean() }) } } }, async () => ({ ok: true }));
      }),
    ).rejects.toThrow(/GET \/api\/v1\/forgotten declares no access rule/);

    // The same route with a rule registers and answers.
    const app = await tinyServer(async (api) => {
      api.get('/remembered', { config: { access: 'public' } }, async () => ({ ok: true }));
    });
    try {
      const res = await app.inject({ method: 'GET', url: '/api/v1/remembered' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ ok: true });
    } finally {
      await app.close();
    }
  });

  it('asks for sign-in on a signed-in route with a 401 problem', async () => {
    const app = await tinyServer(async (api) => {
      api.get('/mine', { config: { access: 'signed-in' } }, async () => ({ secret: true }));
    });
    try {
      expectProblem(await app.inject({ method: 'GET', url: '/api/v1/mine' }), 401, 'unauthenticated');
    } finally {
      await app.close();
    }
  });
});

describe('when the database cannot be reached', () => {
  it('answers /healthz and the API with a 503 problem, quickly', async () => {
    const database = await openDatabase({ databaseUrl: 'postgres://postgres@127.0.0.1:1/none', poolSize: 2 });
    const { app } = await buildApp({ database, clock: systemClock, publicUrl: 'http://stride.test', serveWeb: false, logLevel: 'silent' });
    try {
      let started = Date.now();
      const health = await app.inject({ method: 'GET', url: '/healthz' });
      expect(Date.now() - started).toBeLessThan(3_000);
      expectProblem(health, 503, 'unavailable');

      // A session cookie makes the request look the person up in the database.
      started = Date.now();
      const api = await app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie: 'stride_session=some-session-token' } });
      expect(Date.now() - started).toBeLessThan(3_000);
      const body = expectProblem(api, 503, 'unavailable');
      expect(String(body.detail)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED/);
    } finally {
      await app.close();
      await database.close();
    }
  });
});
