import { csvDocument, csvRow } from '../platform/csv/csv';
import type { MeasureColumn, MeasureRecord } from '../platform/measures/value-measure';
import type { DashboardView, FigureView } from './value-schemas';

// The dashboard and the records behind a figure as CSV (VA-3), written by the one CSV writer.

const splitLabels = { businessUnit: 'business unit', goal: 'strategic goal' } as const;

const figureCells = (f: FigureView) => [f.value, f.basis, f.tooFew ? 'too few to judge' : ''];

/** The figures (a row per measure, then a row per part of its split), a blank line, then the trends. */
export function dashboardCsv(view: DashboardView): string {
  const scope = [view.from, view.to, view.businessUnit?.name ?? 'All business units'];
  const lines = [csvRow(['from', 'to', 'business_unit', 'measure', 'part', 'value', 'basis', 'note', 'not_split_by', 'definition'])];
  for (const m of view.measures) {
    const notSplit = m.notSplitBy.map((s) => splitLabels[s]).join(' ');
    lines.push(csvRow([...scope, m.title, '', ...figureCells(m.figure), notSplit, m.definition]));
    for (const g of m.breakdown?.groups ?? []) lines.push(csvRow([...scope, m.title, g.label, ...figureCells(g.figure), notSplit, '']));
  }
  lines.push('', csvRow(['measure', 'month', 'value', 'basis', 'note']));
  for (const m of view.measures) for (const t of m.trend) lines.push(csvRow([m.title, t.month, ...figureCells(t)]));
  return csvDocument(lines);
}

export function recordsCsv(columns: readonly MeasureColumn[], rows: readonly MeasureRecord[]): string {
  return csvDocument([csvRow(columns.map((c) => c.label)), ...rows.map((r) => csvRow(columns.map((c) => r.cells[c.key] ?? null)))]);
}
