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

/**
 * The joins that name an after-the-event record's enrolment for people: `e` the enrolment, `p` the
 * learner, `u` their business unit (if any), `s` the session (if any) and `c` the course — a
 * self-paced enrolment names its course directly.
 */
export function joinEnrolmentContext(enrolmentId: SQLWrapper): SQL {
  return sql`JOIN enrolments e ON e.id = ${enrolmentId}
  JOIN people p ON p.id = e.person_id
  LEFT JOIN business_units u ON u.id = p.business_unit_id
  LEFT JOIN course_sessions s ON s.id = e.session_id
  JOIN courses c ON c.id = COALESCE(s.course_id, e.course_id)`;
}
