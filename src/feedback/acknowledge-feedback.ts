import type { Db } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import type { Actor } from '../platform/auth/actor';
import { findPersonById } from '../people/find-people';
import type { FeedbackView } from './feedback-schemas';
import { checkOwner, clockEvent, handleStep } from './handle-feedback';
import { mailSender } from './feedback-mails';

/**
 * The unit acknowledges: names who handles it and says a word to the sender (mailed when named,
 * on the private link always). Stops the acknowledgement clock; the resolution clock now runs for
 * the owner. Acknowledging again hands it to another owner.
 */
export async function acknowledgeFeedback(db: Db, clock: Clock, actor: Actor, id: string, input: { ownerId: string; message: string }): Promise<FeedbackView> {
  await checkOwner(db, input.ownerId);
  const owner = (await findPersonById(db, input.ownerId))!;
  return handleStep(db, clock, actor, id, {
    event: 'acknowledged',
    text: input.message,
    change: (row) => ({ ownerId: input.ownerId, acknowledgedAt: row.acknowledgedAt ?? clock.now(), status: row.status === 'received' ? 'acknowledged' : row.status }),
    then: async (tx, row, now) => {
      await clockEvent(tx, clock, 'feedback.acknowledged', row.id, now, input.ownerId);
      await mailSender(tx, row, { key: `acknowledged:${now.getTime()}`, subject: `${owner.name} is looking into your feedback`, body: `${owner.name} is looking into what you told us.\n\n${input.message}` });
    },
  });
}
