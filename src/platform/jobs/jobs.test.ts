import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/support/test-database';
import { openDatabase } from '../db/database';
import { startJobs, type Jobs, type JobsOptions } from './jobs';

// pg-boss polls no faster than every 0.5 s.
const pollSeconds = 0.5;

let database: TestDatabase;
const running = new Set<Jobs>();

async function start(options: Omit<JobsOptions, 'pollSeconds'> = {}): Promise<Jobs> {
  const jobs = await startJobs(database, { pollSeconds, ...options });
  running.add(jobs);
  return jobs;
}

async function stop(jobs: Jobs): Promise<void> {
  running.delete(jobs);
  await jobs.stop();
}

async function until<T>(what: string, probe: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function jobState(id: string): Promise<string | undefined> {
  const { rows } = await database.execute('SELECT state FROM pgboss.job WHERE id = $1', [id]);
  return rows[0]?.state as string | undefined;
}

/** What a process killed mid-run leaves behind: the job taken, and never finished. */
async function abandon(id: string, retryCount = 0): Promise<void> {
  await database.execute(`UPDATE pgboss.job SET state = 'active', started_on = now(), retry_count = $2 WHERE id = $1`, [id, retryCount]);
}

async function jobsNamed(name: string): Promise<{ id: string; state: string; singleton_key: string | null }[]> {
  const { rows } = await database.execute('SELECT id, state, singleton_key FROM pgboss.job WHERE name = $1 ORDER BY created_on', [name]);
  return rows as { id: string; state: string; singleton_key: string | null }[];
}

let queueSeq = 0;
const queueName = (what: string) => `test.${what}.${process.pid}.${++queueSeq}`;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterEach(async () => {
  for (const jobs of [...running]) await stop(jobs);
});
/** pg-pool's end() resolves before the server has seen pg-boss's connections go; wait, so
 * dropping the database does not cut them and make pg-boss report an error. */
async function waitForPgBossToLeave(db: TestDatabase): Promise<void> {
  if (db.engine !== 'postgres') return;
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    const { rows } = await db.execute("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'pgboss'");
    if (rows[0]!.n === 0) break;
    await new Promise((r) => setTimeout(r, 20));
  }
}

const onServer = !!process.env.TEST_DATABASE_URL;

afterAll(async () => {
  await waitForPgBossToLeave(database);
  await database.drop();
});

