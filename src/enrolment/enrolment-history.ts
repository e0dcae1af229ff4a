import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import { recordAudit } from '../platform/audit/record-audit';
import type { EnrolmentEventType, EnrolmentState } from './enrolment-values';
import { enrolmentEvents, enrolments } from './schema';

export type EnrolmentRow = typeof enrolments.$inferSelect;
export type NewEnrolment = Omit<typeof enrolments.$inferInsert, 'id' | 'updatedAt'>;

/** Who acts and when: null actor is Stride itself (a promotion from the waitlist). */
export type Change = { now: Date; actorId: string | null };

type Event = { type: EnrolmentEventType; note?: string | null; details?: Record<string, unknown> };

// Every change to an enrolment writes three things in the caller's transaction: the row, a history
// row (enrolment_events: what happened when, for the people involved) and the audit entry.

async function remember(tx: DbOrTx, change: Change, row: EnrolmentRow, from: EnrolmentState | null, event: Event): Promise<void> {
  const details = event.details ?? {};
  await tx.insert(enrolmentEvents).values({ enrolmentId: row.id, type: event.type, fromState: from, toState: row.state, actorId: change.actorId, note: event.note ?? null, details, at: change.now });
  await recordAudit(tx, {
    actorId: change.actorId,
    action: `enrolment.${event.type}`,
    entity: 'enrolment',
    entityId: row.id,
    before: from ? { state: from } : undefined,
    after: { state: row.state, sessionId: row.sessionId, courseId: row.courseId, personId: row.personId, position: row.position, ...details },
  });
}

export async function insertEnrolment(tx: DbOrTx, change: Change, values: NewEnrolment, event: Event): Promise<EnrolmentRow> {
  const [row] = await tx.insert(enrolments).values({ ...values, updatedAt: change.now }).returning();
  await remember(tx, change, row!, null, event);
  return row!;
}

export async function moveEnrolment(tx: DbOrTx, change: Change, row: EnrolmentRow, to: EnrolmentState, set: Partial<NewEnrolment>, event: Event): Promise<EnrolmentRow> {
  const [next] = await tx.update(enrolments).set({ ...set, state: to, updatedAt: change.now }).where(eq(enrolments.id, row.id)).returning();
  await remember(tx, change, next!, row.state, event);
  return next!;
}
