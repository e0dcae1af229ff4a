import { describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { pdfPageTexts } from '../../../tests/support/pdf-text';
import type { UnitSettings } from '../settings/settings-schemas';
import { PdfDocumentBuilder, type PdfDocumentOptions } from './pdf-document-builder';

const unit: UnitSettings = {
  organizationName: 'Northwind Utilities',
  unitName: 'Learning & Performance',
  contactEmail: 'learning@northwind.example',
  contactPhone: '+1 617 555 0142',
  location: 'Building 2, floor 3',
  officeHours: 'Mon–Fri 8:30–17:00',
  timeZone: 'America/New_York',
};
const createdAt = new Date('2026-03-02T14:00:00Z');

function builder(overrides: Partial<PdfDocumentOptions> = {}) {
  return PdfDocumentBuilder.create({ paper: 'a4', unit, metadata: { title: 'A test document', author: 'Learning & Performance', subject: 'Layout', creationDate: createdAt }, ...overrides });
}

/** Each page's text as pdf.js reads it, and each distinct "Row N" in reading order. */
async function read(bytes: Uint8Array) {
  const pages = await pdfPageTexts(bytes);
  return { pages, rows: pages.map((page) => [...page.matchAll(/\bRow (\d+)\b/g)].map((m) => Number(m[1]))) };
}

describe('PdfDocumentBuilder', () => {
  it('CH-1 writes the metadata a reader and a search index see, on the paper asked for', async () => {
    for (const [paper, size] of [['a4', [595.28, 841.89]], ['letter', [612, 792]]] as const) {
      const doc = await builder({ paper, metadata: { title: 'Service charter, version 3', author: 'Learning & Performance', subject: 'What we promise', creationDate: createdAt, keywords: ['charter'] } });
      const pdf = await PDFDocument.load(await doc.heading('Title', 1).paragraph('Hello').save(), { updateMetadata: false });
      expect(pdf.getTitle()).toBe('Service charter, version 3');
      expect(pdf.getAuthor()).toBe('Learning & Performance');
      expect(pdf.getSubject()).toBe('What we promise');
      expect(pdf.getKeywords()).toBe('charter');
      expect(pdf.getCreator()).toBe('Stride');
      expect(pdf.getCreationDate()?.toISOString()).toBe(createdAt.toISOString());
      expect(pdf.getPage(0).getSize()).toEqual({ width: size[0], height: size[1] });
    }
  });

  it('CA-7 every page carries the unit’s contact details and "Page N of M"', async () => {
    const doc = await builder();
    for (let i = 0; i < 12; i++) doc.heading(`Part ${i + 1}`).paragraphs('Words fill the page. '.repeat(60));
    const { pages } = await read(await doc.save());
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((page, i) => {
      expect(page).toContain('Learning & Performance · Northwind Utilities');
      expect(page).toContain('E-mail learning@northwind.example · Phone +1 617 555 0142');
      expect(page).toContain('Building 2, floor 3 · Mon–Fri 8:30–17:00');
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
    });
  });

  it('CH-1 a long table breaks across pages, repeats its header on each, and loses or repeats no row', async () => {
    const doc = await builder();
    doc.heading('A long table', 1).table({
      caption: '120 rows',
      columns: [
        { header: 'Row label', width: 1 },
        { header: 'Details column', width: 3 },
      ],
      rows: Array.from({ length: 120 }, (_, i) => [`Row ${i + 1}`, `details `.repeat((i % 9) + 1).trim()]),
    });
    const { pages, rows } = await read(await doc.save());
    expect(pages.length).toBeGreaterThan(2);
    for (const page of pages) expect(page).toMatch(/Row label Details column/);
    expect(pages.filter((page) => page.includes('120 rows'))).toHaveLength(1);
    expect(rows.flat()).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
    expect(rows.every((onPage) => onPage.length > 0)).toBe(true);
  });

  it('CH-1 a row taller than a page is split across pages, every word kept in order', async () => {
    const words = Array.from({ length: 1500 }, (_, i) => `w${i + 1}`);
    const doc = await builder();
    doc.table({ columns: [{ header: 'Name', width: 1 }, { header: 'Very long text', width: 2 }], rows: [['Row 1', words.join(' ')], ['Row 2', 'short']] });
    const { pages } = await read(await doc.save());
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(page).toContain('Name Very long text');
    const found = pages.join(' ').match(/\bw\d+\b/g);
    expect(found).toEqual(words);
    expect(pages[pages.length - 1]).toContain('Row 2 short');
  });

  it('CH-1 wraps a paragraph to the page', async () => {
    const text = `${'A sentence that goes on. '.repeat(80)}End.`;
    const { pages } = await read(await (await builder()).heading('Wrapping', 1).paragraph(text).save());
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain(text);
  });

  it('CH-1 never leaves a heading alone at the foot of a page', async () => {
    // However much comes before it, a heading is on the page where its text starts.
    const pagesOfHeading = new Set<number>();
    for (let filler = 36; filler <= 54; filler++) {
      const doc = await builder();
      for (let i = 0; i < filler; i++) doc.paragraph(`Line ${i + 1}`, { spaceAfter: 0 });
      doc.heading('Kept with its text').paragraph('The paragraph under the heading.');
      const { pages } = await read(await doc.save());
      const page = pages.findIndex((text) => text.includes('Kept with its text'));
      expect(pages[page], `after ${filler} lines`).toContain('Kept with its text The paragraph under the heading.');
      pagesOfHeading.add(page);
    }
    expect([...pagesOfHeading].sort()).toEqual([0, 1]); // the fillers did reach the foot of the page
  });

  it('CH-1 lists number their items and draw accented names in any script the font covers', async () => {
    const doc = await builder();
    doc.list([{ title: 'Zoë Ångström', text: 'Łódź, Ελλάδα, Москва' }, 'Second item'], { numbered: true });
    const { pages } = await read(await doc.save());
    expect(pages[0]).toContain('1. Zoë Ångström Łódź, Ελλάδα, Москва 2. Second item');
  });
});
