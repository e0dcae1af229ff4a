import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './app-error';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE, setCsrfCookie } from '../auth/cookies';
import { newToken } from '../auth/tokens';
import type { Access, Actor } from '../auth/actor';

export type ResolveActor = (sessionToken: string) => Promise<Actor | null>;

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Gives every browser a CSRF token cookie; the page echoes it in a header. */
export function ensureCsrfCookie(request: FastifyRequest, reply: FastifyReply): void {
  if (!request.cookies[CSRF_COOKIE]) setCsrfCookie(request, reply, newToken());
}

export function checkCsrf(request: FastifyRequest): void {
  if (!unsafeMethods.has(request.method)) return;
  if (request.routeOptions.config.csrf === false) return;
  const origin = request.headers.origin;
  if (origin) {
    let originHost: string | undefined;
    try {
      originHost = new URL(origin).host;
    } catch {
      originHost = undefined;
    }
    if (originHost !== request.headers.host) throw AppError.forbidden('Cross-site requests are not accepted.');
  }
  const cookie = request.cookies[CSRF_COOKIE];
  const header = request.headers[CSRF_HEADER];
  if (!cookie || typeof header !== 'string' || header !== cookie) {
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
