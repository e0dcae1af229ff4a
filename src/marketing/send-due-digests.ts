import { and, asc, eq, gt, inArray, lte } from 'drizzle-orm';
import type { Db, Tx } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import type { Jobs } from '../platform/jobs/jobs';
import { hashToken, newToken } from '../platform/auth/tokens';
import { enqueueMail } from '../platform/mail/enqueue-mail';
import { recordAudit } from '../platform/audit/record-audit';
import { getUnitSettings } from '../platform/settings/unit-settings';
import { listInterests } from '../catalog/list-interests';
import { composeDigest, isEmptyDigest } from './compose-digest';
import { DIGEST_HOUR_UTC, digestWindow, nextDueOn, periodOf, utcDay, widestWindow } from './digest-schedule';
import { loadDigestSource, type DigestSource } from './digest-offerings';
import { digestMessage } from './digest-message';
import { findSubscribers } from './digest-people';
import { enrolledCourseIds } from './enrolment-facts';
import { digestFrequencies } from './marketing-values';
import { digestInterests, digestSubscriptions, digestUnsubscribeTokens } from './schema';

export const DIGEST_JOB = 'marketing.send-digests';
/** Every day at 07:00 UTC. */
export const DIGEST_CRON = `0 ${DIGEST_HOUR_UTC} * * *`;

const BATCH = 200;
// A run handles at most this many batches (10,000 people), then queues its own continuation: each
// run stays well inside the job expiry however many people are due on the 1st of the month.
const MAX_BATCHES = 50;
const FIRST_ID = '00000000-0000-0000-0000-000000000000';

export type DigestRun = { considered: number; sent: number; nothingToSend: number; more: boolean };

type RunContext = {
  now: Date;
  today: string;
  publicUrl: string;
  contactEmail: string;
  source: DigestSource;
  interestNames: Map<string, string>;
};

/**
 * Sends the digest to everyone due today (CA-6): subscribed, and a week (weekly) or a new calendar
 * month (monthly) since their last one. Each gets the new and upcoming offerings matching their
 * interests; nothing matching sends nothing. Subscribers are taken in batches of 200, each batch
 * in one transaction that queues the messages and moves the people's next due day on, with
 * `FOR UPDATE SKIP LOCKED`, so two runs at once share the work instead of doubling it, and a run
 * repeated the same day finds nobody due. The outbox's idempotency key (person and period) is the
 * last guard: one digest per person per period, whatever happens.
 */
export async function sendDueDigests(db: Db, clock: Clock, publicUrl: string, options: { batchSize?: number; maxBatches?: number } = {}): Promise<DigestRun> {
  const now = clock.now();
  const batchSize = options.batchSize ?? BATCH;
  const maxBatches = options.maxBatches ?? MAX_BATCHES;
  const run: DigestRun = { considered: 0, sent: 0, nothingToSend: 0, more: false };
  const [first] = await db
    .select({ id: digestSubscriptions.personId })
    .from(digestSubscriptions)
    .where(and(eq(digestSubscriptions.subscribed, true), lte(digestSubscriptions.nextDueOn, utcDay(now))))
    .limit(1);
  if (!first) return run;

  // The catalog is read once per run; people are read a batch at a time.
  const ctx: RunContext = {
    now,
    today: utcDay(now),
    publicUrl,
    contactEmail: (await getUnitSettings(db)).contactEmail,
    source: await loadDigestSource(db, widestWindow(now), now),
    interestNames: new Map((await listInterests(db)).map((i) => [i.id, i.name])),
  };
  let after = FIRST_ID;
  for (let batch = 0; batch < maxBatches; batch++) {
    const done = await db.transaction((tx) => digestBatch(tx, ctx, after, batchSize));
    run.considered += done.considered;
    run.sent += done.sent;
    run.nothingToSend += done.considered - done.sent;
    if (done.considered < batchSize) return run;
    after = done.lastId;
  }
  run.more = true;
  return run;
}

