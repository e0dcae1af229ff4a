import { csvDocument, csvRow as row } from '../platform/csv/csv';
import type { ComplianceFigures, ComplianceReport } from './compliance-schemas';

// The compliance report as CSV (VA-3): one row per service level and business unit (the total
// first), a blank line, then the breaches, written by the one CSV writer (platform/csv).

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
  return csvDocument(lines);
}
