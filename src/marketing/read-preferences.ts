import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import { digestDay } from './digest-schedule';
import type { DigestPreferencesView } from './marketing-schemas';
import { digestInterests, digestSubscriptions } from './schema';

export type SubscriptionRow = typeof digestSubscriptions.$inferSelect;

/** Someone who never chose: no digest, and the less frequent rhythm pre-selected should they start one. */
const nothingChosen: DigestPreferencesView = {
  subscribed: false,
  frequency: 'monthly',
  interestIds: [],
  optedInAt: null,
  stoppedAt: null,
  lastSentAt: null,
  nextDigestOn: null,
};

export async function chosenInterestIds(tx: DbOrTx, personId: string): Promise<string[]> {
  const rows = await tx.select({ id: digestInterests.interestId }).from(digestInterests).where(eq(digestInterests.personId, personId)).orderBy(asc(digestInterests.interestId));
  return rows.map((r) => r.id);
}

export function preferencesView(row: SubscriptionRow | undefined, interestIds: string[], now: Date): DigestPreferencesView {
  if (!row) return { ...nothingChosen, interestIds };
  return {
    subscribed: row.subscribed,
    frequency: row.frequency,
    interestIds,
    optedInAt: row.optedInAt?.toISOString() ?? null,
    stoppedAt: row.stoppedAt?.toISOString() ?? null,
    lastSentAt: row.lastSentAt?.toISOString() ?? null,
    nextDigestOn: row.subscribed ? digestDay(row.nextDueOn, now) : null,
  };
}

/** The caller's own digest choice (CA-6); nobody reads anyone else's. */
export async function readDigestPreferences(tx: DbOrTx, personId: string, now: Date): Promise<DigestPreferencesView> {
  const [row] = await tx.select().from(digestSubscriptions).where(eq(digestSubscriptions.personId, personId));
  return preferencesView(row, row ? await chosenInterestIds(tx, personId) : [], now);
}
