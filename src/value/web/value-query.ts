import { valueQuery, type ValueQuery } from '../value-schemas';
import { periodFromUrl, todayIn, type Period } from '../../service-levels/web/compliance-period';

export type PeriodErrors = { from?: string; to?: string };

const { from: day, businessUnitId, goalId } = valueQuery.shape;

/**
 * The query the URL describes (period preset or custom days in the unit's time zone, a business
 * unit, a goal), checked with the server's own schema. Days the reader typed are theirs to fix:
 * their errors come back for the fields and nothing is asked until they are right. A hand-edited
 * unit or goal the server would refuse is treated as no filter.
 */
export function valueQueryFromUrl(params: URLSearchParams, timeZone: string): { period: Period; query: ValueQuery | null; errors: PeriodErrors } {
  // A quarter by default: the period an executive meeting usually looks back on.
  const period = periodFromUrl(params, todayIn(timeZone), 'this-quarter');
  const errors: PeriodErrors = {};
  if (!period.from) errors.from = 'Choose the first day of the period.';
  else if (!day.safeParse(period.from).success) errors.from = 'Enter a real day, as YYYY-MM-DD.';
  if (!period.to) errors.to = 'Choose the last day of the period.';
  else if (!day.safeParse(period.to).success) errors.to = 'Enter a real day, as YYYY-MM-DD.';
  if (errors.from || errors.to) return { period, query: null, errors };

  const unit = params.get('unit');
  const goal = params.get('goal');
  const parsed = valueQuery.safeParse({
    from: period.from,
    to: period.to,
    businessUnitId: unit && businessUnitId.safeParse(unit).success ? unit : undefined,
    goalId: goal && goalId.safeParse(goal).success ? goal : undefined,
  });
  if (parsed.success) return { period, query: parsed.data, errors };
  for (const issue of parsed.error.issues) errors[issue.path[0] === 'from' ? 'from' : 'to'] ??= issue.message;
  return { period, query: null, errors };
}
