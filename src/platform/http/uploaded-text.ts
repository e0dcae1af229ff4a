import type { FastifyRequest } from 'fastify';
import { AppError } from './app-error';
import type { TextUpload } from './types';
import { sizeLabel } from './size-label';

export { sizeLabel };

// Browsers read a chosen file with File.text(), which decodes it as UTF-8 and
// turns every invalid byte into U+FFFD. So a spreadsheet, an image or a
// Windows-1252 export arrives as a string that still carries its signature,
// decoded the same way. Each signature is decoded here with the same decoder
// (and as Latin-1, for clients that send bytes as code points), so the check
// looks at what the file is, never at what it is called.
type Signature = { what: string; bytes: number[]; also?: (head: string) => boolean };

const signatures: Signature[] = [
  { what: 'a PNG image', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { what: 'a JPEG image', bytes: [0xff, 0xd8, 0xff], also: (head) => /JFIF|Exif/.test(head.slice(0, 40)) },
  { what: 'a GIF image', bytes: [...Buffer.from('GIF8')] },
  { what: 'a WebP image', bytes: [...Buffer.from('RIFF')], also: (head) => head.slice(0, 16).includes('WEBP') },
  { what: 'a PDF document', bytes: [...Buffer.from('%PDF-')] },
  { what: 'an old-style Excel workbook (.xls) or another Office file', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { what: 'a gzip archive', bytes: [0x1f, 0x8b] },
  { what: 'a RAR archive', bytes: [...Buffer.from('Rar!'), 0x1a, 0x07] },
  { what: 'a 7-Zip archive', bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
];

const decoder = new TextDecoder('utf-8');
const prefixes = signatures.map((s) => ({
  ...s,
  forms: [...new Set([decoder.decode(Uint8Array.from(s.bytes)), Buffer.from(s.bytes).toString('latin1')])],
}));

// ZIP is the container of .xlsx, .docx, .ods…; what it holds names the format.
const zipStart = /^PK[\u0003\u0005\u0007][\u0004\u0006\u0008]/;
function describeZip(head: string): string {
  if (head.includes('[Content_Types].xml') || head.includes('xl/')) {
    if (head.includes('word/')) return 'a Word document (.docx)';
    if (head.includes('ppt/')) return 'a PowerPoint file (.pptx)';
    return 'an Excel workbook (.xlsx)';
  }
  if (head.includes('application/vnd.oasis.opendocument.spreadsheet')) return 'an OpenDocument spreadsheet (.ods)';
  return 'a ZIP archive';
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line += 1;
  return line;
}

/**
 * What an uploaded file is when it is not `format` text (a PNG image, an Excel
 * workbook, UTF-16 text…), as a sentence for the person who chose it; undefined
 * when it is plain UTF-8 text.
 */
export function describeNotText(text: string, format: string): string | undefined {
  const head = text.slice(0, 4096);
  const advice = `Export it as ${format} (UTF-8) and upload that file.`;
  if (zipStart.test(head)) return `This looks like ${describeZip(head)}, not ${format} text. ${advice}`;
  for (const s of prefixes) {
    if (s.forms.some((f) => head.startsWith(f)) && (!s.also || s.also(head))) return `This looks like ${s.what}, not ${format} text. ${advice}`;
  }
  if (/^\s*<\?xml[\s\S]{0,2000}urn:schemas-microsoft-com:office:spreadsheet/.test(head)) {
    return `This looks like an Excel XML spreadsheet, not ${format} text. ${advice}`;
  }
  if (/^\s*(<!doctype html|<html[\s>])/i.test(head)) return `This looks like a web page (HTML), not ${format} text. ${advice}`;
  const nul = text.indexOf('\u0000');
  if (nul !== -1) {
    // UTF-16 ("Unicode text" in Excel) puts a NUL beside every Latin letter.
    const sample = head.slice(0, 512);
    const nuls = sample.split('\u0000').length - 1;
    if (nuls >= sample.length / 4) return `This looks like UTF-16 text ("Unicode text"), not UTF-8. ${advice}`;
    return `This looks like a binary file, not ${format} text: it contains NUL bytes (the first on line ${lineOf(text, nul)}). ${advice}`;
  }
  const broken = text.indexOf('\ufffd');
  if (broken !== -1) {
    let count = 0;
    for (let i = broken; i !== -1 && count < 1000; i = text.indexOf('\ufffd', i + 1)) count += 1;
    return (
      `This is not UTF-8 text: ${count >= 1000 ? 'more than 1,000' : count} character${count === 1 ? '' : 's'} could not be read (shown as \ufffd), the first on line ${lineOf(text, broken)}. ` +
      `It was probably saved in another encoding (such as Windows-1252). ${advice}`
    );
  }
  return undefined;
}

export function tooLargeMessage(upload: TextUpload, bytes?: number): string {
  const size = bytes === undefined ? '' : ` (${sizeLabel(bytes)})`;
  return `The file is too large${size}: at most ${sizeLabel(upload.maxBytes)} per upload. Split it into smaller files.`;
}

/** Refuses a request whose uploaded text is too large or is not text at all, before anything reads or stores it. */
export function checkTextUpload(request: FastifyRequest): void {
  const upload = request.routeOptions.config.textUpload;
  if (!upload) return;
  const value = (request.body as Record<string, unknown> | undefined)?.[upload.field];
  if (typeof value !== 'string') return; // the schema reports a missing or mistyped field
  const bytes = Buffer.byteLength(value, 'utf8');
  if (bytes > upload.maxBytes) {
    const message = tooLargeMessage(upload, bytes);
    throw new AppError('payload_too_large', message, { fields: [{ field: upload.field, message }] });
  }
  const notText = describeNotText(value, upload.format);
  if (notText) throw new AppError('unsupported_media_type', notText, { fields: [{ field: upload.field, message: notText }] });
}
