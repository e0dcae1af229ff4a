import type { FastifyReply } from 'fastify';
import type { StoredFileContent } from './read-stored-files';

/**
 * Sends a stored file as a download: the type Stride detected, never sniffed, never rendered as a
 * page of Stride's (a sandboxed CSP with nothing allowed), never cached by shared caches.
 */
export function sendStoredFile(reply: FastifyReply, file: StoredFileContent) {
  const ascii = file.name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return reply
    .type(file.mediaType)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`)
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(file.content);
}
