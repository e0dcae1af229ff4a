import type { Actor } from '../auth/actor';
import { AppError } from './app-error';

/**
 * The signed-in actor of a request whose route's access rule already demanded one; a 401 problem
 * if it is somehow missing, so a handler never runs with nobody.
 */
export function actorOf(request: { actor: Actor | null }): Actor {
  if (!request.actor) throw new AppError('unauthenticated', 'Please sign in to continue.');
  return request.actor;
}
