import nodemailer from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/database';
import { onMailQueued } from './mail-signal';

export type DeliveryOptions = {
  database: Database;
  smtpUrl: string;
  from: string;
  logger: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;
  batchSize?: number;
  pollMs?: number;
  maxAttempts?: number;
  /** How long a claimed message stays reserved for this process before another may retry it. */
  leaseSeconds?: number;
  /**
   * No other process can be delivering from this outbox (the embedded engine's data-dir lock
   * guarantees it): a message found 'sending' at start was interrupted by a process that
   * died, and is retried at once instead of after its lease.
   */
  soleProcess?: boolean;
};

/** Messages claimed, and so in flight, at once: the most a crash can leave sent but not marked sent. */
export const DELIVERY_BATCH_SIZE = 50;

/**
 * SMTP connections kept open to the relay. A claimed batch is sent over all of them at once; the
 * relay's answer time, not our CPU, sets how many are worth having (decision 031).
 */
const SMTP_CONNECTIONS = 10;

export type DeliveryWorker = { stop(): Promise<void>; drain(): Promise<void> };

type Claimed = {
  id: number | string;
  message_id: string;
  to_address: string;
  to_name: string | null;
  subject: string;
  text_body: string;
  html_body: string;
  headers: Record<string, string>;
  attachments: { filename: string; contentType: string; content: string; method?: string; encoding?: 'base64' }[];
  attempts: number;
};

/** Seconds to wait before attempt n+1: 30 s, 1 min, 2 min … capped at an hour. */
export function backoffSeconds(attempts: number): number {
  return Math.min(3600, 30 * 2 ** Math.max(0, attempts - 1));
}

// Claiming marks rows 'sending' with a lease, under SKIP LOCKED, so several
// Stride processes never take the same message; a process that dies mid-send
// leaves a lease that expires and the message is retried with the same
// Message-ID (at-least-once, recognisable as a duplicate by the receiver).
//
// Due messages and expired leases are claimed apart, each through its own index
// (decision 031). One query ordered by id over "pending and due, or sending and
// expired" sorted every pending row on every claim: with many messages deferred
// for later it held delivery under a hundred a second. And every delivered message
// leaves a dead 'sending' version behind until vacuum, so expired leases are looked
// for when nothing is due and every quarter lease, not before every batch.
const claimColumns = 'id, message_id, to_address, to_name, subject, text_body, html_body, headers, attachments, attempts';
const claimDueSql = `
UPDATE outbox SET status = 'sending', attempts = attempts + 1, locked_until = now() + ($2 * interval '1 second')
WHERE id IN (
  SELECT id FROM outbox WHERE status = 'pending' AND next_attempt_at <= now()
  ORDER BY next_attempt_at, id LIMIT $1 FOR UPDATE SKIP LOCKED
)
RETURNING ${claimColumns}`;
const claimExpiredSql = `
UPDATE outbox SET status = 'sending', attempts = attempts + 1, locked_until = now() + ($2 * interval '1 second')
WHERE id IN (
  SELECT id FROM outbox WHERE status = 'sending' AND locked_until < now()
  ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED
)
RETURNING ${claimColumns}`;

/** smtp://user:pass@host:port?ignoreTLS=true → nodemailer options. */
export function smtpOptions(url: string) {
  const u = new URL(url);
  const flag = (name: string) => u.searchParams.get(name) === 'true';
  return {
    host: u.hostname,
    port: u.port ? Number(u.port) : u.protocol === 'smtps:' ? 465 : 587,
    secure: u.protocol === 'smtps:',
    ignoreTLS: flag('ignoreTLS'),
    requireTLS: flag('requireTLS'),
    auth: u.username ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } : undefined,
  };
}

