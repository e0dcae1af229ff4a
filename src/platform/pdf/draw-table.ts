import type { DocumentFonts } from './fonts';
import { drawLine, heightOf, layOutRuns, type Line, type TextRun } from './lay-out-text';
import type { Lead, PageCursor } from './page-cursor';
import { colors, lineHeightOf, typeScale } from './text-style';

export type TableColumn = { header: string; /** Share of the table's width, against the other columns'. */ width: number };
export type TableCell = string | readonly TextRun[];
export type TableSpec = {
  columns: readonly TableColumn[];
  rows: readonly (readonly TableCell[])[];
  /** Points; the full text width when left out. */
  width?: number;
  /** A line above the table that stays with it ("Holidays in 2026"). */
  caption?: string;
  /** Start the table on a new page rather than split it, when it fits on one (a week, a short list). */
  keepTogether?: boolean;
};

const padX = 5;
const padY = 4;
const border = 0.5;
const captionGap = 3;

type Row = Line[][];

function runsOf(cell: TableCell): readonly TextRun[] {
  return typeof cell === 'string' ? [{ text: cell, size: typeScale.small + 0.5 }] : cell;
}

const rowHeight = (row: Row) => 2 * padY + Math.max(0, ...row.map(heightOf));

/**
 * The part of a row that fits in `height`, and what is left for the next page. Each column keeps
 * as many of its lines as fit; at least one line moves, so a row taller than a page still ends.
 */
function splitRow(row: Row, height: number): { now: Row; later: Row } {
  const room = height - 2 * padY;
  const counts = row.map((lines) => {
    let used = 0;
    let n = 0;
    while (n < lines.length && used + lines[n]!.height <= room) used += lines[n++]!.height;
    return n;
  });
  if (!counts.some((n) => n > 0)) counts.fill(1);
  const now = row.map((lines, c) => lines.slice(0, counts[c]));
  const later = row.map((lines, c) => lines.slice(counts[c]).map((line, i) => (i === 0 ? { ...line, spaceAbove: 0, height: line.height - line.spaceAbove } : line)));
  return { now, later };
}

function drawRow(cursor: PageCursor, row: Row, widths: readonly number[], header: boolean): void {
  const height = rowHeight(row);
  const top = cursor.y;
  let x = cursor.left;
  row.forEach((lines, c) => {
    const width = widths[c] ?? 0;
    cursor.page.drawRectangle({ x, y: top - height, width, height, borderColor: colors.rule, borderWidth: border, ...(header ? { color: colors.headerFill } : {}) });
    let y = top - padY;
    for (const line of lines) {
      drawLine(cursor.page, line, x + padX, y);
      y -= line.height;
    }
    x += width;
  });
  cursor.y = top - height;
}

/**
 * A table with a header row, cells wrapped to their column. A row that does not fit goes to the
 * next page, under the header again; a row taller than a whole page is split across pages.
 */
export function drawTable(cursor: PageCursor, fonts: DocumentFonts, spec: TableSpec, lead?: Lead): void {
  const total = spec.columns.reduce((sum, column) => sum + column.width, 0);
  if (spec.columns.length === 0 || !(total > 0) || spec.columns.some((column) => !(column.width > 0))) throw new Error('A table needs columns, each with a width above zero.');
  const tableWidth = Math.min(spec.width ?? cursor.width, cursor.width);
  const widths = spec.columns.map((column) => (column.width / total) * tableWidth);
  const layOut = (cells: readonly TableCell[]): Row => {
    if (cells.length !== spec.columns.length) throw new Error(`A table row has ${cells.length} cells for ${spec.columns.length} columns.`);
    return cells.map((cell, c) => layOutRuns(runsOf(cell), (widths[c] ?? 0) - 2 * padX, fonts));
  };
  const header = layOut(spec.columns.map((column) => [{ text: column.header, bold: true, size: typeScale.small + 0.5 }]));
  const rows = spec.rows.map(layOut);
  const headerHeight = rowHeight(header);
  const oneLine = 2 * padY + lineHeightOf(typeScale.body);
  const roomOnNewPage = cursor.frame.top - cursor.frame.bottom - headerHeight;

  // A page whose only row so far is the header, at its top: a row that does not fit there fits nowhere.
  let freshPage = false;
  const startPage = (newPage: boolean) => {
    if (newPage) cursor.newPage();
    freshPage = cursor.atTop;
    drawRow(cursor, header, widths, true);
  };

  const caption = spec.caption ? layOutRuns([{ text: spec.caption, bold: true, size: typeScale.small, color: colors.text }], tableWidth, fonts) : [];
  const captionHeight = caption.length > 0 ? heightOf(caption) + captionGap : 0;
  const wholeHeight = captionHeight + headerHeight + rows.reduce((sum, row) => sum + rowHeight(row), 0);
  // The heading before it, the caption and the header never stand alone at the foot of a page: they
  // go with the first row, or a line of it; a table kept together moves to the next page whole.
  const first = rows[0];
  const leadHeight = lead?.height ?? 0;
  const fitsOnAPage = leadHeight + wholeHeight <= cursor.frame.top - cursor.frame.bottom;
  const keepHeight = spec.keepTogether && fitsOnAPage ? wholeHeight : captionHeight + headerHeight + (first ? Math.min(rowHeight(first), oneLine) : 0);
  cursor.ensureSpace(leadHeight + keepHeight);
  lead?.draw();
  for (const line of caption) {
    drawLine(cursor.page, line, cursor.left, cursor.y);
    cursor.y -= line.height;
  }
  if (caption.length > 0) cursor.y -= captionGap;
  startPage(false);
  for (const row of rows) {
    let rest: Row | undefined = row;
    while (rest) {
      const height = rowHeight(rest);
      if (height <= cursor.spaceLeft) {
        drawRow(cursor, rest, widths, false);
        freshPage = false;
        rest = undefined;
      } else if (!freshPage && (height <= roomOnNewPage || cursor.spaceLeft < oneLine)) {
        startPage(true);
      } else {
        const { now, later } = splitRow(rest, cursor.spaceLeft);
        drawRow(cursor, now, widths, false);
        rest = later.some((lines) => lines.length > 0) ? later : undefined;
        if (rest) startPage(true);
      }
    }
  }
}
