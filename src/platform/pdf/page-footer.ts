import type { PDFPage } from 'pdf-lib';
import { contactLines } from '../mail/render-message';
import type { UnitSettings } from '../settings/settings-schemas';
import type { DocumentFonts } from './fonts';
import { drawLine, heightOf, layOutRuns, type Line } from './lay-out-text';
import { baselineOffsetOf, colors, typeScale } from './text-style';

// CA-7: every document carries the training unit's contact details, on every page, in the same
// words as the foot of every e-mail; beside them, where the page sits in the document.

/** Room kept at the right of the footer for "Page 12 of 12". */
const pageNumberWidth = 72;
const ruleGap = 6;

export type Footer = { lines: Line[]; height: number };

export function layOutFooter(unit: UnitSettings, width: number, fonts: DocumentFonts): Footer {
  const runs = contactLines(unit).map((text, i) => ({ text, bold: i === 0, size: typeScale.footer, color: colors.muted }));
  const lines = layOutRuns(runs, width - pageNumberWidth, fonts);
  return { lines, height: ruleGap + heightOf(lines) };
}

type Placement = { left: number; width: number; bottom: number; pageNumber: number; pageCount: number };

/** Draws the footer with its rule `footer.height` above `bottom`. */
export function drawFooter(page: PDFPage, footer: Footer, fonts: DocumentFonts, { left, width, bottom, pageNumber, pageCount }: Placement): void {
  const top = bottom + footer.height;
  page.drawLine({ start: { x: left, y: top }, end: { x: left + width, y: top }, thickness: 0.5, color: colors.rule });
  let y = top - ruleGap;
  for (const line of footer.lines) {
    drawLine(page, line, left, y);
    y -= line.height;
  }
  const label = `Page ${pageNumber} of ${pageCount}`;
  const size = typeScale.footer;
  const labelWidth = fonts.regular.widthOfTextAtSize(label, size);
  page.drawText(label, { x: left + width - labelWidth, y: top - ruleGap - baselineOffsetOf(size), size, font: fonts.regular, color: colors.muted });
}
