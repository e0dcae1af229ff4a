import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import jsQR from 'jsqr';

const run = promisify(execFile);

/**
 * The text of the QR code printed on a PDF's first page, as a phone would read it: the page is
 * rasterized by poppler (pdftoppm, grey PGM) and the picture decoded by jsQR. Proves the code in
 * the file itself, not the image we meant to put there.
 */
export async function qrCodeOnPdf(bytes: Uint8Array, dpi = 150): Promise<string | undefined> {
  const dir = await mkdtemp(join(tmpdir(), 'stride-qr-'));
  try {
    await writeFile(join(dir, 'doc.pdf'), bytes);
    await run('pdftoppm', ['-gray', '-r', String(dpi), '-f', '1', '-l', '1', join(dir, 'doc.pdf'), join(dir, 'page')]);
    const file = (await readdir(dir)).find((f) => f.endsWith('.pgm'));
    if (!file) return undefined;
    const { width, height, pixels } = parsePgm(await readFile(join(dir, file)));
    const rgba = new Uint8ClampedArray(width * height * 4);
    for (let i = 0; i < width * height; i++) {
      const v = pixels[i]!;
      rgba.set([v, v, v, 255], i * 4);
    }
    return jsQR(rgba, width, height)?.data;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A binary PGM (P5, 8-bit): three numbers after the magic, one whitespace, then the pixels. */
function parsePgm(buf: Buffer): { width: number; height: number; pixels: Uint8Array } {
  let pos = 0;
  const token = (): string => {
    for (;;) {
      while (/\s/.test(String.fromCharCode(buf[pos]!))) pos++;
      if (buf[pos] !== 0x23) break; // a comment line
      while (buf[pos] !== 0x0a) pos++;
    }
    const start = pos;
    while (!/\s/.test(String.fromCharCode(buf[pos]!))) pos++;
    return buf.subarray(start, pos).toString('ascii');
  };
  if (token() !== 'P5') throw new Error('pdf-qr: pdftoppm did not write a binary PGM');
  const [width, height, max] = [Number(token()), Number(token()), Number(token())];
  if (max > 255) throw new Error('pdf-qr: 16-bit PGM not supported');
  return { width, height, pixels: buf.subarray(pos + 1, pos + 1 + width * height) };
}
