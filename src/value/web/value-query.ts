import { valueQuery, type ValueQuery } from '../value-schemas';
import { periodDayErrors, periodFromUrl, todayIn, type Period, type PeriodErrors } from '../../app/web/report-period';

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
  const errors = periodDayErrors(period, (value) => day.safeParse(value).success);
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
