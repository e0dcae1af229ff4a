import { eq } from 'drizzle-orm';
import type { Db } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import { AppError } from '../platform/http/app-error';
import { recordAudit } from '../platform/audit/record-audit';
import { listInterests } from '../catalog/list-interests';
import { dueAfterChange, utcDay } from './digest-schedule';
import type { DigestPreferencesInput, DigestPreferencesView } from './marketing-schemas';
import { chosenInterestIds, preferencesView } from './read-preferences';
import { digestInterests, digestSubscriptions, digestUnsubscribeTokens } from './schema';

const sameIds = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

/**
 * Saves the caller's digest choice: on or off, how often, which interests (CA-6). Switching it on
 * needs at least one interest (the schema says so). Stopping keeps the interests, so starting again
 * is one click. Restarting after a stop rotates the unsubscribe links: those in earlier digests stop
 * working, so a forwarded old digest cannot stop the new choice.
 */
export async function saveDigestPreferences(db: Db, clock: Clock, personId: string, input: DigestPreferencesInput): Promise<DigestPreferencesView> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const known = new Set((await listInterests(tx)).map((i) => i.id));
    if (input.interestIds.some((id) => !known.has(id))) {
      throw AppError.invalid([{ field: 'interestIds', message: 'Choose interests from the list: one of these is not an interest in the catalog.' }]);
    }
    const [before] = await tx.select().from(digestSubscriptions).where(eq(digestSubscriptions.personId, personId)).for('update');
    const beforeIds = before ? await chosenInterestIds(tx, personId) : [];
    const unchanged = before && before.subscribed === input.subscribed && before.frequency === input.frequency && sameIds(beforeIds, input.interestIds);
    if (unchanged) return preferencesView(before, beforeIds, now);

    const starting = input.subscribed && !before?.subscribed;
    const stopping = !input.subscribed && !!before?.subscribed;
    const rhythmChanged = !!before && before.frequency !== input.frequency;
    const today = utcDay(now);
    const nextDueOn = starting || rhythmChanged || !before ? dueAfterChange(input.frequency, before?.lastDigestAt ?? null, today) : before.nextDueOn;
    const values = {
      subscribed: input.subscribed,
      frequency: input.frequency,
      optedInAt: starting ? now : (before?.optedInAt ?? null),
      stoppedAt: stopping ? now : (before?.stoppedAt ?? null),
      nextDueOn,
      updatedAt: now,
    };
    const [row] = await tx
      .insert(digestSubscriptions)
      .values({ personId, ...values, createdAt: now })
      .onConflictDoUpdate({ target: digestSubscriptions.personId, set: values })
      .returning();
    if (starting && before) await tx.delete(digestUnsubscribeTokens).where(eq(digestUnsubscribeTokens.personId, personId));
    if (!sameIds(beforeIds, input.interestIds)) {
      await tx.delete(digestInterests).where(eq(digestInterests.personId, personId));
      if (input.interestIds.length > 0) {
        await tx.insert(digestInterests).values(input.interestIds.map((interestId) => ({ personId, interestId }))).onConflictDoNothing();
      }
    }
    const summary = (s: { subscribed: boolean; frequency: string } | undefined, ids: string[]) => (s ? { subscribed: s.subscribed, frequency: s.frequency, interestIds: [...ids].sort() } : undefined);
    await recordAudit(tx, {
      actorId: personId,
      action: starting ? 'marketing.digest-started' : stopping ? 'marketing.digest-stopped' : 'marketing.digest-preferences-changed',
      entity: 'person',
      entityId: personId,
      before: summary(before, beforeIds),
      after: summary(input, input.interestIds),
    });
    return preferencesView(row!, [...input.interestIds].sort(), now);
  });
}