describe(`jobs (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('works a sent job exactly once and records it as completed', async () => {
    const jobs = await start();
    const name = queueName('once');
    const seen: { n: number }[] = [];
    await jobs.work<{ n: number }>(name, async (data) => {
      seen.push(data);
    });
    const id = await jobs.send(name, { n: 42 });
    expect(id).toEqual(expect.any(String));
    await until('the job to complete', async () => (await jobState(id!)) === 'completed');
    expect(seen).toEqual([{ n: 42 }]);
    expect(await jobsNamed(name)).toHaveLength(1);
  });

  it('does not run a job scheduled with startAfter before that time', async () => {
    const jobs = await start();
    const name = queueName('later');
    const ranAt: number[] = [];
    await jobs.work(name, async () => {
      ranAt.push(Date.now());
    });
    const startAfter = new Date(Date.now() + 2_000);
    const id = await jobs.send(name, { what: 'later' }, { startAfter });
    expect(await jobState(id!)).toBe('created');
    await until('the delayed job to complete', async () => (await jobState(id!)) === 'completed');
    expect(ranAt).toHaveLength(1);
    // pg-boss stores start_after with millisecond precision; allow for clock rounding only.
    expect(ranAt[0]!).toBeGreaterThanOrEqual(startAfter.getTime() - 50);
  });

  it('keeps a queued job across a restart: a new Jobs instance on the same database works it', async () => {
    const name = queueName('durable');
    const first = await start();
    const id = await first.send(name, { survive: true });
    await stop(first);
    expect(await jobState(id!)).toBe('created');

    const second = await start();
    const seen: unknown[] = [];
    await second.work(name, async (data) => {
      seen.push(data);
    });
    await until('the job queued before the restart to complete', async () => (await jobState(id!)) === 'completed');
    expect(seen).toEqual([{ survive: true }]);
  });

  it('does not queue a second job with the same singletonKey while the first waits', async () => {
    const jobs = await start();
    const name = queueName('singleton');
    const first = await jobs.send(name, { attempt: 1 }, { singletonKey: 'person-7' });
    const second = await jobs.send(name, { attempt: 2 }, { singletonKey: 'person-7' });
    const other = await jobs.send(name, { attempt: 3 }, { singletonKey: 'person-8' });
    expect(first).toEqual(expect.any(String));
    expect(other).toEqual(expect.any(String));
    expect(second).toBeNull();
    // Jobs without a key are never held back.
    expect(await jobs.send(name, { attempt: 4 })).toEqual(expect.any(String));
    expect(await jobs.send(name, { attempt: 5 })).toEqual(expect.any(String));
    const queued = await jobsNamed(name);
    expect(queued.map((j) => j.singleton_key ?? '-').sort()).toEqual(['-', '-', 'person-7', 'person-8']);

    // Once the waiting job has been worked, the key is free again.
    const worked: unknown[] = [];
    await jobs.work(name, async (data) => {
      worked.push(data);
    });
    await until('the queued jobs to complete', async () => (await jobsNamed(name)).every((j) => j.state === 'completed'));
    expect(worked).toHaveLength(4);
    expect(await jobs.send(name, { attempt: 6 }, { singletonKey: 'person-7' })).toEqual(expect.any(String));
  });

  it('takes a batch per poll and retries only the job of the batch that failed', async () => {
    const jobs = await start({ retryDelaySeconds: 0 });
    const name = queueName('batch');
    const ids: string[] = [];
    for (let n = 1; n <= 6; n++) ids.push((await jobs.send(name, { n }))!);
    const runs: number[] = [];
    let failFirstRunOf: number | undefined = 3;
    await jobs.work<{ n: number }>(
      name,
      async ({ n }) => {
        runs.push(n);
        if (n === failFirstRunOf) {
          failFirstRunOf = undefined;
          throw new Error('the relay was down');
        }
      },
      { batchSize: 10 },
    );
    await until('every job to complete', async () => (await jobsNamed(name)).every((j) => j.state === 'completed'));
    // One run each, and a second run of the failed job alone.
    expect(runs.slice().sort()).toEqual([1, 2, 3, 3, 4, 5, 6]);
    const { rows } = await database.execute('SELECT data, started_on, retry_count FROM pgboss.job WHERE name = $1', [name]);
    const others = rows.filter((r) => (r.data as { n: number }).n !== 3);
    // Taken by one fetch: one statement, one now().
    expect(new Set(others.map((r) => new Date(r.started_on as string).getTime())).size).toBe(1);
    expect(others.every((r) => r.retry_count === 0)).toBe(true);
    expect(rows.find((r) => (r.data as { n: number }).n === 3)!.retry_count).toBe(1);
  });

  it('on the embedded engine (sole process) retries at start, at once, a job a dead process left active', async () => {
    const name = queueName('orphan');
    const first = await start();
    const id = (await first.send(name, { n: 1 }))!;
    await stop(first);
    await abandon(id);

    const startedAt = Date.now();
    const second = await start({ soleProcess: true });
    const seen: unknown[] = [];
    await second.work(name, async (data) => {
      seen.push(data);
    });
    await until('the abandoned job to complete', async () => (await jobState(id)) === 'completed');
    expect(seen).toEqual([{ n: 1 }]);
    // Not after the 15-minute expiry, nor the 30 s retry delay: within a few polls.
    expect(Date.now() - startedAt).toBeLessThan(10_000);
    const { rows } = await database.execute('SELECT retry_count FROM pgboss.job WHERE id = $1', [id]);
    // The interrupted run counts as an attempt.
    expect(rows[0]!.retry_count).toBe(1);
  });

  it('fails, rather than retries forever, an abandoned job that has used up its retries', async () => {
    const name = queueName('poison');
    const first = await start();
    const id = (await first.send(name, { n: 1 }))!;
    await stop(first);
    const { rows } = await database.execute('SELECT retry_limit FROM pgboss.job WHERE id = $1', [id]);
    await abandon(id, Number(rows[0]!.retry_limit));

    const second = await start({ soleProcess: true });
    const seen: unknown[] = [];
    await second.work(name, async (data) => {
      seen.push(data);
    });
    expect(await jobState(id)).toBe('failed');
    await new Promise((r) => setTimeout(r, 1_500));
    expect(seen).toEqual([]);
  });

  it('without sole-process recovery (a shared server) retries an abandoned job once it expires and the supervisor sees it', async () => {
    const name = queueName('expired');
    const timings = { expireSeconds: 5, superviseSeconds: 1, retryDelaySeconds: 1 };
    const first = await start(timings);
    const id = (await first.send(name, { n: 1 }))!;
    await stop(first);
    await abandon(id);

    const startedAt = Date.now();
    const second = await start(timings);
    const seen: number[] = [];
    await second.work(name, async () => {
      seen.push(Date.now() - startedAt);
    });
    // A live process's job looks the same, so nothing may touch it before it expires.
    await new Promise((r) => setTimeout(r, 3_000));
    expect(await jobState(id)).toBe('active');
    await until('the expired job to complete', async () => (await jobState(id)) === 'completed', 20_000);
    expect(seen).toHaveLength(1);
    expect(seen[0]!).toBeGreaterThanOrEqual(5_000);
  });

  it.runIf(onServer)(
    'two processes starting at once on a new database both start and create their queues (no deadlock in pg-boss schema work)',
    async () => {
      const fresh = await createTestDatabase();
      const instances: Jobs[] = [];
      try {
        const boot = async () => {
          const own = await openDatabase({ databaseUrl: fresh.url!, poolSize: 2 });
          const jobs = await startJobs(own, { pollSeconds });
          instances.push(jobs);
          // Several queues each, in parallel, as start-stride registers its workers.
          await Promise.all(['a', 'b', 'c', 'd'].map((q) => jobs.work(`boot.${q}`, async () => {})));
          return own;
        };
        const opened = await Promise.all([boot(), boot(), boot()]);
        const { rows } = await fresh.execute(`SELECT count(*)::int AS n FROM pgboss.queue WHERE name LIKE 'boot.%'`);
        expect(rows[0]!.n).toBe(4);
        for (const jobs of instances.splice(0)) await jobs.stop();
        for (const own of opened) await own.close();
      } finally {
        for (const jobs of instances) await jobs.stop().catch(() => {});
        await waitForPgBossToLeave(fresh);
        await fresh.drop();
      }
    },
    60_000,
  );
});
