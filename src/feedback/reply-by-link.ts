import { eq } from 'drizzle-orm';
import type { Db } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import { AppError } from '../platform/http/app-error';
import { recordAudit } from '../platform/audit/record-audit';
import type { FeedbackView } from './feedback-schemas';
import { FEEDBACK, feedbackView, findByFollowToken } from './read-feedback';
import { feedback, feedbackEvents } from './schema';

/**
 * The sender closes the loop through the private link (FB-1): satisfied closes it; not satisfied
 * sends it back under investigation with what is still wrong. No actor is recorded: the link is
 * the sender's, whoever they are, and an anonymous one must stay so.
 */
export async function replyByLink(db: Db, clock: Clock, token: string, input: { satisfied: boolean; comment: string }): Promise<FeedbackView> {
  return db.transaction(async (tx) => {
    const row = await findByFollowToken(tx, token, true);
    if (row.status !== 'responded') throw new AppError('conflict', row.status === 'closed' ? 'This feedback is already closed. Thank you.' : 'The unit has not responded yet; you can answer once it has.');
    if (!input.satisfied && !input.comment) throw AppError.invalid([{ field: 'comment', message: 'Tell us what is still wrong, so we can look again.' }]);
    const now = clock.now();
    const [updated] = await tx
      .update(feedback)
      .set(input.satisfied ? { status: 'closed', senderSatisfied: true, closedAt: now } : { status: 'investigating', senderSatisfied: false })
      .where(eq(feedback.id, row.id))
      .returning();
    const text = `${input.satisfied ? 'This settles it.' : 'This does not settle it yet.'}${input.comment ? ` ${input.comment}` : ''}`;
    await tx.insert(feedbackEvents).values({ feedbackId: row.id, type: 'sender-replied', actorId: null, text, at: now });
    await recordAudit(tx, { actorId: null, action: 'feedback.sender-replied', entity: FEEDBACK, entityId: row.id, before: { status: row.status }, after: { status: updated!.status, satisfied: input.satisfied } });
    return feedbackView(tx, updated!, now, true);
  });
}
