import type { Color, PDFFont, PDFPage } from 'pdf-lib';
import type { DocumentFonts } from './fonts';
import { baselineOffsetOf, colors, lineHeightOf, typeScale } from './text-style';
import { wrapText } from './wrap-text';

/** A piece of text with its look: a paragraph is one run, a table cell may hold several. */
export type TextRun = { text: string; bold?: boolean; size?: number; color?: Color };

/** One line ready to draw; `height` includes the space above it. */
export type Line = { text: string; font: PDFFont; size: number; color: Color; spaceAbove: number; height: number };

/** Space between two runs of the same block (a name and its description in one cell). */
const runGap = 2;

// Shaping a word with fontkit costs about a tenth of a millisecond, and documents repeat their
// words: widths measured at 1 point (width scales with size) are kept per font face, across
// documents, up to a bound so a long-running server does not grow without end.
const widths = new Map<string, Map<string, number>>();
const maxRemembered = 50_000;

function measureWith(font: PDFFont, size: number): (text: string) => number {
  let known = widths.get(font.name);
  if (!known) widths.set(font.name, (known = new Map()));
  const cache = known;
  return (text) => {
    let unit = cache.get(text);
    if (unit === undefined) {
      if (cache.size >= maxRemembered) cache.clear();
      cache.set(text, (unit = font.widthOfTextAtSize(text, 1)));
    }
    return unit * size;
  };
}

/** The runs wrapped to `width`, each run starting on a line of its own; empty runs are skipped. */
export function layOutRuns(runs: readonly TextRun[], width: number, fonts: DocumentFonts): Line[] {
  const lines: Line[] = [];
  for (const run of runs) {
    if (!run.text.trim()) continue;
    const font = run.bold ? fonts.bold : fonts.regular;
    const size = run.size ?? typeScale.body;
    const color = run.color ?? colors.text;
    const wrapped = wrapText(run.text.trim(), width, measureWith(font, size));
    wrapped.forEach((text, i) => {
      const spaceAbove = i === 0 && lines.length > 0 ? runGap : 0;
      lines.push({ text, font, size, color, spaceAbove, height: spaceAbove + lineHeightOf(size) });
    });
  }
  return lines;
}

export function heightOf(lines: readonly Line[]): number {
  return lines.reduce((sum, line) => sum + line.height, 0);
}

/** Draws one line with the top of its box (above any space before it) at `top`. */
export function drawLine(page: PDFPage, line: Line, x: number, top: number): void {
  if (!line.text) return;
  page.drawText(line.text, { x, y: top - line.spaceAbove - baselineOffsetOf(line.size), size: line.size, font: line.font, color: line.color });
}

/** Text written with blank lines between paragraphs, as paragraphs (single newlines kept). */
export function splitParagraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}
