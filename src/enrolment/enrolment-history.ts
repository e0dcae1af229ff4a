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

const auditOf = (change: Change, row: EnrolmentRow, from: EnrolmentState | null, event: Event) => ({
  actorId: change.actorId,
  action: `enrolment.${event.type}`,
  entity: 'enrolment',
  entityId: row.id,
  before: from ? { state: from } : undefined,
  after: { state: row.state, sessionId: row.sessionId, courseId: row.courseId, personId: row.personId, position: row.position, ...(event.details ?? {}) },
});

/** The history and audit rows of several changes, one statement each. */
async function remember(tx: DbOrTx, changes: { change: Change; row: EnrolmentRow; from: EnrolmentState | null; event: Event }[]): Promise<void> {
  await tx.insert(enrolmentEvents).values(
    changes.map(({ change, row, from, event }) => ({ enrolmentId: row.id, type: event.type, fromState: from, toState: row.state, actorId: change.actorId, note: event.note ?? null, details: event.details ?? {}, at: change.now })),
  );
  await recordAudit(tx, ...changes.map(({ change, row, from, event }) => auditOf(change, row, from, event)));
}

export async function insertEnrolment(tx: DbOrTx, change: Change, values: NewEnrolment, event: Event): Promise<EnrolmentRow> {
  return (await insertEnrolments(tx, [{ change, values, event }]))[0]!;
}

/** New enrolments with their history and audit: three statements for any number (a crowd applying at once). Rows come back in the order given. */
export async function insertEnrolments(tx: DbOrTx, items: { change: Change; values: NewEnrolment; event: Event }[]): Promise<EnrolmentRow[]> {
  const inserted = await tx.insert(enrolments).values(items.map(({ change, values }) => ({ ...values, updatedAt: change.now }))).returning();
  // RETURNING's order is not promised: match each row to its item by person (one new enrolment each).
  const byKey = new Map(inserted.map((r) => [`${r.personId}:${r.sessionId ?? r.courseId}`, r]));
  const rows = items.map(({ values }) => byKey.get(`${values.personId}:${values.sessionId ?? values.courseId}`)!);
  await remember(tx, items.map(({ change, event }, i) => ({ change, row: rows[i]!, from: null, event })));
  return rows;
}

export async function moveEnrolment(tx: DbOrTx, change: Change, row: EnrolmentRow, to: EnrolmentState, set: Partial<NewEnrolment>, event: Event): Promise<EnrolmentRow> {
  const [next] = await tx.update(enrolments).set({ ...set, state: to, updatedAt: change.now }).where(eq(enrolments.id, row.id)).returning();
  await remember(tx, [{ change, row: next!, from: row.state, event }]);
  return next!;
}
