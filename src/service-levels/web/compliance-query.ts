import { complianceQuery, type ComplianceQuery } from '../compliance-schemas';
import type { Period } from './compliance-period';

export type PeriodErrors = { from?: string; to?: string };

const { from: day, businessUnitId, serviceLevelKey } = complianceQuery.shape;

/**
 * The query the filters describe, checked with the server's own schema. Days the reader typed are
 * theirs to fix: their errors come back for the fields and nothing is asked until they are right.
 * A hand-edited unit or service level the server would refuse is treated as no filter.
 */
export function buildComplianceQuery(period: Period, unit: string | null, level: string | null): { query: ComplianceQuery | null; errors: PeriodErrors } {
  const errors: PeriodErrors = {};
  if (!period.from) errors.from = 'Choose the first day of the period.';
  else if (!day.safeParse(period.from).success) errors.from = 'Enter a real day, as YYYY-MM-DD.';
  if (!period.to) errors.to = 'Choose the last day of the period.';
  else if (!day.safeParse(period.to).success) errors.to = 'Enter a real day, as YYYY-MM-DD.';
  if (errors.from || errors.to) return { query: null, errors };

  const parsed = complianceQuery.safeParse({
    from: period.from,
    to: period.to,
    businessUnitId: unit && businessUnitId.safeParse(unit).success ? unit : undefined,
    serviceLevelKey: level && serviceLevelKey.safeParse(level).success ? level : undefined,
  });
  if (parsed.success) return { query: parsed.data, errors };
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] === 'from' ? 'from' : 'to';
    errors[field] ??= issue.message;
  }
  return { query: null, errors };
}
