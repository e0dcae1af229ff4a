import { and, eq, gt } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor';
import { hashToken } from '../platform/auth/tokens';
import type { Clock } from '../platform/clock';
import type { DbOrTx } from '../platform/db/database';
import { findPersonById } from '../people/find-people';
import { sessions } from './schema';

// A short-lived cache of resolved sessions: most requests then need no
// session query, and a poll still answers while a long transaction holds the
// embedded engine's single connection. A session ended in another process
// stays usable here for at most this long.
const CACHE_MS = 10_000;
const cache = new Map<string, { actor: Actor; until: number }>();

export function forgetSession(token: string): void {
  cache.delete(hashToken(token));
}

export function forgetSessionsOf(personId: string): void {
  for (const [key, value] of cache) if (value.actor.id === personId) cache.delete(key);
}

export async function resolveActor(db: DbOrTx, clock: Clock, token: string): Promise<Actor | null> {
  if (token.length > 200) return null;
  const tokenHash = hashToken(token);
  const hit = cache.get(tokenHash);
  const now = Date.now();
  if (hit && hit.until > now) return hit.actor;
  const [session] = await db
    .select({ personId: sessions.personId, expiresAt: sessions.expiresAt })
    .from(sessions)
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, clock.now())));
  if (!session) {
    cache.delete(tokenHash);
    return null;
  }
  const person = await findPersonById(db, session.personId);
  if (!person || !person.active) return null;
  const actor: Actor = { id: person.id, name: person.name, email: person.email, roles: person.roles };
  if (cache.size > 10_000) cache.clear();
  cache.set(tokenHash, { actor, until: Math.min(now + CACHE_MS, session.expiresAt.getTime()) });
  return actor;
}
