import { parse } from 'csv-parse/sync';
import type { FieldError } from '../../platform/http/app-error';
import { describeNotText } from '../../platform/http/uploaded-text';
import { importColumns } from '../people-schemas';

export type CsvRow = { row: number; values: Record<string, string> };
export type ParsedCsv = { rows: CsvRow[]; errors: FieldError[] };

export const MAX_IMPORT_ROWS = 200_000;
/** The largest HR export accepted, in bytes of UTF-8 text (the web page checks the same before uploading). */
export const MAX_IMPORT_BYTES = 25 * 1024 * 1024;

function normalizeHeader(h: string): string {
  return h.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

/** Row numbers are the rows a spreadsheet shows (the header is row 1, blank lines count, a cell with line breaks stays in one row). */
export function parsePeopleCsv(csv: string): ParsedCsv {
  // The API refuses such files before storing them; this keeps any other caller from parsing one as rows.
  const notText = describeNotText(csv, 'CSV');
  if (notText) return { rows: [], errors: [{ row: 1, field: 'file', message: notText }] };
  let records: { record: string[]; info: { records: number; empty_lines: number } }[];
  try {
    records = parse(csv, { bom: true, relax_column_count: true, skip_empty_lines: true, info: true, trim: true }) as never;
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    return { rows: [], errors: [{ row: line ?? 1, field: 'file', message: `This is not a readable CSV file: ${(e as Error).message}` }] };
  }
  const [header, ...data] = records;
  if (!header) return { rows: [], errors: [{ row: 1, field: 'file', message: 'The file is empty.' }] };
  const names = header.record.map(normalizeHeader);
  const missing = importColumns.filter((c) => c.required && !names.includes(c.name)).map((c) => c.name);
  if (missing.length) {
    return { rows: [], errors: [{ row: 1, field: 'header', message: `Missing column${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}.` }] };
  }
  if (data.length === 0) return { rows: [], errors: [{ row: 2, field: 'file', message: 'The file has a header but no people.' }] };
  if (data.length > MAX_IMPORT_ROWS) {
    return { rows: [], errors: [{ row: 1, field: 'file', message: `At most ${MAX_IMPORT_ROWS.toLocaleString('en')} people per file; split it.` }] };
  }
  const rows = data.map(({ record, info }) => {
    const values: Record<string, string> = {};
    names.forEach((name, i) => {
      values[name] = record[i] ?? '';
    });
    // Not info.lines: that is where a record ends, and a quoted cell with line breaks
    // (CRLF ones counted twice) would shift every row number after it.
    return { row: info.records + info.empty_lines, values };
  });
  return { rows, errors: [] };
}
