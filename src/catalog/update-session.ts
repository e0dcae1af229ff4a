import { eq } from 'drizzle-orm';
import type { Db } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import type { Actor } from '../platform/auth/actor';
import { AppError } from '../platform/http/app-error';
import { recordAudit } from '../platform/audit/record-audit';
import { assertCurrentSequence, findVisibleSession } from './find-session';
import { prepareSession, type SessionValues } from './prepare-session';
import type { SessionView, UpdateSessionInput } from './session-schemas';
import { sessionViews, type SessionRow } from './session-view';
import { courseSessions } from './schema';
import { announceSessionChange } from './session-changes';

function same(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  return a === b;
}

function changedFields(before: SessionRow, after: SessionValues): (keyof SessionValues)[] {
  return (Object.keys(after) as (keyof SessionValues)[]).filter((key) => !same(before[key], after[key]));
}

const plain = (value: unknown) => (value instanceof Date ? value.toISOString() : value);

/**
 * Changes a session that has not started. Every saved change raises its `sequence`, which a
 * calendar invitation carries so the update replaces the earlier one (CA-5).
 */
export async function updateSession(db: Db, clock: Clock, actor: Actor, id: string, input: UpdateSessionInput): Promise<SessionView> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const { session, course } = await findVisibleSession(tx, actor, id, true);
    assertCurrentSequence(session, input.sequence);
    if (session.status === 'cancelled') throw new AppError('conflict', 'This session is cancelled and cannot be changed; schedule a new one.');
    if (session.startsAt <= now) throw new AppError('conflict', 'This session has started and can no longer be changed.');
    const { sequence: _edited, ...fields } = input;
    const values = await prepareSession(tx, course, fields, now, session);
    const changed = changedFields(session, values);
    if (changed.length === 0) return (await sessionViews(tx, [session], actor))[0]!;
    const [row] = await tx
      .update(courseSessions)
      .set({ ...values, sequence: session.sequence + 1, updatedAt: now })
      .where(eq(courseSessions.id, id))
      .returning();
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'session.changed',
      entity: 'course-session',
      entityId: id,
      before: Object.fromEntries(changed.map((k) => [k, plain(session[k])])),
      after: { ...Object.fromEntries(changed.map((k) => [k, plain(values[k])])), sequence: row!.sequence },
    });
    await announceSessionChange(tx, { kind: 'changed', before: session, session: row!, course, changed, actor: { id: actor.id, name: actor.name }, now });
    return (await sessionViews(tx, [row!], actor))[0]!;
  });
}
