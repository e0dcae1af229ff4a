import type { ComplianceFigures, ComplianceReport } from './compliance-schemas';

// The compliance report as CSV (VA-3): one row per service level and business unit (the total
// first), a blank line, then the breaches. Cells are quoted when they need it, and a cell a
// spreadsheet would run as a formula (= + - @, or a leading tab or carriage return) is prefixed
// with an apostrophe so it stays text.

const formulaStart = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  let text = typeof value === 'number' ? formatNumber(value) : String(value);
  // Numbers are ours, not someone's text: a negative one stays a number.
  if (typeof value !== 'number' && formulaStart.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function formatNumber(value: number): string {
  return String(Math.round(value * 10_000) / 10_000);
}

const row = (cells: (string | number | boolean | null)[]) => cells.map(csvCell).join(',');

const figureHeader = ['service_level_key', 'service_level', 'targets_business_minutes', 'business_unit', 'started', 'running', 'met', 'breached', 'share_met', 'median_business_minutes', 'p90_business_minutes', 'running_breached'];
const breachHeader = ['service_level_key', 'subject_type', 'subject_id', 'subject_reference', 'business_unit', 'target_business_minutes', 'started_at', 'due_at', 'stopped_at', 'late_business_minutes', 'cause', 'stop_event', 'owner', 'paused'];

export function complianceCsv(report: ComplianceReport): string {
  const lines = [row(figureHeader)];
  for (const level of report.serviceLevels) {
    const figures = (f: ComplianceFigures, unit: string) =>
      row([level.key, level.name, level.targetsBusinessMinutes.join(' '), unit, f.started, f.running, f.met, f.breached, f.shareMet, f.medianBusinessMinutes, f.p90BusinessMinutes, f.runningBreached]);
    lines.push(figures(level.total, 'All business units'));
    for (const unit of level.byBusinessUnit) lines.push(figures(unit, unit.businessUnit?.name ?? ''));
  }
  lines.push('', row(breachHeader));
  for (const b of report.breaches) {
    lines.push(row([b.serviceLevelKey, b.subjectType, b.subjectId, b.subjectReference, b.businessUnit.name, b.targetBusinessMinutes, b.startedAt, b.dueAt, b.stoppedAt ?? 'still running', b.lateBusinessMinutes, b.cause, b.stopEvent, b.owner?.name ?? null, b.paused ? 'yes' : 'no']));
  }
  // CRLF, as RFC 4180 asks; spreadsheets read it everywhere.
  return `${lines.join('\r\n')}\r\n`;
}
