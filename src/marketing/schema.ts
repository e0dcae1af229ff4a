import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, timestamp, date, boolean, index, check, primaryKey } from 'drizzle-orm/pg-core';
import { people } from '../people/schema';
import { interests } from '../catalog/schema';
import { digestFrequencies } from './marketing-values';

// The marketing digest (CA-6, decision 015). Opt-in only: a row exists once a person has saved
// their choice, and `subscribed` is true only when they switched the digest on with at least one
// interest. Nobody is subscribed by default, by an import, or by an administrator.
//
// `next_due_on` is the UTC date from which the daily job considers the person again; the job
// moves it forward in the same transaction that queues the digest (or decides there is nothing to
// send), so a second run the same day finds nobody. `last_digest_at` is the instant of that run:
// "new" courses in the next digest are those published since.
export const digestSubscriptions = pgTable(
  'digest_subscriptions',
  {
    personId: uuid('person_id').primaryKey().references(() => people.id),
    subscribed: boolean('subscribed').notNull(),
    frequency: text('frequency', { enum: digestFrequencies }).notNull(),
    /** The last time the person switched the digest on (null: never). */
    optedInAt: timestamp('opted_in_at', { withTimezone: true }),
    /** The last time the digest was stopped, on the page or by an unsubscribe link. */
    stoppedAt: timestamp('stopped_at', { withTimezone: true }),
    nextDueOn: date('next_due_on', { mode: 'string' }).notNull(),
    /** The last run that considered the person, whether or not anything matched. */
    lastDigestAt: timestamp('last_digest_at', { withTimezone: true }),
    /** That run's period (2026-W48 or 2026-11): the idempotency key of its message. */
    lastPeriod: text('last_period'),
    /** The last digest actually queued (nothing matching sends nothing). */
    lastSentAt: timestamp('last_sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('digest_subscriptions_due_idx').on(t.nextDueOn, t.personId).where(sql`${t.subscribed}`),
    check('digest_subscriptions_opted_in', sql`NOT ${t.subscribed} OR ${t.optedInAt} IS NOT NULL`),
  ],
);

// The catalog interests a person chose (kept while the digest is stopped, so restarting is one click).
export const digestInterests = pgTable(
  'digest_interests',
  {
    personId: uuid('person_id').notNull().references(() => digestSubscriptions.personId),
    interestId: uuid('interest_id').notNull().references(() => interests.id),
  },
  (t) => [primaryKey({ columns: [t.personId, t.interestId] }), index('digest_interests_interest_idx').on(t.interestId)],
);

// One-click unsubscribe links (RFC 8058). Each digest carries a fresh random token; only its
// SHA-256 is stored, so the raw token exists only in the message. A token never expires: it
// works until the digest is restarted after a stop (then the person's tokens are rotated out:
// deleted). Using one is idempotent: `used_at` records the first use, and a second use answers
// "already unsubscribed".
export const digestUnsubscribeTokens = pgTable(
  'digest_unsubscribe_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    personId: uuid('person_id').notNull().references(() => digestSubscriptions.personId),
    /** The digest it came with (2026-W48, 2026-11). */
    period: text('period').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('digest_unsubscribe_tokens_person_idx').on(t.personId)],
);
