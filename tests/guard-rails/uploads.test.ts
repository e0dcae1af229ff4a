import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStride, type TestStride } from '../support/test-stride';
import { createPerson } from '../support/factories';
import { fingerprintDatabase, fingerprintDiff } from '../support/database-fingerprint';
import type { TestClient, TestResponse } from '../support/test-client';
import { buildServer } from '../../src/platform/http/server';
import { parsePeopleCsv, MAX_IMPORT_BYTES } from '../../src/people/import/parse-people-csv';

// The people import takes an HR export as text in a JSON body. Whatever the
// file is called, it must be CSV text within the size limit; anything else is
// refused with a message that says what the file looks like, and nothing is
// stored (not even a rejected preview).

let s: TestStride;
let admin: TestClient;

beforeAll(async () => {
  s = await createTestStride();
  admin = await s.signInAs(await createPerson(s.db, { roles: ['admin'] }));
});
afterAll(async () => {
  await s?.close();
});

const CSV = 'employee_id,name,email\r\nU-1,Zoë Ångström,zoe.angstrom@example.org\r\nU-2,"Okafor, Chidi",chidi.okafor@example.org\r\n';

/** What a browser sends for a file: File.text() decodes its bytes as UTF-8, replacing what is not UTF-8. */
const asBrowserReadsIt = (bytes: Uint8Array) => new TextDecoder('utf-8').decode(bytes);

function zip(...names: string[]): Buffer {
  // Local file headers as a zip writer lays them down (stored, no data): enough for a file's first bytes.
  return Buffer.concat(
    names.map((name) => {
      const header = Buffer.alloc(30);
      header.writeUInt32LE(0x04034b50, 0);
      header.writeUInt16LE(20, 4);
      header.writeUInt16LE(Buffer.byteLength(name), 26);
      return Buffer.concat([header, Buffer.from(name)]);
    }),
  );
}

const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a3e8b8c40000000049454e44ae426082', 'hex');

const notCsv: { label: string; bytes: Buffer; looksLike: RegExp; textAsLatin1?: true }[] = [
  { label: 'PNG image', bytes: png, looksLike: /PNG image/ },
  { label: 'JPEG image', bytes: Buffer.concat([Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'), Buffer.alloc(64)]), looksLike: /JPEG image/ },
  { label: 'GIF image', bytes: Buffer.concat([Buffer.from('GIF89a'), Buffer.from('0100010080000000ffffff21f904', 'hex')]), looksLike: /GIF image/ },
  { label: 'PDF document', bytes: Buffer.concat([Buffer.from('%PDF-1.7\n%'), Buffer.from('e2e3cfd3', 'hex'), Buffer.from('\n1 0 obj\n<< /Type /Catalog >>\nendobj\n')]), looksLike: /PDF document/ },
  { label: 'Excel workbook (.xlsx)', bytes: zip('[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml'), looksLike: /Excel workbook \(\.xlsx\)/ },
  { label: 'Word document (.docx)', bytes: zip('[Content_Types].xml', '_rels/.rels', 'word/document.xml'), looksLike: /Word document/ },
  { label: 'ZIP of the CSV', bytes: zip('people.csv'), looksLike: /ZIP archive/ },
  { label: 'old Excel workbook (.xls)', bytes: Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)]), looksLike: /\.xls/ },
  { label: 'gzip of the CSV', bytes: gzipSync(CSV), looksLike: /gzip archive/ },
  { label: 'UTF-16 "Unicode text" export', bytes: Buffer.from(`\ufeff${CSV}`, 'utf16le'), looksLike: /UTF-16/ },
  // Read as Latin-1 these bytes are the CSV itself, so only the browser's reading is tried.
  { label: 'Windows-1252 CSV', bytes: Buffer.from(CSV, 'latin1'), looksLike: /not UTF-8 text: 3 characters could not be read .* line 2\b.*Windows-1252/, textAsLatin1: true },
  { label: 'CSV with a NUL byte', bytes: Buffer.from('employee_id,name,email\nU-1,Ann\u0000,ann@example.org\n'), looksLike: /binary file.*NUL.*line 2\b/ },
  { label: 'Excel XML spreadsheet', bytes: Buffer.from('<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>'), looksLike: /Excel XML spreadsheet/ },
  { label: 'web page', bytes: Buffer.from('<!DOCTYPE html><html><body><table><tr><td>employee_id</td></tr></table></body></html>'), looksLike: /web page \(HTML\)/ },
];

async function expectRefused(res: TestResponse, status: number, code: string, message: RegExp): Promise<void> {
  expect(res.status, res.text.slice(0, 300)).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  expect(res.body.code).toBe(code);
  expect(res.body.errors).toEqual([{ field: 'csv', message: expect.stringMatching(message) }]);
}

