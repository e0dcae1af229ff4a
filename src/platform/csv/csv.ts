// CSV the way every export in Stride writes it (VA-3): RFC 4180 quoting, CRLF line ends, and a
// cell a spreadsheet would run as a formula (= + - @, or a leading tab or carriage return)
// prefixed with an apostrophe so it stays text. One writer, so every export is safe the same way.

export type CsvValue = string | number | boolean | null;

const formulaStart = /^[=+\-@\t\r]/;

export function csvCell(value: CsvValue): string {
  if (value === null) return '';
  let text = typeof value === 'number' ? formatNumber(value) : String(value);
  // Numbers are ours, not someone's text: a negative one stays a number.
  if (typeof value !== 'number' && formulaStart.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function formatNumber(value: number): string {
  return String(Math.round(value * 10_000) / 10_000);
}

export const csvRow = (cells: readonly CsvValue[]): string => cells.map(csvCell).join(',');

/** Lines joined with CRLF, as RFC 4180 asks; spreadsheets read it everywhere. */
export const csvDocument = (lines: readonly string[]): string => `${lines.join('\r\n')}\r\n`;
