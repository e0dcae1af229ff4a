import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';

/**
 * `AND` the enrolment at `enrolmentId` belongs to a learner of the business unit, or nothing when
 * no unit is chosen: how the value measures over after-the-event records (follow-ups, support
 * cases, retention plans) honour the dashboard's business-unit filter, in one place.
 */
export function andEnrolmentInUnit(enrolmentId: SQLWrapper, businessUnitId: string | null): SQL {
  return businessUnitId
    ? sql`AND EXISTS (SELECT 1 FROM enrolments e JOIN people p ON p.id = e.person_id WHERE e.id = ${enrolmentId} AND p.business_unit_id = ${businessUnitId})`
    : sql``;
}
