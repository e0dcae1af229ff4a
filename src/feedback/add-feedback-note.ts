import type { Db } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import type { Actor } from '../platform/auth/actor';
import type { FeedbackView } from './feedback-schemas';
import { handleStep } from './handle-feedback';

/** An investigation note, the unit's own (the sender never sees it); the first one marks it under investigation. */
export async function addFeedbackNote(db: Db, clock: Clock, actor: Actor, id: string, note: string): Promise<FeedbackView> {
  return handleStep(db, clock, actor, id, {
    event: 'note',
    text: note,
    internal: true,
    change: (row) => ({ status: row.status === 'received' || row.status === 'acknowledged' ? 'investigating' : row.status, ownerId: row.ownerId ?? actor.id }),
  });
}
