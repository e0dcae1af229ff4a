import type { Actor } from '../platform/auth/actor';
import type { DbOrTx } from '../platform/db/database';
import { getUnitSettings } from '../platform/settings/unit-settings';
import { findVisibleCourse } from '../catalog/read-course';
import { courseScopeFor } from './effectiveness-access';
import type { CourseEffectivenessView, EffectivenessQuery } from './effectiveness-schemas';
import { measureEffectiveness, measureSessions } from './measure-effectiveness';

/** A course's effectiveness (AF-7), optionally for enrolments finished within a period, with a row per session in date order. */
export async function courseEffectiveness(db: DbOrTx, actor: Actor, courseId: string, query: EffectivenessQuery): Promise<CourseEffectivenessView> {
  const course = await findVisibleCourse(db, actor, courseId);
  const instructorId = await courseScopeFor(db, actor, course.id);
  const { timeZone } = await getUnitSettings(db);
  const scope = { courseId: course.id, instructorId, from: query.from, to: query.to, timeZone };
  const [figures, sessions] = await Promise.all([measureEffectiveness(db, scope), measureSessions(db, scope)]);
  return {
    course: { id: course.id, code: course.code, title: course.title, format: course.format },
    scope: instructorId ? 'instructor' : 'course',
    from: query.from ?? null,
    to: query.to ?? null,
    timeZone,
    ...figures,
    sessions,
  };
}
