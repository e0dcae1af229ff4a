import { PDFDocument } from 'pdf-lib';
import type { UnitSettings } from '../settings/settings-schemas';
import { drawTable, type TableSpec } from './draw-table';
import { embedDocumentFonts, type DocumentFonts } from './fonts';
import { drawLine, heightOf, layOutRuns, splitParagraphs, type Line, type TextRun } from './lay-out-text';
import { drawFooter, layOutFooter, type Footer } from './page-footer';
import { PageCursor, type Lead } from './page-cursor';
import { pageMargin, pageSizeOf, type PaperSize } from './page-geometry';
import { colors, typeScale } from './text-style';

export type PdfMetadata = { title: string; author: string; subject: string; creationDate: Date; keywords?: string[] };

export type PdfDocumentOptions = {
  paper: PaperSize;
  metadata: PdfMetadata;
  /** Whose contact details stand at the foot of every page (CA-7). */
  unit: UnitSettings;
};

export type ListItem = string | { title: string; text?: string };
export type ParagraphStyle = { size?: number; bold?: boolean; color?: TextRun['color']; spaceAfter?: number };

const headingStyles = {
  1: { size: typeScale.title, spaceAbove: 0, spaceAfter: 6 },
  2: { size: typeScale.heading, spaceAbove: 18, spaceAfter: 4 },
  3: { size: typeScale.subheading, spaceAbove: 10, spaceAfter: 3 },
} as const;
type PendingHeading = { lines: Line[]; spaceAbove: number; spaceAfter: number };
const listIndent = 16;
const paragraphGap = 6;
const footerGap = 12;

/**
 * Writes a document top to bottom: headings, paragraphs, lists and tables flow onto as many pages
 * as they need, each page ending with the unit's contact details and "Page N of M".
 */
export class PdfDocumentBuilder {
  private readonly headings: PendingHeading[] = [];

  private constructor(
    private readonly pdf: PDFDocument,
    private readonly fonts: DocumentFonts,
    private readonly cursor: PageCursor,
    private readonly footer: Footer,
    private readonly metadata: PdfMetadata,
  ) {}

  static async create({ paper, metadata, unit }: PdfDocumentOptions): Promise<PdfDocumentBuilder> {
    const pdf = await PDFDocument.create({ updateMetadata: false });
    const fonts = await embedDocumentFonts(pdf);
    const [pageWidth, pageHeight] = pageSizeOf[paper];
    const width = pageWidth - 2 * pageMargin;
    const footer = layOutFooter(unit, width, fonts);
    const frame = { size: pageSizeOf[paper], left: pageMargin, width, top: pageHeight - pageMargin, bottom: pageMargin + footer.height + footerGap };
    return new PdfDocumentBuilder(pdf, fonts, new PageCursor(pdf, frame), footer, metadata);
  }

  /**
   * Level 1 is the document's title. A heading waits for what follows it and goes on the page that
   * block starts on, so it never stands alone at the foot of a page.
   */
  heading(text: string, level: 1 | 2 | 3 = 2): this {
    const style = headingStyles[level];
    const lines = layOutRuns([{ text, bold: true, size: style.size, color: level === 3 ? colors.text : colors.accent }], this.cursor.width, this.fonts);
    if (this.headings.length === 0) this.cursor.skip(style.spaceAbove);
    this.headings.push({ lines, spaceAbove: this.headings.length === 0 ? 0 : style.spaceAbove, spaceAfter: style.spaceAfter });
    return this;
  }

  paragraph(text: string | readonly TextRun[], style: ParagraphStyle = {}): this {
    const runs = typeof text === 'string' ? [{ text, size: style.size, bold: style.bold, color: style.color }] : text;
    const lines = layOutRuns(runs, this.cursor.width, this.fonts);
    this.placeHeadings(heightOf(lines.slice(0, 2)));
    this.drawLines(lines, 0);
    this.cursor.skip(style.spaceAfter ?? paragraphGap);
    return this;
  }

  /** Text with blank lines between its paragraphs. */
  paragraphs(text: string, style: ParagraphStyle = {}): this {
    for (const paragraph of splitParagraphs(text)) this.paragraph(paragraph, style);
    return this;
  }

  /** Bullets, or numbers; an item with a title shows it in bold above its text. */
  list(items: readonly ListItem[], { numbered = false }: { numbered?: boolean } = {}): this {
    items.forEach((item, i) => {
      const runs: TextRun[] = typeof item === 'string' ? [{ text: item }] : [{ text: item.title, bold: true }, { text: item.text ?? '' }];
      const lines = layOutRuns(runs, this.cursor.width - listIndent, this.fonts);
      const first = lines[0];
      if (!first) return;
      this.placeHeadings(heightOf(lines.slice(0, 2)));
      const marker = numbered ? `${i + 1}.` : '•';
      drawLine(this.cursor.page, { ...first, text: marker, font: numbered ? this.fonts.bold : this.fonts.regular, color: colors.accent }, this.cursor.left + 2, this.cursor.y);
      this.drawLines(lines, listIndent);
      this.cursor.skip(i === items.length - 1 ? paragraphGap : 4);
    });
    return this;
  }

  table(spec: TableSpec): this {
    drawTable(this.cursor, this.fonts, spec, this.takeHeadings());
    this.cursor.skip(paragraphGap + 4);
    return this;
  }

  space(points: number): this {
    this.cursor.skip(points);
    return this;
  }

  get pageCount(): number {
    return this.cursor.pages.length;
  }

  /** Adds the footers (now that the page count is known) and the metadata, and writes the file. */
  async save(): Promise<Uint8Array> {
    this.placeHeadings(0);
    const { pages, frame } = this.cursor;
    pages.forEach((page, i) => drawFooter(page, this.footer, this.fonts, { left: frame.left, width: frame.width, bottom: pageMargin, pageNumber: i + 1, pageCount: pages.length }));
    const { title, author, subject, creationDate, keywords } = this.metadata;
    this.pdf.setTitle(title, { showInWindowTitleBar: true });
    this.pdf.setAuthor(author);
    this.pdf.setSubject(subject);
    if (keywords) this.pdf.setKeywords(keywords);
    this.pdf.setCreator('Stride');
    this.pdf.setProducer('Stride (pdf-lib)');
    this.pdf.setLanguage('en');
    this.pdf.setCreationDate(creationDate);
    this.pdf.setModificationDate(creationDate);
    return this.pdf.save();
  }

  /** The headings waiting for the next block, as one piece to keep with it; none are left waiting. */
  private takeHeadings(): Lead | undefined {
    const headings = this.headings.splice(0);
    if (headings.length === 0) return undefined;
    return {
      height: headings.reduce((sum, h) => sum + h.spaceAbove + heightOf(h.lines) + h.spaceAfter, 0),
      draw: () => {
        for (const heading of headings) {
          this.cursor.skip(heading.spaceAbove);
          this.drawLines(heading.lines, 0);
          this.cursor.skip(heading.spaceAfter);
        }
      },
    };
  }

  /** Draws the waiting headings where `nextHeight` of the next block fits below them. */
  private placeHeadings(nextHeight: number): void {
    const lead = this.takeHeadings();
    this.cursor.ensureSpace((lead?.height ?? 0) + nextHeight);
    lead?.draw();
  }

  /** Lines one after another, each on the page it fits. */
  private drawLines(lines: readonly Line[], indent: number): void {
    for (const line of lines) {
      this.cursor.ensureSpace(line.height);
      drawLine(this.cursor.page, line, this.cursor.left + indent, this.cursor.y);
      this.cursor.y -= line.height;
    }
  }
}
