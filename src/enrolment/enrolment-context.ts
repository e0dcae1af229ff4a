import type { Db, Tx } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import type { Actor } from '../platform/auth/actor';
import { AppError } from '../platform/http/app-error';
import { isUniqueViolation } from '../catalog/unique-violation';
import type { CourseRow } from '../catalog/read-course';
import type { SessionRow } from '../catalog/session-view';
import type { Change } from './enrolment-history';
import type { MailContext } from './enrolment-mails';

/** What a write needs besides the transaction: when, who (null: Stride itself), and where Stride's links point. */
export type EnrolmentContext = Change & MailContext & { actorName: string | null };

/** A session locked for this transaction (catalog/sessions-for-enrolment.ts), with its course. */
export type LockedSession = { session: SessionRow; course: CourseRow };

/** What the enrolment use cases take from the app shell's Deps. */
export type EnrolmentDeps = { db: Db; clock: Clock; publicUrl: string };

export function contextOf(deps: EnrolmentDeps, actor: Pick<Actor, 'id' | 'name'> | null): EnrolmentContext {
  return { now: deps.clock.now(), actorId: actor?.id ?? null, actorName: actor?.name ?? null, publicUrl: deps.publicUrl };
}

/**
 * One enrolment write, in one transaction. The session lock already serializes writes to a
 * session; the unique indexes are the backstop (a self-paced course has no lock): a duplicate that
 * slipped past the checks is refused as a conflict, not a 500.
 */
export async function writeEnrolment<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await db.transaction(work);
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', 'This person already has a place there: someone enrolled them at the same moment. Reload to see it.');
    throw error;
  }
}
