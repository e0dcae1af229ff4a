import type { Db } from '../db/database';
import type { Jobs } from '../jobs/jobs';
import { enqueueMail, type OutgoingMail } from './enqueue-mail';

export const SEND_MAIL_LATER = 'mail.send-later';

// Due messages come in bursts (a course's reminders all fall due at the same hour); pg-boss
// takes one batch per poll, so a batch of one would send one reminder a second.
const BATCH_SIZE = 50;

/**
 * Queues a message to enter the outbox at `at` (a durable job, kept across restarts).
 * The job only calls enqueueMail with the message's idempotency key, so a job that runs
 * twice (its process died after the insert, before pg-boss recorded it done) still queues
 * one message. Scheduling the same key again while the first waits queues nothing and
 * returns null.
 *
 * The job is written outside the caller's transaction: schedule after the change that
 * causes the message has committed, or derive due messages from data in a scheduled job.
 */
export async function scheduleMail(jobs: Jobs, mail: OutgoingMail, options: { at: Date }): Promise<string | null> {
  return jobs.send(SEND_MAIL_LATER, mail, { startAfter: options.at, singletonKey: mail.idempotencyKey });
}

export async function registerMailJobs(jobs: Jobs, db: Db): Promise<void> {
  await jobs.work<OutgoingMail>(SEND_MAIL_LATER, (mail) => enqueueMail(db, mail), { batchSize: BATCH_SIZE });
}
