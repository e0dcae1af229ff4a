// What a file is, read from its first bytes — never from its name or the type a browser claims.
// Each kind Stride accepts anywhere is listed once; a capability's policy picks among them.

export const fileKinds = ['pdf', 'png', 'jpeg', 'gif', 'webp', 'mp4', 'text'] as const;
export type FileKind = (typeof fileKinds)[number];

export const fileKindInfo: Record<FileKind, { mediaType: string; label: string; extension: string }> = {
  pdf: { mediaType: 'application/pdf', label: 'PDF', extension: 'pdf' },
  png: { mediaType: 'image/png', label: 'PNG image', extension: 'png' },
  jpeg: { mediaType: 'image/jpeg', label: 'JPEG image', extension: 'jpg' },
  gif: { mediaType: 'image/gif', label: 'GIF image', extension: 'gif' },
  webp: { mediaType: 'image/webp', label: 'WebP image', extension: 'webp' },
  mp4: { mediaType: 'video/mp4', label: 'MP4 video', extension: 'mp4' },
  text: { mediaType: 'text/plain; charset=utf-8', label: 'plain text (UTF-8)', extension: 'txt' },
};

const startsWith = (bytes: Buffer, prefix: number[] | string, at = 0) => {
  const p = typeof prefix === 'string' ? Buffer.from(prefix, 'latin1') : Buffer.from(prefix);
  return bytes.length >= at + p.length && bytes.subarray(at, at + p.length).equals(p);
};

// Formats people try to attach that Stride refuses, named so the refusal says what the file is.
const refused: { what: string; test: (b: Buffer) => boolean }[] = [
  { what: 'a ZIP archive or an Office document (.docx, .xlsx, .pptx)', test: (b) => startsWith(b, [0x50, 0x4b, 0x03, 0x04]) || startsWith(b, [0x50, 0x4b, 0x05, 0x06]) },
  { what: 'an old-style Office document (.doc, .xls)', test: (b) => startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) },
  { what: 'a Windows program', test: (b) => startsWith(b, 'MZ') },
  { what: 'a program (ELF)', test: (b) => startsWith(b, [0x7f, 0x45, 0x4c, 0x46]) },
  { what: 'a gzip archive', test: (b) => startsWith(b, [0x1f, 0x8b]) },
  { what: 'a RAR archive', test: (b) => startsWith(b, 'Rar!') },
  { what: 'a 7-Zip archive', test: (b) => startsWith(b, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]) },
];

const mp4Brands = ['isom', 'iso2', 'mp41', 'mp42', 'avc1', 'M4V ', 'mp4v'];

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Plain UTF-8 text without NULs or markup a browser would run: a note, a log excerpt, a CSV. */
function isPlainText(bytes: Buffer): boolean {
  if (bytes.includes(0)) return false;
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return false;
  }
  return !/^\s*(<!doctype|<html|<svg|<\?xml)/i.test(text.slice(0, 512));
}

/** The kind of file these bytes are, or undefined when it is none Stride accepts. */
export function detectFileKind(bytes: Buffer): FileKind | undefined {
  if (startsWith(bytes, '%PDF-')) return 'pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, 'GIF87a') || startsWith(bytes, 'GIF89a')) return 'gif';
  if (startsWith(bytes, 'RIFF') && startsWith(bytes, 'WEBP', 8)) return 'webp';
  // An ISO media file says what it is in its first box; only the video brands phones and cameras write.
  if (startsWith(bytes, 'ftyp', 4) && mp4Brands.includes(bytes.subarray(8, 12).toString('latin1'))) return 'mp4';
  if (refused.some((r) => r.test(bytes))) return undefined;
  return isPlainText(bytes) ? 'text' : undefined;
}

/** What a refused file looks like, for the message ("a Windows program"); a generic phrase otherwise. */
export function describeRefusedFile(bytes: Buffer): string {
  const kind = detectFileKind(bytes);
  if (kind) return `a ${fileKindInfo[kind].label}`;
  if (/^\s*(<!doctype|<html)/i.test(bytes.subarray(0, 512).toString('latin1'))) return 'a web page (HTML)';
  if (/^\s*(<svg|<\?xml)/i.test(bytes.subarray(0, 512).toString('latin1'))) return 'an XML or SVG file';
  return refused.find((r) => r.test(bytes))?.what ?? 'a file of a type Stride does not accept';
}
