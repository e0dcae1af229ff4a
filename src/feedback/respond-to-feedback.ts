import type { Db } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import type { Actor } from '../platform/auth/actor';
import { AppError } from '../platform/http/app-error';
import type { FeedbackView } from './feedback-schemas';
import { clockEvent, handleStep } from './handle-feedback';
import { mailSender } from './feedback-mails';

/**
 * The response: what the unit found and what changes (or why not). Visible on the private link,
 * mailed to a named sender, and it stops the resolution clock (and the acknowledgement clock, if
 * the unit answered at once). The sender can then say whether it settles it.
 */
export async function respondToFeedback(db: Db, clock: Clock, actor: Actor, id: string, response: string): Promise<FeedbackView> {
  return handleStep(db, clock, actor, id, {
    event: 'responded',
    text: response,
    change: (row) => {
      if (row.status === 'responded') throw new AppError('conflict', 'This feedback already has a response; wait for the sender, or close the loop.');
      return { status: 'responded', response, respondedAt: clock.now(), ownerId: row.ownerId ?? actor.id, acknowledgedAt: row.acknowledgedAt ?? clock.now() };
    },
    then: async (tx, row, now) => {
      await clockEvent(tx, clock, 'feedback.resolved', row.id, now);
      await mailSender(tx, row, { key: `responded:${now.getTime()}`, subject: 'What we found and what we changed', body: `${actor.name} answered your feedback:\n\n${response}\n\nDoes this settle it for you? Tell us with the link you received when you sent it, or reply to this message.` });
    },
  });
}
