import type { Database } from '../../src/platform/db/database';
import { DELIVERY_BATCH_SIZE } from '../../src/platform/mail/delivery-worker';
import { startSmtpCounter } from '../lib/smtp-counter';
import { startStrideServer } from '../lib/stride-process';

// Mail dispatch (decision 003): `count` queued messages delivered by Stride's own worker to a
// local SMTP sink; at `killAt` of them delivered, Stride is killed with SIGKILL and started again
// on the same data. Counted at the sink by Message-ID: none lost (every one arrived) and none
// doubled — each queued once, and the only repeat decision 003 allows is a message whose 250 came
// between the kill and its 'sent' update: at most one claimed batch, re-sent with the same
// Message-ID so the receiver collapses it. Such repeats are counted and reported, not hidden.

export type MailResult = {
  count: number;
  delivered: number;
  doubled: number;
  beforeKill: { delivered: number; seconds: number; perSecond: number };
  afterRestart: { delivered: number; seconds: number; perSecond: number; restartMs: number };
  outboxSent: number;
  ok: boolean;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function mailDispatch(env: Record<string, string>, prefix: string, count: number, killAt: number, verify: () => Promise<number>, timeoutMs = 1_800_000): Promise<MailResult> {
  const sink = await startSmtpCounter();
  // A short lease: on a server, messages a killed process had claimed wait for it to expire.
  const mailEnv = { ...env, SMTP_URL: sink.url, MAIL_FROM: 'Training unit <training@bench.example>', STRIDE_MAIL_LEASE_SECONDS: '5' };
  try {
    const deadline = Date.now() + timeoutMs;
    let server = await startStrideServer(mailEnv);
    // The clock starts when Stride serves (its worker starts with it), not while it boots.
    const t0 = performance.now();
    while (sink.distinct(prefix) < killAt) {
      if (Date.now() > deadline) throw new Error(`mail: only ${sink.distinct(prefix)} of ${count} delivered before the kill`);
      await sleep(20);
    }
    server.child.child.kill('SIGKILL');
    await server.child.exited;
    const killedAt = performance.now();
    const atKill = sink.distinct(prefix);
    const restartAt = performance.now();
    server = await startStrideServer(mailEnv);
    const restartMs = performance.now() - restartAt;
    while (sink.distinct(prefix) < count) {
      if (Date.now() > deadline) throw new Error(`mail: ${sink.distinct(prefix)} of ${count} delivered after the restart`);
      await sleep(50);
    }
    const done = performance.now();
    // Let the last 'sent' updates commit, then stop cleanly so the outbox can be read (PGlite).
    await sleep(1500);
    await server.child.stop(20_000);
    const outboxSent = await verify();
    const delivered = sink.distinct(prefix);
    const doubled = sink.doubled(prefix);
    return {
      count,
      delivered,
      doubled,
      beforeKill: { delivered: atKill, seconds: (killedAt - t0) / 1000, perSecond: atKill / ((killedAt - t0) / 1000) },
      afterRestart: { delivered: delivered - atKill, seconds: (done - restartAt) / 1000, perSecond: (delivered - atKill) / ((done - restartAt) / 1000), restartMs },
      outboxSent,
      ok: delivered === count && doubled <= DELIVERY_BATCH_SIZE && outboxSent === count,
    };
  } finally {
    await sink.close();
  }
}

/** Defers mail queued before the scenario (the race's confirmations) by a day, so the scenario times its own messages; returns how many. */
export async function deferOtherMail(database: Database): Promise<number> {
  const { rowCount } = await database.execute(`UPDATE outbox SET next_attempt_at = now() + interval '1 day' WHERE status = 'pending'`, []);
  return rowCount;
}

export async function sentWithPrefix(database: Database, prefix: string): Promise<number> {
  const { rows } = await database.execute(`SELECT count(*)::int AS n FROM outbox WHERE idempotency_key LIKE $1 AND status = 'sent'`, [`${prefix}%`]);
  return Number(rows[0]?.n ?? 0);
}
