import PgBoss from 'pg-boss';
import pg from 'pg';
import type { Database } from '../db/database';

export type JobHandler<T> = (data: T) => Promise<void>;

export type Jobs = {
  /** Queues a job. With a singletonKey, a second job with the same key is not queued while one waits. */
  send<T extends object>(name: string, data: T, options?: { startAfter?: Date; singletonKey?: string }): Promise<string | null>;
  /**
   * Works a queue. With batchSize > 1 a process takes that many due jobs per poll (throughput
   * for bursts, e.g. a course's reminders) and runs them one after another; a job that fails
   * is retried alone.
   */
  work<T>(name: string, handler: JobHandler<T>, options?: { batchSize?: number }): Promise<void>;
  /** Runs a job on a cron schedule (in the given IANA time zone); one run per tick across all processes. */
  schedule(name: string, cron: string, timeZone?: string): Promise<void>;
  stop(): Promise<void>;
};

export type JobsOptions = {
  pollSeconds?: number;
  /**
   * A job still active after this long is taken for abandoned (its process died) and retried.
   * It is also each batch's time limit, so it must outlast the slowest honest run.
   */
  expireSeconds?: number;
  /** How often one of the processes looks for abandoned jobs. */
  superviseSeconds?: number;
  /** Delay before the first retry of a failed or abandoned job; doubles, with jitter, after. */
  retryDelaySeconds?: number;
  /**
   * No other process can be working this database (the embedded engine's data-dir lock
   * guarantees it): every job found active at start was abandoned by a dead process and is
   * retried at once instead of after expireSeconds.
   */
  soleProcess?: boolean;
};

const RETRY_LIMIT = 5;

// pg-boss gives durable jobs with SKIP LOCKED on both engines: each queued job
// is taken by one worker in one process. A job can run again if its process
// dies mid-run, so every handler's effect is written idempotently (keys,
// upserts, state checks) — that is what makes "each effect once" true.
export async function startJobs(database: Database, options: JobsOptions = {}): Promise<Jobs> {
  const supervision = { maintenanceIntervalSeconds: options.superviseSeconds ?? 60 };
  const boss =
    database.connectionString !== undefined
      ? new PgBoss({ connectionString: database.connectionString, max: 4, schema: 'pgboss', ...supervision })
      : new PgBoss({
          schema: 'pgboss',
          db: { executeSql: (text: string, values?: unknown[]) => database.execute(text, values) },
          ...supervision,
        });
  boss.on('error', (err: Error) => {
    // pg-boss reports maintenance hiccups here; they must not crash the process.
    console.error(`[jobs] ${err.message}`);
  });
  const serialized = database.connectionString === undefined ? <T>(f: () => Promise<T>) => f() : acrossProcesses(database.connectionString);
  await serialized(async () => {
    // Before pg-boss starts, so none of this process's own jobs can be active yet.
    if (options.soleProcess) await retryAbandonedJobs(database);
    await boss.start();
    // pg-boss honours singletonKey alone only on 'short'/'singleton'/'stately' queues; ours
    // are 'standard', so this index is what keeps a second job with the same key out while
    // one waits (pg-boss inserts with ON CONFLICT DO NOTHING and send() returns null).
    await database.execute(
      `CREATE UNIQUE INDEX IF NOT EXISTS job_stride_singleton_key ON pgboss.job (name, singleton_key) WHERE state = 'created' AND singleton_key IS NOT NULL`,
    );
  });
  const pollingIntervalSeconds = options.pollSeconds ?? 1;
  // A job copies these from its queue when it is queued; updating the queue on every start
  // makes a changed setting apply to the jobs queued from then on.
  const queuePolicy = {
    retryLimit: RETRY_LIMIT,
    retryDelay: options.retryDelaySeconds ?? 30,
    retryBackoff: true,
    expireInSeconds: options.expireSeconds ?? 900,
  };
  const created = new Set<string>();
  async function ensureQueue(name: string) {
    if (created.has(name)) return;
    await serialized(async () => {
      await boss.createQueue(name, { name, ...queuePolicy } as never);
      await boss.updateQueue(name, { name, ...queuePolicy } as never);
    });
    created.add(name);
  }
  return {
    async send(name, data, opts = {}) {
      await ensureQueue(name);
      return boss.send(name, data, { startAfter: opts.startAfter, singletonKey: opts.singletonKey });
    },
    async work(name, handler, opts = {}) {
      await ensureQueue(name);
      await boss.work(name, { pollingIntervalSeconds, batchSize: opts.batchSize ?? 1 }, async (batch) => {
        for (const job of batch) {
          try {
            await handler(job.data as never);
          } catch (err) {
            // Failed alone: pg-boss then completes only the batch's jobs still active.
            await boss.fail(name, job.id, { message: err instanceof Error ? err.message : String(err) });
          }
        }
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

/**
 * Runs pg-boss's schema work one process at a time. Creating a queue inserts its row, then
 * adds a partition with a foreign key to pgboss.queue; two processes creating queues at once
 * (several Stride processes starting on a new database) each hold the first lock and wait for
 * the second, and PostgreSQL aborts one of them with "deadlock detected".
 */
function acrossProcesses(connectionString: string) {
  return async <T>(work: () => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString });
    await client.connect();
    try {
      await client.query('SELECT pg_advisory_lock(7428514)');
      return await work();
    } finally {
      // Ending the session releases the lock too, also when the unlock itself fails.
      await client.query('SELECT pg_advisory_unlock(7428514)').catch(() => {});
      await client.end().catch(() => {});
    }
  };
}

/**
 * Jobs left active by a process that died go back to the queue now, each counting as an
 * attempt, so a job that kills its process every time ends up failed rather than looping.
 */
async function retryAbandonedJobs(database: Database): Promise<number> {
  const { rows } = await database.execute(`SELECT to_regclass('pgboss.job') IS NOT NULL AS present`, [] as unknown[]);
  if (rows[0]?.present !== true) return 0;
  const { rowCount } = await database.execute(
    `UPDATE pgboss.job SET
       state = (CASE WHEN retry_count < retry_limit THEN 'retry' ELSE 'failed' END)::pgboss.job_state,
       completed_on = CASE WHEN retry_count < retry_limit THEN NULL ELSE now() END,
       start_after = now(),
       output = $1::jsonb
     WHERE state = 'active'`,
    [JSON.stringify({ message: 'abandoned: the process running it stopped' })],
  );
  return rowCount;
}
