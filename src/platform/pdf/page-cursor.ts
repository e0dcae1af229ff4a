import type { PDFDocument, PDFPage } from 'pdf-lib';

/** What must stay on the same page as the block after it (a heading): its height, and how to draw it. */
export type Lead = { height: number; draw: () => void };

type Frame = { size: [number, number]; left: number; width: number; top: number; bottom: number };

/**
 * Where the next block goes: the current page and how far down it is. Blocks ask for the height
 * they need; a block that does not fit starts a new page.
 */
export class PageCursor {
  readonly pages: PDFPage[] = [];
  page: PDFPage;
  /** The top of the free space on the current page, in points from the page's bottom edge. */
  y: number;

  constructor(
    private readonly pdf: PDFDocument,
    readonly frame: Frame,
  ) {
    this.page = this.addPage();
    this.y = frame.top;
  }

  get left(): number {
    return this.frame.left;
  }

  get width(): number {
    return this.frame.width;
  }

  /** Height left above the footer on this page. */
  get spaceLeft(): number {
    return this.y - this.frame.bottom;
  }

  /** Nothing has been drawn on this page yet. */
  get atTop(): boolean {
    return this.y >= this.frame.top;
  }

  newPage(): void {
    this.page = this.addPage();
    this.y = this.frame.top;
  }

  /** Starts a new page unless `height` fits here; on an empty page it always fits (it must go somewhere). */
  ensureSpace(height: number): void {
    if (height > this.spaceLeft && !this.atTop) this.newPage();
  }

  /** Moves down; at the top of a page, space above a block is dropped. */
  skip(height: number): void {
    if (!this.atTop) this.y = Math.max(this.frame.bottom, this.y - height);
  }

  private addPage(): PDFPage {
    const page = this.pdf.addPage(this.frame.size);
    this.pages.push(page);
    return page;
  }
}
