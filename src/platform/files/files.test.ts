import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/support/test-database';
import { fixedClock } from '../clock';
import { AppError } from '../http/app-error';
import { describeRefusedFile, detectFileKind } from './detect-file-type';
import { bodyLimitFor, fileUploads, type FilePolicy } from './file-schemas';
import { listStoredFiles, readStoredFile } from './read-stored-files';
import { sendStoredFile } from './send-stored-file';
import { checkFiles, storeFiles } from './store-files';

const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a3e8b8c40000000049454e44ae426082', 'hex');
const pdf = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n');
const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('[Content_Types].xml word/document.xml')]);
const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64, 0x90)]);
const b64 = (bytes: Buffer) => bytes.toString('base64');
const policy: FilePolicy = { kinds: ['pdf', 'png', 'jpeg', 'text'], maxBytes: 1024, maxFiles: 2 };

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('file kinds are read from the content', () => {
  it('knows PDF, PNG, JPEG, GIF, WebP and UTF-8 text by their bytes', () => {
    expect(detectFileKind(pdf)).toBe('pdf');
    expect(detectFileKind(png)).toBe('png');
    expect(detectFileKind(Buffer.from('ffd8ffe000104a464946', 'hex'))).toBe('jpeg');
    expect(detectFileKind(Buffer.from('GIF89a\x01\x00', 'latin1'))).toBe('gif');
    expect(detectFileKind(Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')]))).toBe('webp');
    expect(detectFileKind(Buffer.from('The certificate arrived three weeks late — Zoë'))).toBe('text');
  });
  it('refuses programs, archives, office files, web pages and non-UTF-8 bytes, and says what they are', () => {
    expect(detectFileKind(exe)).toBeUndefined();
    expect(describeRefusedFile(exe)).toMatch(/Windows program/);
    expect(detectFileKind(zip)).toBeUndefined();
    expect(describeRefusedFile(zip)).toMatch(/ZIP archive or an Office document/);
    expect(detectFileKind(Buffer.from('<!DOCTYPE html><script>alert(1)</script>'))).toBeUndefined();
    expect(describeRefusedFile(Buffer.from('<html><body>'))).toMatch(/web page/);
    expect(detectFileKind(Buffer.from('<svg onload="x()">'))).toBeUndefined();
    expect(detectFileKind(Buffer.from('caf\xe9', 'latin1'))).toBeUndefined();
    expect(detectFileKind(Buffer.from('a\u0000b'))).toBeUndefined();
  });
  it('a program named like a PDF is still a program; a PNG named .txt is still a PNG', () => {
    const error = refusal(() => checkFiles([{ name: 'certificate.pdf', content: b64(exe) }], policy));
    expect(error.code).toBe('unsupported_media_type');
    expect(error.fields).toEqual([{ field: 'attachments.0.content', message: expect.stringMatching(/“certificate\.pdf” looks like a Windows program, whatever its name says\. Attach a PDF, PNG image, JPEG image or plain text/) }]);
    expect(checkFiles([{ name: 'notes.txt', content: b64(png) }], policy)[0]!.kind).toBe('png');
  });
  it('a kind Stride knows but the policy does not take is refused too', () => {
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1');
    expect(refusal(() => checkFiles([{ name: 'a.gif', content: b64(gif) }], policy)).fields[0]!.message).toMatch(/looks like a GIF image/);
  });
  it('size is measured on the decoded bytes: too large is 413 with the limit, empty is 400', () => {
    const big = refusal(() => checkFiles([{ name: 'big.txt', content: b64(Buffer.alloc(1025, 0x61)) }], policy));
    expect(big.code).toBe('payload_too_large');
    expect(big.fields[0]!.message).toMatch(/too large \(1 KB\): at most 1 KB per file/);
    expect(checkFiles([{ name: 'exact.txt', content: b64(Buffer.alloc(1024, 0x61)) }], policy)).toHaveLength(1);
    expect(refusal(() => checkFiles([{ name: 'empty.txt', content: '' }], policy)).code).toBe('bad_request');
  });
  it('the schema caps the number of files and demands base64; the body limit leaves room for base64', () => {
    const schema = fileUploads(policy);
    expect(schema.safeParse([{ name: 'a', content: 'YQ==' }, { name: 'b', content: 'YQ==' }, { name: 'c', content: 'YQ==' }]).error?.issues[0]?.message).toBe('Attach at most 2 files.');
    expect(schema.safeParse([{ name: 'a', content: 'not base64!' }]).error?.issues[0]?.message).toBe('The file content must be base64.');
    expect(schema.parse(undefined)).toEqual([]);
    expect(bodyLimitFor(policy)).toBeGreaterThan((2 * 1024 * 4) / 3);
  });
});

describe('stored files', () => {
  let database: TestDatabase;
  const clock = fixedClock(new Date('2026-12-07T10:00:00Z'));
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('are kept byte for byte with the type from their content, and read only through their owner', async () => {
    const owner = { type: 'feedback', id: randomUUID() };
    const stored = await database.db.transaction((tx) =>
      storeFiles(tx, clock, owner, [{ name: '../../etc/scan.pdf', content: b64(pdf) }, { name: 'photo.txt', content: b64(png) }], policy),
    );
    expect(stored.map((f) => [f.name, f.mediaType, f.sizeBytes])).toEqual([['scan.pdf', 'application/pdf', pdf.length], ['photo.txt', 'image/png', png.length]]);
    const file = await readStoredFile(database.db, owner, stored[1]!.id);
    expect(file.content.equals(png)).toBe(true);
    expect((await listStoredFiles(database.db, 'feedback', [owner.id])).get(owner.id)?.map((f) => f.id).sort()).toEqual(stored.map((f) => f.id).sort());
    // The right id under another owner (or another owner type) is no file at all.
    await expect(readStoredFile(database.db, { type: 'feedback', id: randomUUID() }, stored[0]!.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(readStoredFile(database.db, { type: 'suggestion', id: owner.id }, stored[0]!.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('a refused file stores nothing of the others in the same call', async () => {
    const owner = { type: 'feedback', id: randomUUID() };
    await expect(database.db.transaction((tx) => storeFiles(tx, clock, owner, [{ name: 'ok.pdf', content: b64(pdf) }, { name: 'bad.pdf', content: b64(exe) }], policy))).rejects.toMatchObject({ code: 'unsupported_media_type' });
    expect((await listStoredFiles(database.db, 'feedback', [owner.id])).size).toBe(0);
  });

  it('are sent as downloads of their detected type, never sniffed or run as a page', async () => {
    const owner = { type: 'feedback', id: randomUUID() };
    const [stored] = await database.db.transaction((tx) => storeFiles(tx, clock, owner, [{ name: 'Zoë "notes".txt', content: b64(Buffer.from('<b>hi</b>')) }], policy));
    const app = Fastify();
    app.get('/file', async (_request, reply) => sendStoredFile(reply, await readStoredFile(database.db, owner, stored!.id)));
    const res = await app.inject({ method: 'GET', url: '/file' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="Zo_ notes.txt"; filename*=UTF-8''Zo%C3%AB%20notes.txt`);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(res.body).toBe('<b>hi</b>');
    await app.close();
  });
});
