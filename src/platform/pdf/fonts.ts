import { readFile } from 'node:fs/promises';
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';

// The fonts ship with Stride (assets/fonts, decision 012): a document looks the same whatever
// fonts the server has, and covers the accents and scripts of people's names. Resolved from this
// file, so it works under tsx, in tests and from any working directory.
const fontFiles = {
  regular: new URL('../../../assets/fonts/DejaVuSans.ttf', import.meta.url),
  bold: new URL('../../../assets/fonts/DejaVuSans-Bold.ttf', import.meta.url),
};

type FontBytes = { regular: Uint8Array; bold: Uint8Array };
let cached: Promise<FontBytes> | undefined;

function fontBytes(): Promise<FontBytes> {
  cached ??= Promise.all([readFile(fontFiles.regular), readFile(fontFiles.bold)]).then(([regular, bold]) => ({ regular, bold }));
  // A failed read is not remembered: the next document tries again.
  cached.catch(() => (cached = undefined));
  return cached;
}

export type DocumentFonts = { regular: PDFFont; bold: PDFFont };

/** Embeds the regular and bold faces, each subset to the glyphs the document draws. */
export async function embedDocumentFonts(pdf: PDFDocument): Promise<DocumentFonts> {
  pdf.registerFontkit(fontkit);
  const bytes = await fontBytes();
  const [regular, bold] = await Promise.all([pdf.embedFont(bytes.regular, { subset: true }), pdf.embedFont(bytes.bold, { subset: true })]);
  return { regular, bold };
}
