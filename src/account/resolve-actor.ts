import { and, eq, gt } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor';
import { hashToken } from '../platform/auth/tokens';
import { cacheActor, cachedActor } from '../platform/auth/session-cache';
import type { Clock } from '../platform/clock';
import type { DbOrTx } from '../platform/db/database';
import { findPersonById } from '../people/find-people';
import { sessions } from './schema';

export async function resolveActor(db: DbOrTx, clock: Clock, token: string): Promise<Actor | null> {
  if (token.length > 200) return null;
  const tokenHash = hashToken(token);
  const hit = cachedActor(tokenHash);
  if (hit) return hit;
  const [session] = await db
    .select({ personId: sessions.personId, expiresAt: sessions.expiresAt })
    .from(sessions)
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, clock.now())));
  if (!session) return null;
  const person = await findPersonById(db, session.personId);
  if (!person || !person.active) return null;
  const actor: Actor = { id: person.id, name: person.name, email: person.email, roles: person.roles };
  cacheActor(tokenHash, actor, session.expiresAt);
  return actor;
}
