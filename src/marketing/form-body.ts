import type { FastifyRequest } from 'fastify';
import type { App } from '../platform/http/types';
import { AppError } from '../platform/http/app-error';

// RFC 8058 one-click unsubscribe: the mail client POSTs `List-Unsubscribe=One-Click` as
// multipart/form-data (what the RFC recommends) or application/x-www-form-urlencoded. Stride's API
// otherwise speaks JSON only, so these parsers are registered for the unsubscribe route alone;
// the bodies are a line long, so a small hand parser does, no dependency.

const malformed = () => new AppError('bad_request', 'The form could not be read.');

export function parseUrlEncoded(body: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(body));
}

/** The text fields of a multipart/form-data body (files are ignored). */
export function parseMultipart(body: string, contentType: string): Record<string, string> {
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  if (!boundary) throw malformed();
  const fields: [string, string][] = [];
  const parts = body.split(`--${boundary}`);
  // parts[0] is the preamble; the part after the closing delimiter starts with "--".
  for (const part of parts.slice(1)) {
    if (part.startsWith('--')) break;
    const content = part.replace(/^\r?\n/, '');
    const split = /\r?\n\r?\n/.exec(content);
    if (!split) continue;
    const headers = content.slice(0, split.index);
    const value = content.slice(split.index + split[0].length).replace(/\r?\n$/, '');
    const disposition = /^content-disposition:\s*form-data\s*;(.*)$/im.exec(headers)?.[1] ?? '';
    const name = /(?:^|;)\s*name="([^"]*)"/i.exec(disposition)?.[1];
    if (name === undefined || /(?:^|;)\s*filename\*?=/i.test(disposition)) continue;
    fields.push([name, value]);
  }
  return Object.fromEntries(fields);
}

/** Adds the two form parsers to `scope` (an encapsulated plugin: the rest of the API stays JSON-only). */
export function acceptFormBodies(scope: App): void {
  scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request: FastifyRequest, body: string | Buffer, done) => {
    done(null, parseUrlEncoded(String(body)));
  });
  scope.addContentTypeParser('multipart/form-data', { parseAs: 'string' }, (request: FastifyRequest, body: string | Buffer, done) => {
    try {
      done(null, parseMultipart(String(body), String(request.headers['content-type'] ?? '')));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
}
