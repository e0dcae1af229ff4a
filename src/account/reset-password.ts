import { and, eq, gt, isNull, ne } from 'drizzle-orm';
import { AppError } from '../platform/http/app-error';
import { hashPassword, verifyPassword } from '../platform/auth/passwords';
import { hashToken } from '../platform/auth/tokens';
import type { Clock } from '../platform/clock';
import type { Db, DbOrTx } from '../platform/db/database';
import { recordAudit } from '../platform/audit/record-audit';
import { credentials, passwordResets, sessions } from './schema';
import { forgetSessionsOf } from '../platform/auth/session-cache';

export async function setPassword(tx: DbOrTx, personId: string, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await tx
    .insert(credentials)
    .values({ personId, passwordHash })
    .onConflictDoUpdate({ target: credentials.personId, set: { passwordHash, updatedAt: new Date() } });
}

export async function resetPassword(db: Db, clock: Clock, input: { token: string; password: string }): Promise<void> {
  const tokenHash = hashToken(input.token);
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    const [reset] = await tx
      .update(passwordResets)
      .set({ usedAt: clock.now() })
      .where(and(eq(passwordResets.tokenHash, tokenHash), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, clock.now())))
      .returning();
    if (!reset) {
      throw new AppError('bad_request', 'This reset link has expired or was already used. Ask for a new one.', {
        fields: [{ field: 'token', message: 'Expired or already used.' }],
      });
    }
    await tx
      .insert(credentials)
      .values({ personId: reset.personId, passwordHash })
      .onConflictDoUpdate({ target: credentials.personId, set: { passwordHash, updatedAt: new Date() } });
    // A new password ends every open session, in case the old one was stolen.
    await tx.delete(sessions).where(eq(sessions.personId, reset.personId));
    await recordAudit(tx, { actorId: reset.personId, action: 'reset-password', entity: 'person', entityId: reset.personId });
    forgetSessionsOf(reset.personId);
  });
}

/**
 * Changes a signed-in person's password. Every other session of theirs ends (a
 * stolen session must not outlive the password change meant to shut it out);
 * the one making the change stays signed in.
 */
export async function changePassword(
  db: Db,
  personId: string,
  input: { currentPassword: string; newPassword: string },
  currentSessionToken: string | undefined,
): Promise<void> {
  const [credential] = await db.select().from(credentials).where(eq(credentials.personId, personId));
  if (!credential || !(await verifyPassword(credential.passwordHash, input.currentPassword))) {
    throw AppError.invalid([{ field: 'currentPassword', message: 'This is not your current password.' }]);
  }
  const keep = currentSessionToken ? hashToken(currentSessionToken) : '';
  await db.transaction(async (tx) => {
    await setPassword(tx, personId, input.newPassword);
    await tx.delete(sessions).where(and(eq(sessions.personId, personId), ne(sessions.tokenHash, keep)));
    await recordAudit(tx, { actorId: personId, action: 'change-password', entity: 'person', entityId: personId });
  });
  forgetSessionsOf(personId);
}
