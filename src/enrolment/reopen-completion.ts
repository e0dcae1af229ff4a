import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../platform/auth/actor';
import type { Db, Tx } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import { AppError } from '../platform/http/app-error';
import { lockVisibleSession } from './enrolment-access';
import { moveEnrolment } from './enrolment-history';
import { runsEnrolments } from './enrolment-staff';
import { enrolmentStates } from './enrolment-values';
import { enrolments } from './schema';

// Completion decided on a wrong mark is corrected by reopening (AF-1, decision 018): a coordinator
// puts a completed or no-show session enrolment back to confirmed, the marks are fixed on the
// roster, and the session is completed again. Not once a certificate is out: a valid certificate
// must be revoked first, so paper never contradicts the record.

export const reopenCompletionInput = z.object({
  reason: z.string().trim().min(3, 'Say why the completion is reopened (at least 3 characters).').max(1000, 'The reason is too long (1,000 characters at most).'),
});
export type ReopenCompletionInput = z.infer<typeof reopenCompletionInput>;

export const reopenedView = z.object({ enrolmentId: z.uuid(), sessionId: z.uuid(), state: z.enum(enrolmentStates) });
export type ReopenedView = z.infer<typeof reopenedView>;

/** Whether the enrolment has a certificate that is not revoked (certificates table, AF-2). Raw SQL: enrolment must not import the certificates capability, which builds on it. */
async function hasValidCertificate(tx: Tx, enrolmentId: string): Promise<boolean> {
  const result = await tx.execute(sql`SELECT 1 FROM certificates WHERE enrolment_id = ${enrolmentId} AND revoked_at IS NULL LIMIT 1`);
  return (result as unknown as { rows: unknown[] }).rows.length > 0;
}

export async function reopenCompletion(deps: { db: Db; clock: Clock }, actor: Actor, enrolmentId: string, input: ReopenCompletionInput): Promise<ReopenedView> {
  if (!runsEnrolments(actor)) throw AppError.forbidden('Completions are reopened by the training unit’s coordinators.');
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [found] = await tx.select().from(enrolments).where(eq(enrolments.id, enrolmentId));
    if (!found) throw AppError.notFound('This enrolment');
    if (!found.sessionId) throw new AppError('conflict', 'This is an e-learning enrolment: there are no attendance marks to correct.');
    // The session lock first, as every session write takes it (decision 014); then re-read the row under it.
    await lockVisibleSession(tx, actor, found.sessionId);
    // Locked: the certificate job locks the row too, so a certificate is never issued beside a reopening.
    const [row] = await tx.select().from(enrolments).where(eq(enrolments.id, enrolmentId)).for('update');
    if (row!.state !== 'completed' && row!.state !== 'no_show') {
      throw new AppError('conflict', `Only a completed or no-show enrolment is reopened; this one is ${row!.state.replace('_', ' ')}.`);
    }
    if (await hasValidCertificate(tx, enrolmentId)) {
      throw new AppError('conflict', 'A certificate was already issued for this completion. Revoke the certificate first, then reopen the completion.');
    }
    const moved = await moveEnrolment(tx, { now, actorId: actor.id }, row!, 'confirmed', { completedAt: null }, { type: 'reopened', note: input.reason, details: { reason: input.reason } });
    return { enrolmentId: moved.id, sessionId: moved.sessionId!, state: moved.state };
  });
}
