import { z } from 'zod';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, errorCodes, type ErrorCode, type FieldError } from './app-error';
import { isDatabaseUnavailable } from '../db/database';

// RFC 9457 problem details; the shape every error response has.
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    code: z.string(),
    errors: z.array(z.object({ field: z.string(), message: z.string(), row: z.number().int().optional() })).optional(),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof problemSchema>;

const titles: Record<ErrorCode, string> = {
  bad_request: 'Invalid request',
  unauthenticated: 'Sign-in required',
  forbidden: 'Not allowed',
  not_found: 'Not found',
  conflict: 'Conflict',
  payload_too_large: 'Too large',
  unsupported_media_type: 'Unsupported media type',
  unprocessable: 'Cannot be processed',
  rate_limited: 'Too many requests',
  internal: 'Something went wrong',
  unavailable: 'Temporarily unavailable',
};

export function problemOf(code: ErrorCode, detail: string, instance?: string, fields?: FieldError[]): Problem {
  return {
    type: `https://stride.invalid/problems/${code.replace(/_/g, '-')}`,
    title: titles[code],
    status: errorCodes[code],
    detail,
    instance,
    code,
    ...(fields && fields.length > 0 ? { errors: fields } : {}),
  };
}

function fieldPath(path: readonly PropertyKey[], where: string | undefined): string {
  const tail = path.map(String).join('.');
  const prefix = where && where !== 'body' ? where : '';
  return [prefix, tail].filter(Boolean).join('.') || where || 'request';
}

export function toProblem(error: unknown, request: FastifyRequest): { problem: Problem; log: boolean } {
  const instance = request.url.split('?')[0];
  if (error instanceof AppError) {
    return { problem: problemOf(error.code, error.message, instance, error.fields), log: error.status >= 500 };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields = error.validation.map((v) => ({
      field: fieldPath(
        (v.instancePath || '').split('/').filter(Boolean),
        error.validationContext,
      ),
      message: v.message ?? 'Invalid value.',
    }));
    return { problem: problemOf('bad_request', 'Some fields need attention.', instance, fields), log: false };
  }
  if (error instanceof z.ZodError) {
    const fields = error.issues.map((i) => ({ field: fieldPath(i.path, undefined), message: i.message }));
    return { problem: problemOf('bad_request', 'Some fields need attention.', instance, fields), log: false };
  }
  if (isResponseSerializationError(error)) {
    return { problem: problemOf('internal', 'The server could not produce a valid answer.', instance), log: true };
  }
  if (isDatabaseUnavailable(error)) {
    return { problem: problemOf('unavailable', 'The database cannot be reached right now. Please try again in a moment.', instance), log: true };
  }
  const fe = error as FastifyError;
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    const code: ErrorCode =
      fe.statusCode === 413 ? 'payload_too_large'
      : fe.statusCode === 415 ? 'unsupported_media_type'
      : fe.statusCode === 429 ? 'rate_limited'
      : fe.statusCode === 404 ? 'not_found'
      : fe.statusCode === 401 ? 'unauthenticated'
      : fe.statusCode === 403 ? 'forbidden'
      : 'bad_request';
    // Fastify's own messages for malformed JSON, bad content types and size limits are safe and clear.
    return { problem: problemOf(code, fe.message || titles[code], instance), log: false };
  }
  return { problem: problemOf('internal', 'Something went wrong on our side. It has been logged.', instance), log: true };
}

// A database outage is usually short (a restart, a failover): tell clients when to come back.
const RETRY_AFTER_SECONDS = '5';

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  if (problem.status === 503) reply.header('retry-after', RETRY_AFTER_SECONDS);
  return reply.status(problem.status).type('application/problem+json').send(problem);
}
