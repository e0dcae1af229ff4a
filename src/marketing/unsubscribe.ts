import { and, eq, isNull } from 'drizzle-orm';
import type { Db, DbOrTx } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import { hashToken } from '../platform/auth/tokens';
import { AppError } from '../platform/http/app-error';
import { recordAudit } from '../platform/audit/record-audit';
import { findPersonById } from '../people/find-people';
import { listInterests } from '../catalog/list-interests';
import type { UnsubscribeOutcome, UnsubscribeView } from './marketing-schemas';
import { chosenInterestIds, type SubscriptionRow } from './read-preferences';
import { digestSubscriptions, digestUnsubscribeTokens } from './schema';

// One-click unsubscribe (CA-6, RFC 8058): whoever holds the link in a digest may stop that digest,
// without signing in. The link's token is the proof; it can do nothing else.

const unknownLink = () =>
  new AppError(
    'not_found',
    'This unsubscribe link is not valid: it may be cut short (copy the whole link), or come from a digest sent before the digest was restarted. Sign in to Stride to stop or change your digest on “My interests”.',
  );

/** "jasmine.carter@northwind.example" → "j•••@northwind.example": whose digest, without the whole address. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '•••';
  return `${email.slice(0, 1)}•••${email.slice(at)}`;
}

async function findByToken(tx: DbOrTx, token: string, lock: boolean): Promise<{ tokenRow: typeof digestUnsubscribeTokens.$inferSelect; subscription: SubscriptionRow }> {
  // The route refuses nothing by shape: any string is looked up, and only a stored hash matches.
  if (token.length < 20) throw unknownLink();
  const query = tx
    .select({ tokenRow: digestUnsubscribeTokens, subscription: digestSubscriptions })
    .from(digestUnsubscribeTokens)
    .innerJoin(digestSubscriptions, eq(digestSubscriptions.personId, digestUnsubscribeTokens.personId))
    .where(eq(digestUnsubscribeTokens.tokenHash, hashToken(token)));
  const [found] = lock ? await query.for('update', { of: digestSubscriptions }) : await query;
  if (!found) throw unknownLink();
  return found;
}

async function describeLink(tx: DbOrTx, subscription: SubscriptionRow): Promise<UnsubscribeView> {
  const person = await findPersonById(tx, subscription.personId);
  const chosen = new Set(await chosenInterestIds(tx, subscription.personId));
  const names = (await listInterests(tx)).filter((i) => chosen.has(i.id)).map((i) => i.name);
  return { subscribed: subscription.subscribed, email: maskEmail(person?.email ?? ''), frequency: subscription.frequency, interests: names };
}

/** What the link would stop, for the page that asks a person to confirm. Reading changes nothing. */
export async function readUnsubscribeLink(db: DbOrTx, token: string): Promise<UnsubscribeView> {
  const { subscription } = await findByToken(db, token, false);
  return describeLink(db, subscription);
}

/**
 * Stops the digest the link came with. Idempotent: a second POST (a mail client retrying, a person
 * clicking twice) finds it stopped, changes nothing, and answers the same.
 */
export async function unsubscribeByLink(db: Db, clock: Clock, token: string): Promise<UnsubscribeOutcome> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const { tokenRow, subscription } = await findByToken(tx, token, true);
    if (!subscription.subscribed) return { ...(await describeLink(tx, subscription)), alreadyUnsubscribed: true };
    const [stopped] = await tx
      .update(digestSubscriptions)
      .set({ subscribed: false, stoppedAt: now, updatedAt: now })
      .where(eq(digestSubscriptions.personId, subscription.personId))
      .returning();
    await tx.update(digestUnsubscribeTokens).set({ usedAt: now }).where(and(eq(digestUnsubscribeTokens.tokenHash, tokenRow.tokenHash), isNull(digestUnsubscribeTokens.usedAt)));
    await recordAudit(tx, {
      actorId: null,
      action: 'marketing.digest-unsubscribed',
      entity: 'person',
      entityId: subscription.personId,
      before: { subscribed: true },
      after: { subscribed: false, via: 'unsubscribe link', digest: tokenRow.period },
    });
    return { ...(await describeLink(tx, stopped!)), alreadyUnsubscribed: false };
  });
}
