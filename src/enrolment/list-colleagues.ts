import { eq } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor';
import type { DbOrTx } from '../platform/db/database';
import { AppError } from '../platform/http/app-error';
import { actsFor, notFound, relationTo, sees } from './enrolment-access';
import { findColleagues, type Colleague } from './enrolment-people';
import { enrolments } from './schema';

/**
 * The colleagues a seat could pass to, for whoever may pass it on (the learner, their supervisors,
 * coordinators). A learner does not see the whole directory, but may name a teammate.
 */
export async function listColleagues(db: DbOrTx, actor: Actor, enrolmentId: string, q: string): Promise<Colleague[]> {
  const [row] = await db.select({ personId: enrolments.personId }).from(enrolments).where(eq(enrolments.id, enrolmentId));
  if (!row) throw notFound();
  const relation = await relationTo(db, actor, row.personId, null);
  if (!sees(relation)) throw notFound();
  if (!actsFor(relation)) throw AppError.forbidden('Only the learner, their supervisors and the training unit’s coordinators pass a seat on.');
  return findColleagues(db, row.personId, q, 20);
}
