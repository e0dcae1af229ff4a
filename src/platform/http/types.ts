import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Access, Actor } from '../auth/actor';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call this operation; required on every /api/v1 route. */
    access?: Access;
    /** Set false only for links that must work from a mail client (one-click unsubscribe). */
    csrf?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;
