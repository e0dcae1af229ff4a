import { eq } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor';
import type { DbOrTx } from '../platform/db/database';
import { findSessionsWithCourses } from '../catalog/sessions-for-enrolment';
import { notFound, relationTo, sees } from './enrolment-access';
import type { EnrolmentDetailView } from './enrolment-schemas';
import { enrolmentDetail } from './enrolment-view';
import { enrolments } from './schema';

/** One enrolment and its history, for the learner, their supervisors, the coordinators and the session's instructor. */
export async function getEnrolment(db: DbOrTx, actor: Actor, id: string, now: Date): Promise<EnrolmentDetailView> {
  const [row] = await db.select().from(enrolments).where(eq(enrolments.id, id));
  if (!row) throw notFound();
  const session = row.sessionId ? (await findSessionsWithCourses(db, [row.sessionId])).get(row.sessionId)?.session ?? null : null;
  if (!sees(await relationTo(db, actor, row.personId, session))) throw notFound();
  return enrolmentDetail(db, actor, row, now);
}