describe('people import: type by content', () => {
  it('refuses each file that is not CSV text, named .csv or not, saying what it looks like, and stores nothing', async () => {
    const before = await fingerprintDatabase(s.database);
    let refused = 0;
    for (const { label, bytes, looksLike, textAsLatin1 } of notCsv) {
      // A browser-read file, and the same bytes sent as code points by a script: both refused.
      for (const csv of textAsLatin1 ? [asBrowserReadsIt(bytes)] : [asBrowserReadsIt(bytes), bytes.toString('latin1')]) {
        const res = await admin.post('/api/v1/people-imports', { fileName: 'people.csv', csv });
        await expectRefused(res, 415, 'unsupported_media_type', looksLike);
        expect(res.body.detail, label).toMatch(/Export it as CSV \(UTF-8\)/);
        refused += 1;
      }
    }
    expect(refused).toBe(notCsv.length * 2 - 1);
    expect(fingerprintDiff(before, await fingerprintDatabase(s.database))).toEqual([]);
  });

  it('accepts CSV text whatever the file is called, with a BOM, CRLF, accents and quoted commas', async () => {
    for (const fileName of ['people.csv', 'export.png', 'hr.xlsx', 'no-extension']) {
      const res = await admin.post('/api/v1/people-imports', { fileName, csv: asBrowserReadsIt(Buffer.from(`\ufeff${CSV}`)) });
      expect(res.status, res.text).toBe(201);
      expect(res.body).toMatchObject({ status: 'previewed', totalRows: 2, errors: [] });
    }
  });

  it('the parser refuses the same files on its own, for callers other than the API', () => {
    for (const { bytes, looksLike } of notCsv) {
      const parsed = parsePeopleCsv(asBrowserReadsIt(bytes));
      expect(parsed.rows).toEqual([]);
      expect(parsed.errors).toEqual([{ row: 1, field: 'file', message: expect.stringMatching(looksLike) }]);
    }
    expect(parsePeopleCsv(CSV).errors).toEqual([]);
  });
});

describe('people import: size', () => {
  it('refuses a file over 25 MB with 413, the limit in the message, and stores nothing', async () => {
    const before = await fingerprintDatabase(s.database);
    const csv = `employee_id,name,email\n${'x'.repeat(MAX_IMPORT_BYTES)}`;
    const res = await admin.post('/api/v1/people-imports', { fileName: 'huge.csv', csv });
    await expectRefused(res, 413, 'payload_too_large', /too large \(25 MB\): at most 25 MB per upload/);
    expect(res.body.detail).toMatch(/at most 25 MB/);
    // Multi-byte text counts in bytes, as the file on disk does.
    const wide = await admin.post('/api/v1/people-imports', { fileName: 'wide.csv', csv: `employee_id,name,email\n${'é'.repeat(MAX_IMPORT_BYTES / 2)}` });
    await expectRefused(wide, 413, 'payload_too_large', /at most 25 MB/);
    // A body larger than any allowed file is cut off while it arrives, with the same message.
    const body = await admin.post('/api/v1/people-imports', { fileName: 'huger.csv', csv: 'x'.repeat(40 * 1024 * 1024) });
    await expectRefused(body, 413, 'payload_too_large', /at most 25 MB per upload/);
    expect(fingerprintDiff(before, await fingerprintDatabase(s.database))).toEqual([]);
  });

  it('other operations take 1 MB bodies, and say so', async () => {
    const res = await admin.post('/api/v1/people', { name: 'x'.repeat(1024 * 1024) });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ code: 'payload_too_large', detail: 'The request is too large: this operation accepts at most 1 MB.' });
  });

  it('the body limit leaves room for JSON escaping: a file at its limit is not refused for the size of its envelope', async () => {
    const line = '"Ann","Bo"\r\n';
    const maxBytes = line.length * Math.floor((1024 * 1024) / line.length);
    const app = await buildServer({
      database: s.database,
      resolveActor: async () => null,
      logLevel: 'silent',
      trustProxy: false,
      registerRoutes: async (api) => {
        api.post('/upload', { config: { access: 'public', csrf: false, rateLimitExempt: 'test route', textUpload: { field: 'text', format: 'CSV', maxBytes } } }, async () => ({ ok: true }));
      },
    });
    try {
      const post = (text: string) => app.inject({ method: 'POST', url: '/api/v1/upload', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ text }) });
      // Short CRLF lines of quoted cells: the JSON is half again the file's size.
      const lines = line.repeat(maxBytes / line.length);
      expect(Buffer.byteLength(lines)).toBe(maxBytes);
      expect(JSON.stringify({ text: lines }).length).toBeGreaterThan(1.49 * maxBytes);
      expect((await post(lines)).statusCode).toBe(200);
      const over = await post(`${lines}x`);
      expect(over.statusCode).toBe(413);
      expect(over.json()).toMatchObject({ code: 'payload_too_large', detail: expect.stringMatching(/^The file is too large \(1 MB\): at most 1 MB per upload/) });
    } finally {
      await app.close();
    }
  });
});
