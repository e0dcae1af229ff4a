import { eq } from 'drizzle-orm';
import { AppError } from '../platform/http/app-error';
import { dummyHash, verifyPassword } from '../platform/auth/passwords';
import { hashToken, newToken } from '../platform/auth/tokens';
import type { Actor } from '../platform/auth/actor';
import type { Clock } from '../platform/clock';
import type { Db } from '../platform/db/database';
import { recordAudit } from '../platform/audit/record-audit';
import { findPersonByEmail } from '../people/find-people';
import { credentials, sessions } from './schema';
import { forgetSession } from '../platform/auth/session-cache';

export const SESSION_DAYS = 7;

export async function signIn(db: Db, clock: Clock, input: { email: string; password: string }): Promise<{ actor: Actor; token: string; expiresAt: Date }> {
  const person = await findPersonByEmail(db, input.email);
  const [credential] = person ? await db.select().from(credentials).where(eq(credentials.personId, person.id)) : [];
  // Same work and the same answer whether the e-mail exists or not.
  const ok = await verifyPassword(credential?.passwordHash ?? (await dummyHash()), input.password);
  if (!person || !credential || !ok || !person.active) {
    throw new AppError('unauthenticated', 'That e-mail and password do not match. Check both, or reset your password.');
  }
  const token = newToken();
  const expiresAt = new Date(clock.now().getTime() + SESSION_DAYS * 24 * 3600 * 1000);
  await db.transaction(async (tx) => {
    await tx.insert(sessions).values({ tokenHash: hashToken(token), personId: person.id, expiresAt });
    await recordAudit(tx, { actorId: person.id, action: 'sign-in', entity: 'session', entityId: person.id });
  });
  return { actor: { id: person.id, name: person.name, email: person.email, roles: person.roles }, token, expiresAt };
}

export async function signOut(db: Db, token: string): Promise<void> {
  forgetSession(hashToken(token));
  await db.transaction(async (tx) => {
    const ended = await tx.delete(sessions).where(eq(sessions.tokenHash, hashToken(token))).returning({ personId: sessions.personId });
    for (const s of ended) await recordAudit(tx, { actorId: s.personId, action: 'sign-out', entity: 'session', entityId: s.personId });
  });
}
