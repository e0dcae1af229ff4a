import { eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import type { Actor } from '../platform/auth/actor';
import { AppError } from '../platform/http/app-error';
import { recordAudit } from '../platform/audit/record-audit';
import { findPersonById } from '../people/find-people';
import { recordClockEvent } from '../service-levels/record-clock-event';
import type { FeedbackView } from './feedback-schemas';
import { feedbackStaffRoles } from './feedback-staff';
import { FEEDBACK, feedbackNotFound, feedbackView, type FeedbackRow } from './read-feedback';
import { feedback, feedbackEvents, type FeedbackEventType } from './schema';

type Change = Partial<typeof feedback.$inferInsert>;

/**
 * One handling step by the unit, in one transaction: the row locked (two handlers acting at once
 * are serialized), its change, a history event, the audit entry, and whatever the step adds (a
 * clock event, a mail). Closed feedback takes no more steps.
 */
export async function handleStep(
  db: Db,
  clock: Clock,
  actor: Actor,
  id: string,
  step: { event: FeedbackEventType; text: string; internal?: boolean; change: (row: FeedbackRow) => Change; then?: (tx: DbOrTx, row: FeedbackRow, now: Date) => Promise<void> },
): Promise<FeedbackView> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(feedback).where(eq(feedback.id, id)).for('update');
    if (!row) throw feedbackNotFound();
    if (row.status === 'closed') throw new AppError('conflict', 'This feedback is closed; nothing more can be done on it.');
    const now = clock.now();
    const change = step.change(row);
    const [updated] = await tx.update(feedback).set(change).where(eq(feedback.id, id)).returning();
    await tx.insert(feedbackEvents).values({ feedbackId: id, type: step.event, actorId: actor.id, text: step.text, internal: step.internal ?? false, at: now });
    await step.then?.(tx, updated!, now);
    await recordAudit(tx, { actorId: actor.id, action: `feedback.${step.event}`, entity: FEEDBACK, entityId: id, before: { status: row.status, ownerId: row.ownerId }, after: { status: updated!.status, ownerId: updated!.ownerId } });
    return feedbackView(tx, updated!, now, false);
  });
}

/** The owner must be someone who handles feedback, and still active. */
export async function checkOwner(tx: DbOrTx, ownerId: string): Promise<void> {
  const person = await findPersonById(tx, ownerId);
  if (!person || !person.active || !person.roles.some((r) => (feedbackStaffRoles as readonly string[]).includes(r))) {
    throw AppError.invalid([{ field: 'ownerId', message: 'Choose a unit lead, coordinator or admin who handles feedback.' }]);
  }
}

export const clockEvent = (tx: DbOrTx, clock: Clock, type: string, id: string, at: Date, ownerId?: string | null) =>
  recordClockEvent(tx, clock, { type, subject: { type: FEEDBACK, id }, at, ...(ownerId !== undefined ? { ownerId } : {}) });
