import { and, eq, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import type { SupportCaseOrigin } from './support-values';
import { supportCaseEvents, supportCases } from './schema';

export type OpenSupportCase = {
  enrolmentId: string;
  /** course_objectives ids reported not met. */
  objectiveIds: string[];
  origin: SupportCaseOrigin;
  followUpId?: string | null;
  /** Null when Stride opened it from a follow-up answer. */
  actorId: string | null;
  now: Date;
  note?: string | null;
};

/**
 * AF-5: an objective reported not met opens a support case, or joins the one already open for that
 * enrolment (one live case per enrolment; a unique partial index holds it under concurrency: the
 * insert does nothing on conflict and the objectives are added to the case that won). Call it in
 * the transaction that recorded the "not met". Returns the case id and whether it is new.
 */
export async function openSupportCase(tx: DbOrTx, input: OpenSupportCase): Promise<{ caseId: string; opened: boolean }> {
  const objectiveIds = [...new Set(input.objectiveIds)];
  if (!objectiveIds.length) throw new Error('openSupportCase needs at least one objective');
  const [inserted] = await tx
    .insert(supportCases)
    .values({ enrolmentId: input.enrolmentId, origin: input.origin, followUpId: input.followUpId ?? null, objectiveIds, openedAt: input.now, updatedAt: input.now })
    .onConflictDoNothing({ target: supportCases.enrolmentId, where: sql`${supportCases.state} <> 'closed'` })
    .returning({ id: supportCases.id });
  if (inserted) {
    await tx.insert(supportCaseEvents).values({ caseId: inserted.id, type: 'opened', actorId: input.actorId, note: input.note ?? null, details: { objectiveIds, origin: input.origin, followUpId: input.followUpId ?? null }, at: input.now });
    return { caseId: inserted.id, opened: true };
  }
  const [live] = await tx
    .select({ id: supportCases.id, objectiveIds: supportCases.objectiveIds })
    .from(supportCases)
    .where(and(eq(supportCases.enrolmentId, input.enrolmentId), ne(supportCases.state, 'closed')))
    .for('update');
  if (!live) throw new Error('a live support case vanished while joining it');
  const added = objectiveIds.filter((id) => !live.objectiveIds.includes(id));
  if (added.length) {
    await tx.update(supportCases).set({ objectiveIds: [...live.objectiveIds, ...added], updatedAt: input.now }).where(eq(supportCases.id, live.id));
  }
  await tx.insert(supportCaseEvents).values({ caseId: live.id, type: 'objectives_added', actorId: input.actorId, note: input.note ?? null, details: { objectiveIds: added, followUpId: input.followUpId ?? null }, at: input.now });
  return { caseId: live.id, opened: false };
}
