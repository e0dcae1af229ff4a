import fs from 'node:fs';
import path from 'node:path';
import { spawnNode, strideEnv, type Exit, type SpawnedNode } from './process-spawn';
import type { SmtpSink } from './smtp-sink';
import type { Database, Db } from '../../src/platform/db/database';
import type { Jobs } from '../../src/platform/jobs/jobs';
import { enqueueMail, type OutgoingMail } from '../../src/platform/mail/enqueue-mail';
import { scheduleMail, SEND_MAIL_LATER } from '../../src/platform/mail/schedule-mail';

// Helpers for tests that run the real server (src/app/main.ts) as child processes, kill them
// with SIGKILL at chosen moments and check what the database and an SMTP sink hold after.

/** Polls `probe` until it returns something truthy; fails with `what` (read then) after `timeoutMs`. */
export async function until<T>(what: string | (() => string), probe: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export type StrideProcess = SpawnedNode & { url: string };

export type StrideProcesses = {
  /** Spawns `node src/app/main.ts` and resolves once it serves. */
  start(label: string, vars?: Record<string, string>): Promise<StrideProcess>;
  /** SIGKILL: no handler runs, nothing is flushed or released. */
  kill(child: SpawnedNode): Promise<void>;
  /** SIGTERM and the graceful stop; fails unless the process exits 0. */
  stop(child: SpawnedNode): Promise<void>;
  /** Stops whatever is still running (afterEach). */
  stopAll(): Promise<void>;
  kills: number;
};

export function strideProcesses(base: Record<string, string>): StrideProcesses {
  const running = new Set<SpawnedNode>();
  const result: StrideProcesses = {
    kills: 0,
    async start(label, vars = {}) {
      const child = spawnNode(['src/app/main.ts'], {
        env: strideEnv({ PORT: '0', HOST: '127.0.0.1', STRIDE_DEMO: '0', LOG_LEVEL: 'warn', ...base, ...vars }),
      });
      running.add(child);
      try {
        // Generous: other test files boot processes on the same two cores.
        const [, port] = await child.waitForOutput(/Stride is running at http:\/\/localhost:(\d+)/, 60_000);
        return Object.assign(child, { url: `http://127.0.0.1:${port}` });
      } catch (e) {
        throw new Error(`Stride ${label} did not start: ${(e as Error).message}`);
      }
    },
    async kill(child) {
      child.child.kill('SIGKILL');
      const exit: Exit = await child.exited;
      running.delete(child);
      // A process that had already exited on its own would make the kill prove nothing.
      if (exit.signal !== 'SIGKILL') throw new Error(`the process exited by itself (${JSON.stringify(exit)}):\n${child.output()}`);
      result.kills++;
    },
    async stop(child) {
      const exit = await child.stop(20_000);
      running.delete(child);
      if (exit.code !== 0) throw new Error(`the process did not stop cleanly (${JSON.stringify(exit)}):\n${child.output()}`);
    },
    async stopAll() {
      await Promise.all([...running].map((c) => c.stop(5_000)));
      running.clear();
    },
  };
  return result;
}

/**
 * Resolves true at the first write to an embedded database's WAL after `quietMs` without one,
 * false if none comes within `timeoutMs` (the work is over). On
 * the embedded engine a batch of jobs runs as one unbroken chain of queries in the process's
 * own thread, so nothing the process answers can show a batch half done; from outside, the
 * first write after a quiet spell (the fetch that marks a batch active) can. The delivery pass
 * that sends a batch's messages writes right after the batch, never after a quiet spell.
 */
export function whenWritesResume(dataDir: string, options: { quietMs: number; timeoutMs: number }): Promise<boolean> {
  return new Promise((resolve) => {
    let last = performance.now();
    const watcher = fs.watch(path.join(dataDir, 'pg', 'pg_wal'), () => {
      const now = performance.now();
      if (now - last >= options.quietMs) finish(true);
      last = now;
    });
    const timer = setTimeout(() => finish(false), options.timeoutMs);
    const finish = (resumed: boolean) => {
      clearTimeout(timer);
      watcher.close();
      resolve(resumed);
    };
  });
}

/** What the process log says it recovered at start: messages it found 'sending' and re-queued. */
export function interruptedMessagesReleased(child: SpawnedNode): number {
  let total = 0;
  for (const line of child.stdout().split('\n')) {
    if (!line.includes('retrying messages interrupted')) continue;
    total += Number((JSON.parse(line) as { messages?: number }).messages ?? 0);
  }
  return total;
}

export function bulkMail(n: number, prefix: string): OutgoingMail {
  return {
    to: { email: `learner.${prefix}.${n}@example.org`, name: `Learner ${n}` },
    subject: `${prefix} ${n}`,
    body: `Hello Learner ${n},\n\nThis is message ${n} of the crash test.`,
    idempotencyKey: `crash:${prefix}:${n}`,
  };
}

/** Queues `count` messages through the real enqueueMail, a few large transactions at a time. */
export async function seedOutbox(db: Db, count: number, prefix: string, perTransaction = 500): Promise<void> {
  for (let from = 0; from < count; from += perTransaction) {
    await db.transaction(async (tx) => {
      for (let n = from; n < Math.min(count, from + perTransaction); n++) await enqueueMail(tx, bulkMail(n, prefix));
    });
  }
}

/** Schedules `count` messages with scheduleMail, due at `at`; returns their idempotency keys. */
export async function seedSendLater(jobs: Jobs, count: number, prefix: string, at: Date): Promise<string[]> {
  const keys: string[] = [];
  for (let n = 0; n < count; n++) {
    const mail = bulkMail(n, prefix);
    if ((await scheduleMail(jobs, mail, { at })) === null) throw new Error(`${mail.idempotencyKey} was already scheduled`);
    keys.push(mail.idempotencyKey);
  }
  return keys;
}

export type OutboxRow = { idempotency_key: string; message_id: string; status: string; attempts: number };

export async function readOutbox(database: Database): Promise<OutboxRow[]> {
  const { rows } = await database.execute('SELECT idempotency_key, message_id, status, attempts FROM outbox ORDER BY id', [] as unknown[]);
  return rows.map((r) => ({ ...(r as OutboxRow), attempts: Number(r.attempts) }));
}

/** Send-later jobs by state (completed, active, created, retry, failed). */
export async function sendLaterStates(database: Database): Promise<Record<string, number>> {
  const { rows } = await database.execute('SELECT state::text AS state, count(*)::int AS n FROM pgboss.job WHERE name = $1 GROUP BY 1', [SEND_MAIL_LATER]);
  return Object.fromEntries(rows.map((r) => [String(r.state), Number(r.n)]));
}

export type DeliveryAudit = {
  /** Outbox rows, and how many of them are 'sent'. */
  rows: number;
  sent: number;
  /** Idempotency keys and Message-IDs held by more than one row (must be none). */
  sharedKeys: string[];
  sharedMessageIds: string[];
  /** Outbox Message-IDs the sink never accepted (lost), and ones it accepted that no row has. */
  lost: string[];
  unknown: string[];
  /** SMTP transactions accepted by the sink, and how many repeated a Message-ID already accepted. */
  transactions: number;
  rawDuplicates: number;
  /** Repeated Message-IDs whose row shows a single attempt: a second message, not a retry. */
  duplicatesWithoutRetry: string[];
};

/** Compares the outbox with what the sink accepted. */
export function auditDelivery(rows: OutboxRow[], sink: SmtpSink): DeliveryAudit {
  const count = (values: string[]) => {
    const seen = new Map<string, number>();
    for (const v of values) seen.set(v, (seen.get(v) ?? 0) + 1);
    return [...seen].filter(([, n]) => n > 1).map(([v]) => v);
  };
  const byMessageId = new Map(rows.map((r) => [r.message_id, r]));
  const transactions = [...sink.received.values()].reduce((a, b) => a + b, 0);
  const repeated = [...sink.received].filter(([, n]) => n > 1).map(([id]) => id);
  return {
    rows: rows.length,
    sent: rows.filter((r) => r.status === 'sent').length,
    sharedKeys: count(rows.map((r) => r.idempotency_key)),
    sharedMessageIds: count(rows.map((r) => r.message_id)),
    lost: rows.filter((r) => !sink.received.has(r.message_id)).map((r) => r.message_id),
    unknown: [...sink.received.keys()].filter((id) => !byMessageId.has(id)),
    transactions,
    rawDuplicates: transactions - sink.received.size,
    duplicatesWithoutRetry: repeated.filter((id) => (byMessageId.get(id)?.attempts ?? 0) < 2),
  };
}
