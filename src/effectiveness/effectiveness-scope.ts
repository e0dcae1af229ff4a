import { sql, type SQL } from 'drizzle-orm';

/**
 * Which enrolments a view counts (AF-7): the finished ones (completed or no-show) of a course —
 * its sessions' and its self-paced ones — or of one session; for an instructor only their own
 * sessions; optionally only those finished within a period of the unit's days. "Finished" is the
 * completion instant, or for a no-show the end of the session they missed.
 */
export type EffectivenessScope = {
  courseId: string;
  sessionId?: string;
  instructorId?: string;
  from?: string | undefined;
  to?: string | undefined;
  timeZone: string;
};

/** The scoped enrolments as a CTE body: id, state, session_id. Everything else joins on it. */
export function scopedEnrolments(scope: EffectivenessScope): SQL {
  const finished = sql`COALESCE(e.completed_at, s.ends_at)`;
  const conditions: SQL[] = [
    scope.sessionId ? sql`e.session_id = ${scope.sessionId}` : sql`(s.course_id = ${scope.courseId} OR e.course_id = ${scope.courseId})`,
    sql`e.state IN ('completed', 'no_show')`,
  ];
  if (scope.instructorId) conditions.push(sql`s.instructor_id = ${scope.instructorId}`);
  // A day of the unit's calendar starts at its local midnight, whatever the server's zone.
  if (scope.from) conditions.push(sql`${finished} >= (${scope.from}::date)::timestamp AT TIME ZONE ${scope.timeZone}`);
  if (scope.to) conditions.push(sql`${finished} < (${scope.to}::date + 1)::timestamp AT TIME ZONE ${scope.timeZone}`);
  return sql`SELECT e.id, e.state, e.session_id FROM enrolments e LEFT JOIN course_sessions s ON s.id = e.session_id WHERE ${sql.join(conditions, sql` AND `)}`;
}