async function digestBatch(tx: Tx, ctx: RunContext, after: string, batchSize: number): Promise<{ considered: number; sent: number; lastId: string }> {
  const due = await tx
    .select()
    .from(digestSubscriptions)
    .where(and(eq(digestSubscriptions.subscribed, true), lte(digestSubscriptions.nextDueOn, ctx.today), gt(digestSubscriptions.personId, after)))
    .orderBy(asc(digestSubscriptions.personId))
    .limit(batchSize)
    .for('update', { skipLocked: true });
  if (due.length === 0) return { considered: 0, sent: 0, lastId: after };
  const ids = due.map((d) => d.personId);
  const people = await findSubscribers(tx, ids);
  const enrolled = await enrolledCourseIds(tx, ids);
  const chosenRows = await tx.select().from(digestInterests).where(inArray(digestInterests.personId, ids));
  const chosen = new Map<string, Set<string>>();
  for (const row of chosenRows) chosen.set(row.personId, (chosen.get(row.personId) ?? new Set()).add(row.interestId));

  const tokens: (typeof digestUnsubscribeTokens.$inferInsert)[] = [];
  const sent: string[] = [];
  for (const subscription of due) {
    const person = people.get(subscription.personId);
    const interestIds = chosen.get(subscription.personId) ?? new Set<string>();
    // Someone who left the organization gets nothing; their turn passes like anyone's.
    if (!person?.active || interestIds.size === 0) continue;
    const window = digestWindow(subscription.frequency, subscription.lastDigestAt, ctx.now);
    const digest = composeDigest(ctx.source.offerings, ctx.source.freeSeats, { interestIds, businessUnitId: person.businessUnitId, enrolledCourseIds: enrolled.get(person.id) ?? new Set() }, window);
    if (isEmptyDigest(digest)) continue;
    const period = periodOf(subscription.frequency, ctx.now);
    const token = newToken();
    tokens.push({ tokenHash: hashToken(token), personId: person.id, period, issuedAt: ctx.now });
    await enqueueMail(tx, {
      to: { email: person.email, name: person.name },
      ...digestMessage({
        name: person.name,
        frequency: subscription.frequency,
        interestNames: [...interestIds].map((id) => ctx.interestNames.get(id)).filter((n): n is string => !!n).sort((a, b) => a.localeCompare(b)),
        digest,
        publicUrl: ctx.publicUrl,
        token,
        contactEmail: ctx.contactEmail,
      }),
      idempotencyKey: `marketing-digest:${person.id}:${period}`,
    });
    sent.push(person.id);
  }
  if (tokens.length > 0) await tx.insert(digestUnsubscribeTokens).values(tokens);
  for (const frequency of digestFrequencies) {
    const handled = due.filter((d) => d.frequency === frequency).map((d) => d.personId);
    if (handled.length === 0) continue;
    await tx
      .update(digestSubscriptions)
      .set({ lastDigestAt: ctx.now, lastPeriod: periodOf(frequency, ctx.now), nextDueOn: nextDueOn(frequency, ctx.today), updatedAt: ctx.now })
      .where(inArray(digestSubscriptions.personId, handled));
  }
  if (sent.length > 0) await tx.update(digestSubscriptions).set({ lastSentAt: ctx.now }).where(inArray(digestSubscriptions.personId, sent));
  await recordAudit(tx, {
    actorId: null,
    action: 'marketing.digests-sent',
    entity: 'digest-run',
    entityId: ctx.today,
    after: { considered: due.length, sent: sent.length, nothingToSend: due.length - sent.length },
  });
  return { considered: due.length, sent: sent.length, lastId: due[due.length - 1]!.personId };
}

/** Runs every morning; a run that finds more people than it handles queues its own continuation. */
export async function registerMarketingJobs(jobs: Jobs, db: Db, clock: Clock, publicUrl: string): Promise<void> {
  await jobs.work(DIGEST_JOB, async () => {
    const run = await sendDueDigests(db, clock, publicUrl);
    if (run.more) await jobs.send(DIGEST_JOB, {}, { singletonKey: 'marketing-digest-continuation' });
  });
  await jobs.schedule(DIGEST_JOB, DIGEST_CRON);
}
