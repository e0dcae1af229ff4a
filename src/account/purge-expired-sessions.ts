import { lt, or, isNotNull } from 'drizzle-orm';
import type { Clock } from '../platform/clock';
import type { Db } from '../platform/db/database';
import type { Jobs } from '../platform/jobs/jobs';
import { passwordResets, sessions } from './schema';

export const PURGE_JOB = 'account.purge-expired-sessions';

/** Idempotent: running it twice deletes nothing more. */
export async function purgeExpiredSessions(db: Db, clock: Clock): Promise<number> {
  const now = clock.now();
  const gone = await db.delete(sessions).where(lt(sessions.expiresAt, now)).returning({ t: sessions.tokenHash });
  await db.delete(passwordResets).where(or(lt(passwordResets.expiresAt, now), isNotNull(passwordResets.usedAt)));
  return gone.length;
}

export async function registerAccountJobs(jobs: Jobs, db: Db, clock: Clock): Promise<void> {
  await jobs.work(PURGE_JOB, async () => {
    await purgeExpiredSessions(db, clock);
  });
  await jobs.schedule(PURGE_JOB, '17 3 * * *');
}
