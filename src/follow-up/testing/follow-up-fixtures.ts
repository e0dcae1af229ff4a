import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database';
import type { Clock } from '../../platform/clock';
import { outbox } from '../../platform/mail/schema';
import { enrolments } from '../../enrolment/schema';
import type { RespondentRole } from '../follow-up-values';
import { openDueFollowUps } from '../open-due-follow-ups';

// For tests and guard rails (AF-4): follow-up forms without walking a session through attendance.

/** The single-use token in the follow-up mailed for an enrolment and role, if one went. */
export async function followUpToken(db: Db, enrolmentId: string, role: RespondentRole): Promise<string | undefined> {
  const [row] = await db.select({ text: outbox.textBody }).from(outbox).where(eq(outbox.idempotencyKey, `follow-up:${enrolmentId}:${role}`));
  return row?.text.match(/\/follow-up\/([A-Za-z0-9_-]{43})/)?.[1];
}

/**
 * Marks a live enrolment completed a month ago and runs the follow-up job, which opens its forms;
 * returns the mailed tokens (supervisor: only when the learner has a manager).
 */
export async function openFollowUpsFor(db: Db, clock: Clock, enrolmentId: string): Promise<{ learner: string; supervisor: string | undefined }> {
  const now = clock.now();
  await db.update(enrolments).set({ state: 'completed', completedAt: new Date(now.getTime() - 30 * 86_400_000) }).where(eq(enrolments.id, enrolmentId));
  await openDueFollowUps({ db, clock, publicUrl: 'http://stride.test' });
  const learner = await followUpToken(db, enrolmentId, 'learner');
  if (!learner) throw new Error(`follow-up: no form opened for ${enrolmentId}`);
  return { learner, supervisor: await followUpToken(db, enrolmentId, 'supervisor') };
}
