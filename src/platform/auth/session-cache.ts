import type { Actor } from './actor';

// A short-lived cache of resolved sessions, keyed by token hash: most requests
// then need no session query, and a poll still answers while a long
// transaction holds the embedded engine's single connection. A session ended
// or changed in another process stays as it was here for at most this long.
const CACHE_MS = 10_000;
const cache = new Map<string, { actor: Actor; until: number }>();

export function cachedActor(tokenHash: string): Actor | undefined {
  const hit = cache.get(tokenHash);
  if (hit && hit.until > Date.now()) return hit.actor;
  cache.delete(tokenHash);
  return undefined;
}

export function cacheActor(tokenHash: string, actor: Actor, expiresAt: Date): void {
  if (cache.size > 10_000) cache.clear();
  cache.set(tokenHash, { actor, until: Math.min(Date.now() + CACHE_MS, expiresAt.getTime()) });
}

export function forgetSession(tokenHash: string): void {
  cache.delete(tokenHash);
}

/** After a person's roles, status or password change: their next request reads the database. */
export function forgetSessionsOf(personId: string): void {
  for (const [key, value] of cache) if (value.actor.id === personId) cache.delete(key);
}
