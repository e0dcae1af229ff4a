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

/** Where job failures are reported: the app's logger, whose error serializer keeps personal data out. */
export type JobsLogger = { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };

const consoleLogger: JobsLogger = {
  // Only the kind and code of an error: its message may quote the values it was about.
  warn: (obj, msg) => console.warn(`[jobs] ${msg}`, describe(obj)),
  error: (obj, msg) => console.error(`[jobs] ${msg}`, describe(obj)),
};
function describe(obj: object): string {
  const err = (obj as { err?: { name?: string; code?: unknown } }).err;
  return err ? `${err.name ?? 'Error'}${err.code ? ` ${String(err.code)}` : ''}` : '';
}

export type JobsOptions = {
  pollSeconds?: number;
  logger?: JobsLogger;
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
  const logger = options.logger ?? consoleLogger;
  boss.on('error', (err: Error) => {
    // pg-boss reports maintenance hiccups here; they must not crash the process.
    logger.warn({ err }, 'jobs: maintenance failed; it runs again at the next interval');
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
  const workers: Promise<void>[] = [];
  const sleepers = new Set<() => void>();
  let stopping = false;
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
      workers.push(runWorker(name, handler as JobHandler<unknown>, opts.batchSize ?? 1));
    },
    async schedule(name, cron, timeZone = 'UTC') {
      await ensureQueue(name);
      await boss.schedule(name, cron, {}, { tz: timeZone });
    },
    async stop() {
      stopping = true;
      for (const wake of sleepers) wake();
      await Promise.all(workers);
      await boss.stop({ graceful: true, wait: true, timeout: 5000 });
    },
  };

  // Stride's own fetch → run → complete loop instead of boss.work(): pg-boss 10 records a
  // finished job with a promise it never awaits, so a connection lost at that instant became an
  // unhandled rejection that ends the process. Here every database call is awaited and caught.
  // A job whose outcome cannot be recorded stays active and is retried after it expires
  // (handlers are idempotent), exactly as if the process had died.
  async function runWorker(name: string, handler: JobHandler<unknown>, batchSize: number): Promise<void> {
    while (!stopping) {
      let batch: { id: string; data: unknown }[] = [];
      try {
        batch = await boss.fetch(name, { batchSize });
      } catch (err) {
        logger.warn({ err, queue: name }, 'jobs: cannot fetch due jobs; trying again');
      }
      for (const job of batch) {
        let failure: unknown;
        try {
          await handler(job.data);
        } catch (err) {
          failure = err ?? new Error('job failed');
        }
        try {
          if (failure === undefined) await boss.complete(name, job.id);
          else await boss.fail(name, job.id, { message: failure instanceof Error ? failure.message : String(failure) });
        } catch (err) {
          logger.warn({ err, queue: name }, 'jobs: cannot record a job outcome; it is retried after it expires');
        }
        if (failure !== undefined) logger.warn({ err: failure, queue: name }, 'jobs: a job failed; it is retried');
      }
      if (batch.length < batchSize && !stopping) await pause(pollingIntervalSeconds * 1000);
    }
  }

  function pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      sleepers.add(done);
    });
  }
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
