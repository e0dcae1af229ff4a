import type { Db } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import type { Actor } from '../platform/auth/actor';
import { AppError } from '../platform/http/app-error';
import type { FeedbackView } from './feedback-schemas';
import { handleStep } from './handle-feedback';

/** The unit closes the loop after responding (the sender said so on the phone, or never answered), with how. */
export async function closeFeedback(db: Db, clock: Clock, actor: Actor, id: string, note: string): Promise<FeedbackView> {
  return handleStep(db, clock, actor, id, {
    event: 'closed',
    text: note,
    change: (row) => {
      if (row.status !== 'responded') throw new AppError('conflict', 'Respond to the sender before closing the loop.');
      return { status: 'closed', closedAt: clock.now() };
    },
  });
}