export function startMailDelivery(options: DeliveryOptions): DeliveryWorker {
  const { database, logger } = options;
  const batchSize = options.batchSize ?? DELIVERY_BATCH_SIZE;
  const pollMs = options.pollMs ?? 1000;
  const maxAttempts = options.maxAttempts ?? 8;
  const leaseSeconds = options.leaseSeconds ?? 120;
  const transport = nodemailer.createTransport({ ...smtpOptions(options.smtpUrl), pool: true, maxConnections: SMTP_CONNECTIONS, maxMessages: Infinity });

  let stopped = false;
  let wake: (() => void) | undefined;
  const unsubscribe = onMailQueued(() => wake?.());
  const idleWaiters = new Set<() => void>();

  /** Sends one message; true when the relay took it (250). A failure is recorded here, on its own. */
  async function deliver(row: Claimed): Promise<boolean> {
    try {
      await transport.sendMail({
        from: options.from,
        to: row.to_name ? { name: row.to_name, address: row.to_address } : row.to_address,
        subject: row.subject,
        text: row.text_body,
        html: row.html_body,
        messageId: row.message_id,
        headers: row.headers,
        attachments: row.attachments.filter((a) => !a.method).map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content, ...(a.encoding ? { encoding: a.encoding } : {}) })),
        // An invitation (iMIP, RFC 6047) travels as a text/calendar part with its METHOD, which
        // calendar clients offer to accept, update or remove; nodemailer also attaches it as a file.
        ...invitationOf(row.attachments),
      });
      return true;
    } catch (err) {
      const responseCode = (err as { responseCode?: number }).responseCode;
      const permanent = typeof responseCode === 'number' && responseCode >= 500;
      const giveUp = permanent || row.attempts >= maxAttempts;
      const message = String((err as Error).message ?? err).slice(0, 500);
      logger.warn({ outboxId: row.id, attempts: row.attempts, giveUp }, 'mail delivery failed');
      await database.execute(
        `UPDATE outbox SET status = $2, locked_until = NULL, last_error = $3, next_attempt_at = now() + ($4 * interval '1 second') WHERE id = $1`,
        [row.id, giveUp ? 'failed' : 'pending', message, backoffSeconds(row.attempts)],
      );
      return false;
    }
  }

  /**
   * Sends a claimed batch and marks the accepted ones sent in one UPDATE (decision 031): one
   * round trip per batch instead of one per message. A crash between a relay's 250 and that
   * UPDATE re-sends at most this claimed batch, with the same Message-IDs (decision 003's bound).
   * A failure to record leaves the leases to expire, and the messages are retried then.
   */
  async function deliverBatch(claimed: Claimed[]): Promise<void> {
    const sent: string[] = [];
    await Promise.all(
      claimed.map((row) =>
        deliver(row).then(
          (accepted) => {
            if (accepted) sent.push(String(row.id));
          },
          (err: unknown) => logger.error({ outboxId: row.id, err: (err as Error).message }, 'mail delivery: cannot record the outcome'),
        ),
      ),
    );
    if (sent.length === 0) return;
    try {
      await database.execute(`UPDATE outbox SET status = 'sent', sent_at = now(), locked_until = NULL, last_error = NULL WHERE id = ANY($1::bigint[])`, [sent]);
    } catch (err) {
      logger.error({ outboxIds: sent.length, err: (err as Error).message }, 'mail delivery: cannot record the outcome');
    }
  }

  async function retryInterrupted(): Promise<void> {
    try {
      // The attempt that was cut short stays counted, so a message that crashes the process every time still runs out of attempts.
      const { rowCount } = await database.execute(
        `UPDATE outbox SET status = 'pending', locked_until = NULL, next_attempt_at = now() WHERE status = 'sending'`,
        [] as unknown[],
      );
      if (rowCount > 0) logger.warn({ messages: rowCount }, 'mail delivery: retrying messages interrupted by a stopped process');
    } catch (err) {
      // Not fatal: their leases expire and they are retried then.
      logger.error({ err: (err as Error).message }, 'mail delivery: cannot release interrupted messages');
    }
  }

  async function loop(): Promise<void> {
    if (options.soleProcess) await retryInterrupted();
    let expiredLookedAt = 0;
    const claim = async (sql: string) => (await database.execute(sql, [batchSize, leaseSeconds])).rows as Claimed[];
    while (!stopped) {
      let claimed: Claimed[] = [];
      try {
        const lookForExpired = Date.now() - expiredLookedAt >= leaseSeconds * 250;
        if (lookForExpired) claimed = await claim(claimExpiredSql);
        if (claimed.length === 0) claimed = await claim(claimDueSql);
        if (lookForExpired || claimed.length === 0) expiredLookedAt = Date.now();
        if (claimed.length === 0 && !lookForExpired) claimed = await claim(claimExpiredSql);
      } catch (err) {
        if (stopped) break;
        logger.error({ err: (err as Error).message }, 'mail delivery: cannot read the outbox');
      }
      if (claimed.length > 0) {
        await deliverBatch(claimed);
        continue;
      }
      for (const w of idleWaiters) w();
      idleWaiters.clear();
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        wake = () => {
          clearTimeout(timer);
          // A queued message commits with its transaction, a moment after the signal.
          setTimeout(resolve, 50);
        };
      });
      wake = undefined;
    }
  }

  const running = loop();
  logger.info('mail delivery started');

  return {
    async stop() {
      stopped = true;
      wake?.();
      unsubscribe();
      await running;
      transport.close();
    },
    /** Resolves when the worker next finds nothing due (tests). */
    drain() {
      return new Promise<void>((resolve) => {
        idleWaiters.add(resolve);
        wake?.();
      });
    },
  };
}

function invitationOf(attachments: Claimed['attachments']): { icalEvent?: { method: string; filename: string; content: string } } {
  const calendar = attachments.find((a) => a.method);
  return calendar ? { icalEvent: { method: calendar.method!, filename: calendar.filename, content: calendar.content } } : {};
}
