import type { FastifyReply, FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'stride_session';
export const CSRF_COOKIE = 'stride_csrf';
export const CSRF_HEADER = 'x-csrf-token';

function secure(request: FastifyRequest): boolean {
  return request.protocol === 'https';
}

/**
 * The cookie lives as long as the session, counted from the server's now: Max-Age, not an
 * absolute Expires, so a browser whose clock is off (or a test that moves the server's clock)
 * keeps it exactly as long as the server honours it.
 */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, expires: Date, now: Date): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: secure(request),
    maxAge: Math.max(0, Math.floor((expires.getTime() - now.getTime()) / 1000)),
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: secure(request) });
}

// The CSRF cookie is readable by the page's script (double-submit): a state-
// changing request must echo it in a header, which another site cannot do.
export function setCsrfCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.setCookie(CSRF_COOKIE, token, { path: '/', httpOnly: false, sameSite: 'strict', secure: secure(request) });
}
