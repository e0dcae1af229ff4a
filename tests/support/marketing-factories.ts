import { randomBytes } from 'node:crypto';
import type { Db } from '../../src/platform/db/database';
import type { Clock } from '../../src/platform/clock';
import { hashToken } from '../../src/platform/auth/tokens';
import { saveDigestPreferences } from '../../src/marketing/save-preferences';
import { digestUnsubscribeTokens } from '../../src/marketing/schema';
import type { DigestFrequency } from '../../src/marketing/marketing-values';
import { createPerson, type TestPerson } from './factories';

// The marketing digest (CA-6) for tests: someone opted in, and an unsubscribe link as a digest
// would carry it (the job issues them; a test that is not about the job makes one directly).

/** Stores a fresh unsubscribe token for someone subscribed, as a digest would, and returns the raw token. */
export async function issueUnsubscribeLink(db: Db, clock: Clock, personId: string, period = '2026-W01'): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.insert(digestUnsubscribeTokens).values({ tokenHash: hashToken(token), personId, period, issuedAt: clock.now() });
  return token;
}

/** A new person who opted in to the digest on these interests. */
export async function createSubscriber(db: Db, clock: Clock, interestIds: string[], overrides: { frequency?: DigestFrequency; name?: string; businessUnitId?: string | null } = {}): Promise<TestPerson> {
  const person = await createPerson(db, { name: overrides.name ?? `Dana Digest ${randomBytes(3).toString('hex')}`, businessUnitId: overrides.businessUnitId ?? null });
  await saveDigestPreferences(db, clock, person.id, { subscribed: true, frequency: overrides.frequency ?? 'weekly', interestIds });
  return person;
}
