import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import { getUnitSettings } from '../platform/settings/unit-settings';
import type { EffectivenessCourseList, EffectivenessListQuery } from './effectiveness-schemas';

// The courses that had completions in a period (AF-7), for staff to open one by one. Sorted by
// title in JavaScript rather than by the database's collation, so both engines list alike; and
// never by a count: no course is ranked against another (VA-2).
const byTitle = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

export async function listEffectiveCourses(db: DbOrTx, query: EffectivenessListQuery): Promise<EffectivenessCourseList> {
  const { timeZone } = await getUnitSettings(db);
  const result = (await db.execute(sql`
    SELECT c.id, c.code, c.title, c.format FROM courses c
    WHERE c.id IN (
      SELECT COALESCE(s.course_id, e.course_id) FROM enrolments e LEFT JOIN course_sessions s ON s.id = e.session_id
      WHERE e.state = 'completed'
        AND e.completed_at >= (${query.from}::date)::timestamp AT TIME ZONE ${timeZone}
        AND e.completed_at < (${query.to}::date + 1)::timestamp AT TIME ZONE ${timeZone}
    )
  `)) as unknown as { rows: { id: string; code: string; title: string; format: string }[] };
  const courses = result.rows.map((r) => ({ id: r.id, code: r.code, title: r.title, format: r.format }));
  courses.sort((a, b) => byTitle.compare(a.title, b.title) || byTitle.compare(a.code, b.code));
  return { from: query.from, to: query.to, courses };
}
