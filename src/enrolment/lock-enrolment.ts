import { eq } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor';
import type { DbOrTx } from '../platform/db/database';
import { AppError } from '../platform/http/app-error';
import { findCourses, lockSession } from '../catalog/sessions-for-enrolment';
import type { CourseRow } from '../catalog/read-course';
import type { LockedSession } from './enrolment-context';
import { actsFor, notFound, relationTo, sees, type Relation } from './enrolment-access';
import type { EnrolmentRow } from './enrolment-history';
import { enrolments } from './schema';

export type LockedEnrolment = { row: EnrolmentRow; target: LockedSession | null; course: CourseRow; relation: Relation };

/**
 * An enrolment the actor may act for (the person, a supervisor of theirs, a coordinator), read
 * under the lock that guards it: its session's row, or for a self-paced course the enrolment's own.
 * 404 when they may not see it, 403 when they see it but may not act (the session's instructor).
 */
export async function lockEnrolmentToAct(tx: DbOrTx, actor: Actor, id: string): Promise<LockedEnrolment> {
  const [found] = await tx.select({ sessionId: enrolments.sessionId, personId: enrolments.personId }).from(enrolments).where(eq(enrolments.id, id));
  if (!found) throw notFound();
  const target = found.sessionId ? ((await lockSession(tx, found.sessionId)) ?? null) : null;
  const relation = await relationTo(tx, actor, found.personId, target?.session ?? null);
  if (!sees(relation)) throw notFound();
  if (!actsFor(relation)) throw AppError.forbidden('Only the learner, their supervisors and the training unit’s coordinators change an enrolment.');
  const query = tx.select().from(enrolments).where(eq(enrolments.id, id));
  const [row] = target ? await query : await query.for('update');
  const course = target?.course ?? (await findCourses(tx, [row!.courseId!])).get(row!.courseId!);
  if (!row || !course) throw notFound();
  return { row, target, course, relation };
}
