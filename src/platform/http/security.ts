import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './app-error';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE, setCsrfCookie } from '../auth/cookies';
import { newToken } from '../auth/tokens';
import type { Access, Actor } from '../auth/actor';

export type ResolveActor = (sessionToken: string) => Promise<Actor | null>;

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function isStateChanging(method: string): boolean {
  return unsafeMethods.has(method.toUpperCase());
}

/** Gives every browser a CSRF token cookie; the page echoes it in a header. */
export function ensureCsrfCookie(request: FastifyRequest, reply: FastifyReply): void {
  if (!request.cookies[CSRF_COOKIE]) setCsrfCookie(request, reply, newToken());
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Double-submit token plus the browser's own word on where the request came
 * from. Either alone would do against today's browsers; together they also
 * cover an older browser (no Sec-Fetch-Site) and a cookie planted by a sibling
 * subdomain (the Origin still differs).
 */
export function checkCsrf(request: FastifyRequest): void {
  if (!isStateChanging(request.method)) return;
  if (request.routeOptions.config.csrf === false) return;
  if (request.headers['sec-fetch-site'] === 'cross-site') throw AppError.forbidden('Cross-site requests are not accepted.');
  const origin = request.headers.origin;
  if (origin !== undefined) {
    let originHost: string | undefined;
    try {
      originHost = new URL(origin).host;
    } catch {
      originHost = undefined; // "null" (a sandboxed frame, a privacy redirect) is no origin of ours
    }
    // request.host honours X-Forwarded-Host only when the proxy is trusted.
    if (originHost === undefined || originHost.toLowerCase() !== String(request.host ?? '').toLowerCase()) {
      throw AppError.forbidden('Cross-site requests are not accepted.');
    }
  }
  const cookie = request.cookies[CSRF_COOKIE];
  const header = request.headers[CSRF_HEADER];
  if (!cookie || typeof header !== 'string' || !sameToken(header, cookie)) {
    throw AppError.forbidden('The request is missing its CSRF token; reload the page and try again.');
  }
}

export async function authenticate(request: FastifyRequest, resolveActor: ResolveActor): Promise<void> {
  const token = request.cookies[SESSION_COOKIE];
  request.actor = token ? await resolveActor(token) : null;
}

export function checkAccess(access: Access, actor: Actor | null): void {
  if (access === 'public') return;
  if (!actor) throw new AppError('unauthenticated', 'Please sign in to continue.');
  if (access === 'signed-in') return;
  if (!actor.roles.some((r) => access.roles.includes(r))) throw AppError.forbidden();
}
