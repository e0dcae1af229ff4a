import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { App } from '../platform/http/types';
import type { Deps } from '../platform/context';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from '../platform/auth/cookies';
import { AppError } from '../platform/http/app-error';
import { changePasswordInput, resetConfirmInput, resetRequestInput, sessionResponse, signInInput } from './account-schemas';
import { signIn, signOut } from './sign-in';
import { requestPasswordReset } from './request-password-reset';
import { changePassword, resetPassword } from './reset-password';

const tags = ['account'];

// Per client and address: slows guessing at one account without letting one
// person's typos (or forgotten password) lock out colleagues behind the same
// proxy, which in a company is everyone. Counted after the body is read.
const byClientAndEmail = (request: FastifyRequest) =>
  `${request.ip}|${String((request.body as { email?: unknown } | undefined)?.email ?? '').trim().toLowerCase()}`;
const signInLimit = { max: 10, timeWindow: '1 minute', hook: 'preHandler' as const, keyGenerator: byClientAndEmail };
// Each request mails someone: few, so the form cannot be used to flood an inbox.
const resetRequestLimit = { max: 5, timeWindow: '15 minutes', hook: 'preHandler' as const, keyGenerator: byClientAndEmail };
// Every attempt hashes a password (argon2id, 19 MiB): the limit caps that cost per client.
const resetConfirmLimit = { max: 10, timeWindow: '15 minutes' };
// Guessing the current password of one's own session: per person, not per address.
const changePasswordLimit = { max: 10, timeWindow: '1 minute', hook: 'preHandler' as const, keyGenerator: (request: FastifyRequest) => request.actor?.id ?? request.ip };

export async function accountRoutes(app: App, deps: Deps): Promise<void> {
  app.get('/session', { config: { access: 'public' }, schema: { tags, summary: 'Who is signed in', response: { 200: sessionResponse } } }, async (request) => ({
    actor: request.actor,
  }));

  app.post(
    '/session',
    {
      config: { access: 'public', rateLimit: signInLimit },
      schema: { tags, summary: 'Sign in with e-mail and password', body: signInInput, response: { 200: sessionResponse } },
    },
    async (request, reply) => {
      const { actor, token, expiresAt } = await signIn(deps.db, deps.clock, request.body);
      setSessionCookie(request, reply, token, expiresAt, deps.clock.now());
      return { actor };
    },
  );

  app.delete(
    '/session',
    {
      config: {
        access: 'public',
        rateLimitExempt: 'Sign-out only ends the caller’s own session; refusing it would keep someone signed in on a shared computer.',
      },
      schema: { tags, summary: 'Sign out', response: { 204: z.null() } },
    },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await signOut(deps.db, token);
      clearSessionCookie(request, reply);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/password-resets',
    {
      config: { access: 'public', rateLimit: resetRequestLimit },
      schema: { tags, summary: 'Mail a password reset link', body: resetRequestInput, response: { 202: z.object({ message: z.string() }) } },
    },
    async (request, reply) => {
      await requestPasswordReset(deps.db, deps.clock, deps.publicUrl, request.body.email);
      return reply.status(202).send({ message: 'If this address belongs to someone in Stride, a reset link is on its way.' });
    },
  );

  app.post(
    '/password-resets/confirm',
    {
      config: { access: 'public', rateLimit: resetConfirmLimit },
      schema: { tags, summary: 'Choose a new password with a reset link', body: resetConfirmInput, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await resetPassword(deps.db, deps.clock, request.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/account/password',
    {
      config: { access: 'signed-in', rateLimit: changePasswordLimit },
      schema: { tags, summary: 'Change my password', body: changePasswordInput, response: { 204: z.null() } },
    },
    async (request, reply) => {
      if (!request.actor) throw new AppError('unauthenticated', 'Please sign in to continue.');
      await changePassword(deps.db, request.actor.id, request.body, request.cookies[SESSION_COOKIE]);
      return reply.status(204).send(null);
    },
  );
}
