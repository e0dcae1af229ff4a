import type { FastifyRequest } from 'fastify';
import { AppError, type FieldError } from './app-error';

// PostgreSQL text cannot hold U+0000, and a lone UTF-16 surrogate is not a
// character at all (it would be stored as U+FFFD, silently changing what was
// sent). Both arrive easily from copy-paste and broken exports; they are
// refused up front, field by field, instead of failing deep inside a write.
// eslint-disable-next-line no-control-regex
const unstorable = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function collect(value: unknown, path: string[], out: FieldError[], depth: number): void {
  if (out.length >= 20 || depth > 64) return;
  if (typeof value === 'string') {
    if (unstorable.test(value)) out.push({ field: path.join('.') || 'request', message: 'Contains a character that cannot be stored (a NUL or a broken Unicode sequence); remove it and try again.' });
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, inner] of Object.entries(value)) {
    if (unstorable.test(key)) out.push({ field: [...path, '(name)'].join('.'), message: 'A field name contains a character that cannot be stored.' });
    collect(inner, [...path, key], out, depth + 1);
  }
}

/** Refuses a request whose body, query or path carries text PostgreSQL cannot store as sent. */
export function rejectUnstorableText(request: FastifyRequest): void {
  const fields: FieldError[] = [];
  collect(request.params, ['params'], fields, 0);
  collect(request.query, ['querystring'], fields, 0);
  collect(request.body, [], fields, 0);
  if (fields.length > 0) throw AppError.invalid(fields);
}
