import { and, asc, eq, gt, isNull, lte } from 'drizzle-orm';
import type { Db } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import type { Jobs } from '../platform/jobs/jobs';
import { findParties } from './plan-parties';
import { unitDay } from './read-retention-plan';
import { mailCheckInDue } from './retention-mails';
import { retentionActions, retentionCheckIns, retentionPlans } from './schema';

export const REMIND_CHECK_INS_JOB = 'retention.remind-check-ins';
const BATCH = 100;

type Deps = { db: Db; clock: Clock; publicUrl: string };

/**
 * On a check-in's day (in the unit's time zone) learner and supervisor are each mailed a reminder
 * (AF-6), once: `reminded_at` is set in the same transaction as the mails, and only where it was
 * still empty, so a job run twice, or two runs at once, mail once. A check-in already held, or of a
 * closed plan, is not reminded; one whose day passed while Stride was down is reminded late.
 * Returns how many check-ins were reminded.
 */
export async function remindDueCheckIns(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const today = await unitDay(deps.db, now);
  let reminded = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const due = await deps.db
      .select({ id: retentionCheckIns.id, planId: retentionCheckIns.planId, dueOn: retentionCheckIns.dueOn, enrolmentId: retentionPlans.enrolmentId })
      .from(retentionCheckIns)
      .innerJoin(retentionPlans, eq(retentionPlans.id, retentionCheckIns.planId))
      .where(and(isNull(retentionCheckIns.remindedAt), isNull(retentionCheckIns.heldAt), lte(retentionCheckIns.dueOn, today), eq(retentionPlans.state, 'active'), gt(retentionCheckIns.id, after)))
      .orderBy(asc(retentionCheckIns.id))
      .limit(BATCH);
    for (const checkIn of due) {
      const sent = await deps.db.transaction(async (tx) => {
        const [claimed] = await tx
          .update(retentionCheckIns)
          .set({ remindedAt: now })
          .where(and(eq(retentionCheckIns.id, checkIn.id), isNull(retentionCheckIns.remindedAt), isNull(retentionCheckIns.heldAt)))
          .returning({ id: retentionCheckIns.id });
        if (!claimed) return false;
        const parties = await findParties(tx, checkIn.enrolmentId);
        if (!parties) return false;
        const actions = await tx.select({ doneAt: retentionActions.doneAt }).from(retentionActions).where(eq(retentionActions.planId, checkIn.planId));
        await mailCheckInDue(tx, deps, checkIn, parties, { done: actions.filter((a) => a.doneAt).length, total: actions.length });
        return true;
      });
      if (sent) reminded += 1;
    }
    if (due.length < BATCH) return reminded;
    after = due[due.length - 1]!.id;
  }
}

/** Daily at 06:00 UTC: the reminder is in the inbox the morning of the check-in, in most of Europe and Africa. */
export async function registerRetentionJobs(jobs: Jobs, deps: Deps): Promise<void> {
  await jobs.work(REMIND_CHECK_INS_JOB, async () => {
    await remindDueCheckIns(deps);
  });
  await jobs.schedule(REMIND_CHECK_INS_JOB, '0 6 * * *');
}
