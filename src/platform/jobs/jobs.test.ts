import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/support/test-database';
import { startJobs, type Jobs } from './jobs';

// pg-boss polls no faster than every 0.5 s.
const pollSeconds = 0.5;

let database: TestDatabase;
const running = new Set<Jobs>();

async function start(): Promise<Jobs> {
  const jobs = await startJobs(database, { pollSeconds });
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
afterAll(async () => {
  if (database.engine === 'postgres') {
    // pg-pool's end() resolves before the server has seen pg-boss's connections go; wait, so
    // dropping the database does not cut them and make pg-boss report an error.
    const deadline = Date.now() + 5_000;
    while (Date.now() < deadline) {
      const { rows } = await database.execute("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'pgboss'");
      if (rows[0]!.n === 0) break;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
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
});
