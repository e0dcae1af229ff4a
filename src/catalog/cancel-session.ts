import { eq } from 'drizzle-orm';
import type { Db } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import type { Actor } from '../platform/auth/actor';
import { AppError } from '../platform/http/app-error';
import { recordAudit } from '../platform/audit/record-audit';
import { assertCurrentSequence, findVisibleSession } from './find-session';
import type { CancelSessionInput, SessionView } from './session-schemas';
import { sessionViews } from './session-view';
import { courseSessions } from './schema';
import { announceSessionChange } from './session-changes';

/** Cancels a session that is not over; the row stays, so the cancellation can be announced (CA-5). */
export async function cancelSession(db: Db, clock: Clock, actor: Actor, id: string, input: CancelSessionInput): Promise<SessionView> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const { session, course } = await findVisibleSession(tx, actor, id, true);
    assertCurrentSequence(session, input.sequence);
    if (session.status === 'cancelled') throw new AppError('conflict', 'This session is already cancelled.');
    if (session.endsAt <= now) throw new AppError('conflict', 'This session is over and cannot be cancelled.');
    const reason = input.reason || null;
    const [row] = await tx
      .update(courseSessions)
      .set({ status: 'cancelled', cancelledAt: now, cancellationReason: reason, sequence: session.sequence + 1, updatedAt: now })
      .where(eq(courseSessions.id, id))
      .returning();
    await recordAudit(tx, { actorId: actor.id, action: 'session.cancelled', entity: 'course-session', entityId: id, before: { status: 'scheduled' }, after: { status: 'cancelled', reason, sequence: row!.sequence } });
    await announceSessionChange(tx, { kind: 'cancelled', before: session, session: row!, course, changed: ['status'], actor: { id: actor.id, name: actor.name }, now });
    return (await sessionViews(tx, [row!], actor))[0]!;
  });
}
