import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse as InjectResponse } from 'fastify';
import { buildApp } from '../../src/app/build-app';
import type { App } from '../../src/platform/http/types';
import { createTestStride, type TestStride } from '../support/test-stride';
import { createPerson, TEST_PASSWORD, type TestPerson } from '../support/factories';
import { ensureWebBuilt } from '../support/browser';

// The headers every answer carries — the web page, its assets, the API and
// every kind of error — and the cookies, over plain HTTP and behind a TLS proxy.

let s: TestStride;
let person: TestPerson;
/** The same app as production runs it behind a TLS-terminating proxy (STRIDE_TRUST_PROXY=1). */
let behindProxy: App;

beforeAll(async () => {
  ensureWebBuilt();
  s = await createTestStride({ serveWeb: true });
  person = await createPerson(s.db, { name: 'Hedda Headers' });
  ({ app: behindProxy } = await buildApp({ database: s.database, clock: s.clock, publicUrl: 'https://stride.test', trustProxy: true, logLevel: 'silent' }));
  await behindProxy.ready();
});
afterAll(async () => {
  await behindProxy?.close();
  await s?.close();
});

function csp(res: InjectResponse): Map<string, string[]> {
  const header = String(res.headers['content-security-policy'] ?? '');
  return new Map(
    header
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

function expectSecurityHeaders(res: InjectResponse, label: string): void {
  const policy = csp(res);
  expect(policy.get('default-src'), `${label}: default-src`).toEqual(["'self'"]);
  expect(policy.get('script-src'), `${label}: script-src (no inline script, no eval)`).toEqual(["'self'"]);
  expect(policy.get('script-src-attr'), `${label}: script-src-attr`).toEqual(["'none'"]);
  expect(policy.get('frame-ancestors'), `${label}: frame-ancestors`).toEqual(["'none'"]);
  expect(policy.get('object-src'), `${label}: object-src`).toEqual(["'none'"]);
  expect(policy.get('base-uri'), `${label}: base-uri`).toEqual(["'self'"]);
  expect(policy.get('form-action'), `${label}: form-action`).toEqual(["'self'"]);
  expect(String(res.headers['content-security-policy']), label).not.toContain("'unsafe-eval'");
  expect(res.headers['x-frame-options'], label).toBe('DENY');
  expect(res.headers['x-content-type-options'], label).toBe('nosniff');
  expect(res.headers['referrer-policy'], label).toBe('no-referrer');
}

const get = (url: string, headers: Record<string, string> = {}) => s.app.inject({ method: 'GET', url, headers });

describe('security headers', () => {
  it('are on the web page, on client routes and on the assets the page loads', async () => {
    const page = await get('/');
    expect(page.statusCode).toBe(200);
    expect(String(page.headers['content-type'])).toMatch(/^text\/html/);
    expectSecurityHeaders(page, 'GET /');
    // A client-side route (the reset link carries its token in the query) gets the same page and headers.
    for (const url of ['/people', '/reset-password?token=abc']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(String(res.headers['content-type']), url).toMatch(/^text\/html/);
      expectSecurityHeaders(res, `GET ${url}`);
    }
    // Under script-src 'self' the page may only use script files served from here.
    expect(page.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>\s*\S/i);
    const assets = [...page.body.matchAll(/<(?:script|link)[^>]*\b(?:src|href)="(\/[^"]+)"/gi)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) {
      const res = await get(asset);
      expect(res.statusCode, asset).toBe(200);
      expectSecurityHeaders(res, `GET ${asset}`);
    }
  });

  it('are on API answers and the API reference', async () => {
    for (const url of ['/api/v1/session', '/api/v1/unit', '/api/openapi.json', '/healthz']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expectSecurityHeaders(res, `GET ${url}`);
    }
  });

  it('are on every kind of error, each a problem+json', async () => {
    const csrfCookie = (await get('/api/v1/session')).cookies.find((c) => c.name === 'stride_csrf')!.value;
    const json = { 'content-type': 'application/json', cookie: `stride_csrf=${csrfCookie}`, 'x-csrf-token': csrfCookie };
    const errors: [string, number, () => Promise<InjectResponse>][] = [
      ['unknown API path', 404, () => get('/api/v1/no-such-thing')],
      ['missing asset', 404, () => get('/assets/no-such-file.js')],
      ['malformed URL (rejected by the router)', 400, () => get('/api/v1/people/%E0%A4%A')],
      ['sign-in required', 401, () => get('/api/v1/people')],
      ['no CSRF token', 403, () => s.app.inject({ method: 'POST', url: '/api/v1/password-resets', headers: { 'content-type': 'application/json' }, payload: '{}' })],
      ['invalid body', 400, () => s.app.inject({ method: 'POST', url: '/api/v1/session', headers: json, payload: '{"email":"nope"}' })],
      ['malformed JSON', 400, () => s.app.inject({ method: 'POST', url: '/api/v1/session', headers: json, payload: '{"email":' })],
      ['body too large', 413, () => s.app.inject({ method: 'POST', url: '/api/v1/session', headers: json, payload: JSON.stringify({ email: 'a@b.co', password: 'x'.repeat(1024 * 1024) }) })],
      ['unsupported content type', 415, () => s.app.inject({ method: 'POST', url: '/api/v1/session', headers: { ...json, 'content-type': 'application/xml' }, payload: '<a/>' })],
    ];
    for (const [label, status, send] of errors) {
      const res = await send();
      expect(res.statusCode, `${label}: ${res.body}`).toBe(status);
      expect(String(res.headers['content-type']), label).toMatch(/^application\/problem\+json/);
      expectSecurityHeaders(res, label);
      expect(res.headers['strict-transport-security'], label).toBeUndefined();
    }
  });
});

describe('HSTS', () => {
  it('is sent only when the request came over TLS through a trusted proxy', async () => {
    const tls = await behindProxy.inject({ method: 'GET', url: '/api/v1/session', headers: { 'x-forwarded-proto': 'https' } });
    const hsts = String(tls.headers['strict-transport-security'] ?? '');
    expect(Number(/max-age=(\d+)/.exec(hsts)?.[1])).toBeGreaterThanOrEqual(31_536_000);
    expect(hsts).toContain('includeSubDomains');
    // Also on errors: a browser learns the rule from whatever answer it gets first.
    const notFound = await behindProxy.inject({ method: 'GET', url: '/api/v1/no-such-thing', headers: { 'x-forwarded-proto': 'https' } });
    expect(notFound.statusCode).toBe(404);
    expect(notFound.headers['strict-transport-security']).toBe(hsts);

    // Plain HTTP, through the proxy or straight: none (a browser ignores it there, and it would pin a host that has no TLS).
    expect((await behindProxy.inject({ method: 'GET', url: '/api/v1/session' })).headers['strict-transport-security']).toBeUndefined();
    expect((await get('/api/v1/session')).headers['strict-transport-security']).toBeUndefined();
    // Without STRIDE_TRUST_PROXY anyone can send X-Forwarded-Proto: it proves nothing.
    expect((await get('/api/v1/session', { 'x-forwarded-proto': 'https' })).headers['strict-transport-security']).toBeUndefined();
  });
});

describe('cookies', () => {
  async function signIn(app: App, headers: Record<string, string>) {
    const first = await app.inject({ method: 'GET', url: '/api/v1/session', headers });
    const csrf = first.cookies.find((c) => c.name === 'stride_csrf');
    expect(csrf, 'a CSRF cookie on the first answer').toBeDefined();
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      headers: { ...headers, 'content-type': 'application/json', cookie: `stride_csrf=${csrf!.value}`, 'x-csrf-token': csrf!.value },
      payload: JSON.stringify({ email: person.email, password: TEST_PASSWORD }),
    });
    expect(res.statusCode, res.body).toBe(200);
    const session = res.cookies.find((c) => c.name === 'stride_session');
    expect(session, 'a session cookie').toBeDefined();
    const out = await app.inject({
      method: 'DELETE',
      url: '/api/v1/session',
      headers: { ...headers, cookie: `stride_csrf=${csrf!.value}; stride_session=${session!.value}`, 'x-csrf-token': csrf!.value },
    });
    expect(out.statusCode).toBe(204);
    const cleared = out.cookies.find((c) => c.name === 'stride_session');
    return { csrf: csrf!, session: session!, cleared: cleared!, rawSetCookie: ([] as string[]).concat(res.headers['set-cookie'] as string | string[]) };
  }

  it('over plain HTTP: the session cookie is HttpOnly and SameSite=Lax, the CSRF cookie readable and SameSite=Strict, neither Secure', async () => {
    const { csrf, session, cleared, rawSetCookie } = await signIn(s.app, {});
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(session.secure).toBeFalsy();
    // Max-Age, counted from the server's now: a browser with a wrong clock keeps it as long as the server honours it.
    expect(session.maxAge).toBeGreaterThan(3600);
    // The page must read the CSRF token to echo it; Strict keeps it off every cross-site request.
    expect(csrf.httpOnly).toBeFalsy();
    expect(csrf).toMatchObject({ sameSite: 'Strict', path: '/' });
    expect(csrf.secure).toBeFalsy();
    expect(rawSetCookie.join('\n')).not.toMatch(/;\s*Secure/i);
    // Sign-out clears the cookie with the same attributes, or the browser would keep it.
    expect(cleared).toMatchObject({ value: '', httpOnly: true, sameSite: 'Lax', path: '/' });
  });

  it('over TLS behind a trusted proxy: both cookies are Secure as well', async () => {
    const { csrf, session, cleared } = await signIn(behindProxy, { 'x-forwarded-proto': 'https' });
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: true });
    expect(csrf).toMatchObject({ sameSite: 'Strict', secure: true });
    expect(csrf.httpOnly).toBeFalsy();
    expect(cleared).toMatchObject({ value: '', secure: true });
  });

  it('a spoofed X-Forwarded-Proto without a trusted proxy does not make cookies Secure', async () => {
    const { session } = await signIn(s.app, { 'x-forwarded-proto': 'https' });
    expect(session.secure).toBeFalsy();
  });
});
