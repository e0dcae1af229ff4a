import { hashToken, newToken } from '../platform/auth/tokens';
import type { Clock } from '../platform/clock';
import type { Db } from '../platform/db/database';
import { enqueueMail } from '../platform/mail/enqueue-mail';
import { recordAudit } from '../platform/audit/record-audit';
import { findPersonByEmail } from '../people/find-people';
import { passwordResets } from './schema';

export const RESET_HOURS = 2;

/**
 * Mails a one-time link. The answer is the same whether or not the address
 * belongs to someone, so the form cannot be used to discover accounts.
 */
export async function requestPasswordReset(db: Db, clock: Clock, publicUrl: string, email: string): Promise<void> {
  const person = await findPersonByEmail(db, email);
  if (!person || !person.active) return;
  const token = newToken();
  const now = clock.now();
  await db.transaction(async (tx) => {
    await tx.insert(passwordResets).values({
      tokenHash: hashToken(token),
      personId: person.id,
      expiresAt: new Date(now.getTime() + RESET_HOURS * 3600 * 1000),
    });
    await enqueueMail(tx, {
      to: { email: person.email, name: person.name },
      subject: 'Reset your Stride password',
      body: `Hello ${person.name},\n\nSomeone (we hope you) asked to reset the password of your Stride account. The link below works once, for ${RESET_HOURS} hours.\n\nIf you did not ask for this, ignore this message: your password stays as it is.`,
      links: [{ label: 'Choose a new password', url: `${publicUrl}/reset-password?token=${token}` }],
      idempotencyKey: `password-reset:${hashToken(token)}`,
    });
    await recordAudit(tx, { actorId: null, action: 'request-password-reset', entity: 'person', entityId: person.id });
  });
}
