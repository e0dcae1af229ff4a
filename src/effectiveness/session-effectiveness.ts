import { eq } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor';
import type { DbOrTx } from '../platform/db/database';
import { getUnitSettings } from '../platform/settings/unit-settings';
import { findVisibleSession } from '../catalog/find-session';
import { people } from '../people/schema';
import { maySeeSession } from './effectiveness-access';
import type { SessionEffectivenessView } from './effectiveness-schemas';
import { measureEffectiveness } from './measure-effectiveness';

/** One session's effectiveness (AF-7): for coordinators and the session's instructor. */
export async function sessionEffectiveness(db: DbOrTx, actor: Actor, sessionId: string): Promise<SessionEffectivenessView> {
  const { session, course } = await findVisibleSession(db, actor, sessionId);
  maySeeSession(actor, session);
  const { timeZone } = await getUnitSettings(db);
  const instructor = session.instructorId ? ((await db.select({ name: people.name }).from(people).where(eq(people.id, session.instructorId)))[0]?.name ?? null) : session.instructorName;
  const figures = await measureEffectiveness(db, { courseId: course.id, sessionId: session.id, timeZone });
  return {
    course: { id: course.id, code: course.code, title: course.title, format: course.format },
    session: { id: session.id, startsAt: session.startsAt.toISOString(), timeZone: session.timeZone, instructor },
    ...figures,
  };
}
