import { and, asc, eq, isNull, lte } from 'drizzle-orm';
import type { Db, DbOrTx } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import type { Jobs } from '../platform/jobs/jobs';
import { enqueueMail } from '../platform/mail/enqueue-mail';
import { recordAudit } from '../platform/audit/record-audit';
import { findPeopleWithRole, findPersonById, type PersonIdentity } from '../people/find-people';
import { findVersionCalendars } from '../charter/find-version-calendars';
import { clockState } from './clock-state';
import { clocks, serviceLevels } from './schema';
import { atRiskMessage } from './at-risk-message';
import { findSubjectReferences } from './subject-references';

export const WARN_AT_RISK_JOB = 'service-levels.warn-at-risk';
const BATCH = 100;

/**
 * Mails the owner of every running clock that has used its at-risk share of the target (CH-3),
 * once: warned_at is set in the transaction that queues the mail, and the outbox's idempotency key
 * keeps a job that runs twice from queuing a second message. Returns how many clocks were warned.
 */
export async function warnAtRiskClocks(db: Db, clock: Clock): Promise<number> {
  let warned = 0;
  for (;;) {
    const count = await db.transaction((tx) => warnBatch(tx, clock.now()));
    warned += count;
    if (count < BATCH) return warned;
  }
}

async function warnBatch(tx: DbOrTx, now: Date): Promise<number> {
  // A paused clock is waiting on the customer, so its stored at-risk time is not yet real; it
  // is recomputed when the clock resumes.
  const due = await tx
    .select({ clock: clocks, level: serviceLevels })
    .from(clocks)
    .innerJoin(serviceLevels, eq(serviceLevels.id, clocks.serviceLevelId))
    .where(and(isNull(clocks.stoppedAt), isNull(clocks.warnedAt), isNull(clocks.pausedAt), lte(clocks.atRiskAt, now)))
    .orderBy(asc(clocks.atRiskAt))
    .limit(BATCH)
    .for('update', { of: clocks, skipLocked: true });
  const calendars = await findVersionCalendars(tx, due.map((d) => d.level.charterVersionId));
  const references = await findSubjectReferences(tx, due.map((d) => d.clock));
  for (const { clock, level } of due) {
    const calendar = calendars.get(level.charterVersionId);
    const recipients = await whoToWarn(tx, clock.ownerId, level.ownerRole);
    for (const person of recipients) {
      const state = calendar ? clockState(clock, level, calendar, now) : undefined;
      await enqueueMail(tx, {
        to: { email: person.email, name: person.name },
        ...atRiskMessage({ clock, level, state, timeZone: calendar?.timeZone ?? 'UTC', now, reference: references.get(`${clock.subjectType}:${clock.subjectId}`) }),
        // One key per clock and person: the clock's own owner gets exactly `clock-warning:<id>`.
        idempotencyKey: person.id === clock.ownerId ? `clock-warning:${clock.id}` : `clock-warning:${clock.id}:${person.id}`,
      });
    }
    await tx.update(clocks).set({ warnedAt: now }).where(eq(clocks.id, clock.id));
    await recordAudit(tx, {
      actorId: null,
      action: 'service-level.at-risk-warned',
      entity: 'clock',
      entityId: clock.id,
      after: { serviceLevel: level.key, subject: `${clock.subjectType}:${clock.subjectId}`, warned: recipients.map((p) => p.id) },
    });
  }
  return due.length;
}

/** The clock's owner; without an active one, everyone holding the owner role; failing that, the unit leads. */
async function whoToWarn(tx: DbOrTx, ownerId: string | null, ownerRole: PersonIdentity['roles'][number]): Promise<PersonIdentity[]> {
  const owner = ownerId ? await findPersonById(tx, ownerId) : undefined;
  if (owner?.active) return [owner];
  const holders = await findPeopleWithRole(tx, ownerRole);
  if (holders.length > 0 || ownerRole === 'unit_lead') return holders;
  return findPeopleWithRole(tx, 'unit_lead');
}

/** Runs the warning every five minutes; a run that finds nothing to warn writes nothing. */
export async function registerServiceLevelJobs(jobs: Jobs, db: Db, clock: Clock): Promise<void> {
  await jobs.work(WARN_AT_RISK_JOB, async () => {
    await warnAtRiskClocks(db, clock);
  });
  await jobs.schedule(WARN_AT_RISK_JOB, '*/5 * * * *');
}
