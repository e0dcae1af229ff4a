import { complianceQuery, type ComplianceQuery } from '../compliance-schemas';
import { periodDayErrors, type Period, type PeriodErrors } from '../../app/web/report-period';

const { from: day, businessUnitId, serviceLevelKey } = complianceQuery.shape;

/**
 * The query the filters describe, checked with the server's own schema. Days the reader typed are
 * theirs to fix: their errors come back for the fields and nothing is asked until they are right.
 * A hand-edited unit or service level the server would refuse is treated as no filter.
 */
export function buildComplianceQuery(period: Period, unit: string | null, level: string | null): { query: ComplianceQuery | null; errors: PeriodErrors } {
  const errors = periodDayErrors(period, (value) => day.safeParse(value).success);
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
