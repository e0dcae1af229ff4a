import { and, eq, gt, sql } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor';
import type { Role } from '../platform/auth/roles';
import { hashToken } from '../platform/auth/tokens';
import { cacheActor, cachedActor } from '../platform/auth/session-cache';
import type { Clock } from '../platform/clock';
import type { DbOrTx } from '../platform/db/database';
import { people, personRoles } from '../people/schema';
import { sessions } from './schema';

// Every signed-in request starts here. A miss in the session cache costs one statement (the
// session, its person and their roles together; it used to be three round trips), and requests
// that arrive together with the same token share it (a burst of one person's requests).
const inFlight = new Map<string, Promise<Actor | null>>();

export async function resolveActor(db: DbOrTx, clock: Clock, token: string): Promise<Actor | null> {
  if (token.length > 200) return null;
  const tokenHash = hashToken(token);
  const hit = cachedActor(tokenHash);
  if (hit) return hit;
  let pending = inFlight.get(tokenHash);
  if (!pending) {
    pending = lookUp(db, clock, tokenHash).finally(() => inFlight.delete(tokenHash));
    inFlight.set(tokenHash, pending);
  }
  return pending;
}

async function lookUp(db: DbOrTx, clock: Clock, tokenHash: string): Promise<Actor | null> {
  const [found] = await db
    .select({
      id: people.id,
      name: people.name,
      email: people.email,
      active: people.active,
      expiresAt: sessions.expiresAt,
      roles: sql<Role[]>`coalesce(array_agg(${personRoles.role}::text ORDER BY ${personRoles.role}) FILTER (WHERE ${personRoles.role} IS NOT NULL), '{}')`,
    })
    .from(sessions)
    .innerJoin(people, eq(people.id, sessions.personId))
    .leftJoin(personRoles, eq(personRoles.personId, people.id))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, clock.now())))
    .groupBy(people.id, sessions.expiresAt);
  if (!found || !found.active) return null;
  const actor: Actor = { id: found.id, name: found.name, email: found.email, roles: found.roles };
  cacheActor(tokenHash, actor, found.expiresAt);
  return actor;
}
