import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * The text of each page of a PDF as a reader's viewer extracts it (pdf.js, the engine in Firefox
 * and many viewers), runs joined by single spaces, so a phrase wrapped over two lines still reads
 * as one. Proves a document says what it should, not merely that it was written.
 */
export async function pdfPageTexts(bytes: Uint8Array): Promise<string[]> {
  // pdf.js may detach the buffer it is given: hand it a copy.
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: VerbosityLevel.ERRORS, isEvalSupported: false, useSystemFonts: false }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      const runs = content.items.map((item) => ('str' in item ? item.str : ''));
      pages.push(runs.join(' ').replace(/\s+/g, ' ').trim());
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}
