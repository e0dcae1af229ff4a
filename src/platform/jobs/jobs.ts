import PgBoss from 'pg-boss';
import type { Database } from '../db/database';

export type JobHandler<T> = (data: T) => Promise<void>;

export type Jobs = {
  /** Queues a job. With a singletonKey, a second job with the same key is not queued while one waits. */
  send<T extends object>(name: string, data: T, options?: { startAfter?: Date; singletonKey?: string }): Promise<string | null>;
  work<T>(name: string, handler: JobHandler<T>): Promise<void>;
  /** Runs a job on a cron schedule (in the given IANA time zone); one run per tick across all processes. */
  schedule(name: string, cron: string, timeZone?: string): Promise<void>;
  stop(): Promise<void>;
};

// pg-boss gives durable jobs with SKIP LOCKED on both engines: each queued job
// is taken by one worker in one process. A job can run again if its process
// dies mid-run, so every handler's effect is written idempotently (keys,
// upserts, state checks) — that is what makes "each effect once" true.
export async function startJobs(database: Database, options: { pollSeconds?: number } = {}): Promise<Jobs> {
  const boss =
    database.connectionString !== undefined
      ? new PgBoss({ connectionString: database.connectionString, max: 4, schema: 'pgboss' })
      : new PgBoss({
          schema: 'pgboss',
          db: { executeSql: (text: string, values?: unknown[]) => database.execute(text, values) },
        });
  boss.on('error', (err: Error) => {
    // pg-boss reports maintenance hiccups here; they must not crash the process.
    console.error(`[jobs] ${err.message}`);
  });
  await boss.start();
  // pg-boss honours singletonKey alone only on 'short'/'singleton'/'stately' queues; ours
  // are 'standard', so this index is what keeps a second job with the same key out while
  // one waits (pg-boss inserts with ON CONFLICT DO NOTHING and send() returns null).
  await database.execute(
    `SELECT pg_advisory_xact_lock(7428514);
     CREATE UNIQUE INDEX IF NOT EXISTS job_stride_singleton_key ON pgboss.job (name, singleton_key) WHERE state = 'created' AND singleton_key IS NOT NULL`,
  );
  const pollingIntervalSeconds = options.pollSeconds ?? 1;
  const created = new Set<string>();
  async function ensureQueue(name: string) {
    if (created.has(name)) return;
    await boss.createQueue(name, { name, retryLimit: 5, retryDelay: 30, retryBackoff: true } as never);
    created.add(name);
  }
  return {
    async send(name, data, opts = {}) {
      await ensureQueue(name);
      return boss.send(name, data, { startAfter: opts.startAfter, singletonKey: opts.singletonKey });
    },
    async work(name, handler) {
      await ensureQueue(name);
      await boss.work(name, { pollingIntervalSeconds, batchSize: 1 }, async (jobs) => {
        for (const job of jobs) await handler(job.data as never);
      });
    },
    async schedule(name, cron, timeZone = 'UTC') {
      await ensureQueue(name);
      await boss.schedule(name, cron, {}, { tz: timeZone });
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 5000 });
    },
  };
}
