import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Access, Actor } from '../auth/actor';

/** A body field that carries the text of an uploaded file, checked by content before anything reads it. */
export type TextUpload = {
  field: string;
  /** What the file should be, as people call it: "CSV". */
  format: string;
  /** Most bytes of text the file may have (UTF-8); the body limit leaves room for JSON escaping on top. */
  maxBytes: number;
};

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call this operation; required on every /api/v1 route. */
    access?: Access;
    /** Set false only for links that must work from a mail client (one-click unsubscribe). */
    csrf?: boolean;
    /**
     * Why a public state-changing operation has no rate limit. Every other one
     * must declare `rateLimit`; the server refuses to register it otherwise.
     */
    rateLimitExempt?: string;
    textUpload?: TextUpload;
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
