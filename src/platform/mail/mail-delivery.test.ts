import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray, sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../../tests/support/test-database';
import { createPerson, setUnitContact } from '../../../tests/support/factories';
import { TestClient } from '../../../tests/support/test-client';
import { startSmtpSink, type SmtpSink } from '../../../tests/support/smtp-sink';
import ICAL from 'ical.js';
import { invitationAttachment } from '../calendar/invitation';
import { freePort } from '../../../tests/support/process-spawn';
import { openDatabase, type Database } from '../db/database';
import { loadConfig } from '../config';
import { startStride } from '../../app/start-stride';
import { enqueueMail, type OutgoingMail } from './enqueue-mail';
import { startMailDelivery, type DeliveryOptions, type DeliveryWorker } from './delivery-worker';
import { outbox } from './schema';
import { registerMailJobs, scheduleMail, SEND_MAIL_LATER } from './schedule-mail';
import { startJobs, type Jobs } from '../jobs/jobs';

const onPostgres = !!process.env.TEST_DATABASE_URL;
const FROM = '"Test Learning Unit" <learning@test.example>';
// The unit contact details setUnitContact writes; every message must carry them (CA-7).
const CONTACT = ['Test Org', 'Test Learning Unit', 'learning@test.example', '+1 555 0100', 'Room 101', 'Mon–Fri 9–5'];

let database: TestDatabase;
let sink: SmtpSink;
const workers = new Set<DeliveryWorker>();
const warnings: unknown[] = [];
const logger: DeliveryOptions['logger'] = {
  info: () => {},
  warn: (obj: unknown) => {
    warnings.push(obj);
  },
  error: () => {},
};

function startWorker(options: Partial<DeliveryOptions> = {}): DeliveryWorker {
  // A long poll: in these tests the worker moves only when a message is queued or drain() wakes it.
  const worker = startMailDelivery({ database, smtpUrl: sink.url, from: FROM, logger, pollMs: 60_000, ...options });
  workers.add(worker);
  return worker;
}

async function drain(worker: DeliveryWorker, timeoutMs = 15_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    worker.drain(),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the delivery worker did not become idle within ${timeoutMs} ms`)), timeoutMs);
    }),
  ]).finally(() => clearTimeout(timer));
}

let seq = 0;
function mail(overrides: Partial<OutgoingMail> = {}): OutgoingMail {
  const n = `${process.pid}-${Date.now()}-${++seq}`;
  return {
    to: { email: `learner.${n}@example.org`, name: 'Zoë Learner' },
    subject: `Your place on Negotiation Basics (${n})`,
    body: 'Hello Zoë,\n\nYour place is confirmed.',
    idempotencyKey: `test:${n}`,
    ...overrides,
  };
}

async function row(idempotencyKey: string) {
  const [r] = await database.db.select().from(outbox).where(eq(outbox.idempotencyKey, idempotencyKey));
  if (!r) throw new Error(`no outbox row for ${idempotencyKey}`);
  return r;
}

/** Compares in the database's own clock, so a skew between Node and the server cannot matter. */
async function secondsUntilNextAttempt(id: number): Promise<number> {
  const [r] = await database.db
    .select({ s: sql<number>`extract(epoch from (${outbox.nextAttemptAt} - now()))::float8` })
    .from(outbox)
    .where(eq(outbox.id, id));
  return Number(r!.s);
}

beforeAll(async () => {
  [database, sink] = await Promise.all([createTestDatabase(), startSmtpSink()]);
  await setUnitContact(database.db);
});
afterEach(async () => {
  for (const w of [...workers]) {
    workers.delete(w);
    await w.stop();
  }
});
afterAll(async () => {
  await sink?.close();
  await database?.drop();
});

describe('queuing mail', () => {
  it('queues nothing when the transaction that queued the message rolls back', async () => {
    const m = mail();
    await expect(
      database.db.transaction(async (tx) => {
        await enqueueMail(tx, m);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await database.db.select().from(outbox).where(eq(outbox.idempotencyKey, m.idempotencyKey))).toHaveLength(0);
  });

  it('queues one message when the same idempotency key is queued twice', async () => {
    const m = mail();
    await enqueueMail(database.db, m);
    await enqueueMail(database.db, { ...m, subject: 'A second attempt' });
    const rows = await database.db.select().from(outbox).where(eq(outbox.idempotencyKey, m.idempotencyKey));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.subject).toBe(m.subject);
    expect(rows[0]!.status).toBe('pending');
  });
});

describe('delivering mail over SMTP', () => {
  it('CA-7 delivers pending messages with their Message-ID, subject, text and HTML parts carrying the unit contact details', async () => {
    const a = mail({ links: [{ label: 'See your booking', url: 'http://stride.test/bookings/1' }] });
    const b = mail();
    await enqueueMail(database.db, a);
    await enqueueMail(database.db, b);
    const worker = startWorker();
    await drain(worker);

    for (const m of [a, b]) {
      const r = await row(m.idempotencyKey);
      expect(r.status).toBe('sent');
      expect(r.sentAt).toBeInstanceOf(Date);
      expect(r.attempts).toBe(1);
      expect(r.lockedUntil).toBeNull();
      expect(r.messageId).toMatch(/^<[0-9a-f]{32}@test\.example>$/);

      const received = sink.withId(r.messageId);
      expect(received).toHaveLength(1);
      const got = received[0]!;
      expect(got.subject).toBe(m.subject);
      expect(got.envelopeTo).toEqual([m.to.email]);
      expect(got.parsed.to && !Array.isArray(got.parsed.to) ? got.parsed.to.value[0] : undefined).toMatchObject({ address: m.to.email, name: 'Zoë Learner' });
      expect(got.parsed.from?.value[0]).toMatchObject({ address: 'learning@test.example', name: 'Test Learning Unit' });
      expect(got.text).toContain('Your place is confirmed.');
      expect(got.html).toContain('Your place is confirmed.');
      for (const detail of CONTACT) {
        expect(got.text, `text part carries "${detail}"`).toContain(detail);
        expect(got.html, `HTML part carries "${detail}"`).toContain(detail);
      }
    }
    const withLink = sink.withId((await row(a.idempotencyKey)).messageId)[0]!;
    expect(withLink.text).toContain('See your booking: http://stride.test/bookings/1');
    expect(withLink.html).toContain('href="http://stride.test/bookings/1"');
  });

  it('CA-5 delivers a calendar invitation as a text/calendar part with its METHOD (iMIP), which parses back to the same event', async () => {
    const invitation = invitationAttachment({
      uid: `enrolment-${++seq}@test.example`,
      sequence: 1,
      method: 'REQUEST',
      start: new Date('2027-01-12T09:00:00Z'),
      end: new Date('2027-01-12T12:00:00Z'),
      stamp: new Date('2026-11-25T10:00:00Z'),
      summary: 'Negotiation Basics',
      description: 'Your place is confirmed.',
      organizer: { name: 'Test Learning Unit', email: 'learning@test.example' },
      attendee: { name: 'Zoë Learner', email: 'zoe@example.org' },
    });
    const m = mail({ attachments: [invitation] });
    await enqueueMail(database.db, m);
    await drain(startWorker());
    const got = sink.withId((await row(m.idempotencyKey)).messageId)[0]!;
    expect(got.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
    const part = got.parsed.attachments.find((a) => a.contentType === 'text/calendar');
    expect(part, 'the calendar part').toBeDefined();
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(part!.content.toString('utf8'))).getFirstSubcomponent('vevent')!);
    expect({ uid: event.uid, sequence: event.sequence, start: event.startDate.toJSDate().toISOString() }).toEqual({ uid: invitation.content.match(/UID:(.*)/)![1]!.trim(), sequence: 1, start: '2027-01-12T09:00:00.000Z' });
  });

  it('escapes a <script> a person typed into the body in the HTML part', async () => {
    const m = mail({ body: 'Note from the trainer: <script>alert("owned")</script> & <b>bold</b>' });
    await enqueueMail(database.db, m);
    const worker = startWorker();
    await drain(worker);
    const got = sink.withId((await row(m.idempotencyKey)).messageId)[0];
    expect(got).toBeDefined();
    expect(got!.html).not.toMatch(/<script/i);
    expect(got!.html).not.toContain('<b>bold</b>');
    expect(got!.html).toContain('&lt;script&gt;alert(&quot;owned&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;');
    // The text part is text: shown as typed.
    expect(got!.text).toContain('<script>alert("owned")</script>');
  });

  it('retries after a temporary 451 with back-off, then delivers once the retry is due', async () => {
    const m = mail();
    await enqueueMail(database.db, m);
    const { messageId, id } = await row(m.idempotencyKey);
    sink.rejectNext(1, 'temporary');
    const worker = startWorker();
    await drain(worker);

    const retried = await row(m.idempotencyKey);
    expect(sink.rejected.filter((r) => r.messageId === messageId).map((r) => r.code)).toEqual([451]);
    expect(retried.status).toBe('pending');
    expect(retried.attempts).toBe(1);
    expect(retried.sentAt).toBeNull();
    expect(retried.lockedUntil).toBeNull();
    expect(retried.lastError).toMatch(/451/);
    // backoffSeconds(1) = 30 s
    const wait = await secondsUntilNextAttempt(id);
    expect(wait).toBeGreaterThan(20);
    expect(wait).toBeLessThanOrEqual(31);

    // Not due yet: another pass leaves it alone.
    await drain(worker);
    expect((await row(m.idempotencyKey)).attempts).toBe(1);
    expect(sink.withId(messageId)).toHaveLength(0);

    await database.db.update(outbox).set({ nextAttemptAt: sql`now() - interval '1 second'` }).where(eq(outbox.id, id));
    await drain(worker);
    const sent = await row(m.idempotencyKey);
    expect(sent.status).toBe('sent');
    expect(sent.attempts).toBe(2);
    expect(sent.lastError).toBeNull();
    expect(sink.withId(messageId)).toHaveLength(1);
  });

  it('marks a message failed at once on a permanent 550', async () => {
    const m = mail();
    await enqueueMail(database.db, m);
    const { messageId, id } = await row(m.idempotencyKey);
    sink.rejectNext(1, 'permanent');
    const worker = startWorker();
    await drain(worker);

    const failed = await row(m.idempotencyKey);
    expect(failed.status).toBe('failed');
    expect(failed.attempts).toBe(1);
    expect(failed.sentAt).toBeNull();
    expect(failed.lastError).toMatch(/550/);
    expect(sink.rejected.filter((r) => r.messageId === messageId).map((r) => r.code)).toEqual([550]);

    // Even when due, a failed message is never picked up again.
    await database.db.update(outbox).set({ nextAttemptAt: sql`now() - interval '1 second'` }).where(eq(outbox.id, id));
    await drain(worker);
    expect((await row(m.idempotencyKey)).status).toBe('failed');
    expect(sink.rejected.filter((r) => r.messageId === messageId)).toHaveLength(1);
    expect(sink.withId(messageId)).toHaveLength(0);
  });

  it('marks a claimed batch sent in one statement, while a message the relay refused in it is recorded on its own', async () => {
    const batch = Array.from({ length: 12 }, () => mail());
    for (const m of batch) await enqueueMail(database.db, m);
    sink.rejectNext(1, 'permanent');
    const statements: string[] = [];
    const counting: Database = {
      ...database,
      async execute(text, params) {
        if (/^\s*UPDATE outbox SET status = (?!'sending')/.test(text)) statements.push(text);
        return database.execute(text, params);
      },
    };
    const worker = startWorker({ database: counting, batchSize: 50 });
    await drain(worker);

    const rows = await Promise.all(batch.map((m) => row(m.idempotencyKey)));
    const failed = rows.filter((r) => r.status === 'failed');
    const sent = rows.filter((r) => r.status === 'sent');
    expect(failed).toHaveLength(1);
    expect(sent).toHaveLength(11);
    expect(sent.every((r) => r.sentAt instanceof Date && r.lockedUntil === null && r.attempts === 1)).toBe(true);
    for (const r of sent) expect(sink.withId(r.messageId)).toHaveLength(1);
    expect(sink.withId(failed[0]!.messageId)).toHaveLength(0);
    // One for the refusal, one for the eleven the relay took.
    expect(statements).toHaveLength(2);
    expect(statements.filter((t) => t.includes("'sent'"))).toHaveLength(1);
  });

  it('re-delivers a message left "sending" by a crashed process once its lease expires, with the same Message-ID', async () => {
    const m = mail();
    await enqueueMail(database.db, m);
    const { messageId, id } = await row(m.idempotencyKey);
    const worker = startWorker();
    await drain(worker);
    expect(sink.withId(messageId)).toHaveLength(1);

    // A process that sent the message but died before recording it leaves the row claimed.
    await database.db
      .update(outbox)
      .set({ status: 'sending', sentAt: null, lockedUntil: sql`now() + interval '5 minutes'` })
      .where(eq(outbox.id, id));
    await drain(worker);
    expect((await row(m.idempotencyKey)).status).toBe('sending'); // the lease still holds
    expect(sink.withId(messageId)).toHaveLength(1);

    await database.db.update(outbox).set({ lockedUntil: sql`now() - interval '1 second'` }).where(eq(outbox.id, id));
    await drain(worker);
    const redelivered = await row(m.idempotencyKey);
    expect(redelivered.status).toBe('sent');
    expect(redelivered.attempts).toBe(2);
    expect(redelivered.sentAt).toBeInstanceOf(Date);
    const received = sink.withId(messageId);
    expect(received).toHaveLength(2);
    expect(received.map((r) => r.messageId)).toEqual([messageId, messageId]);
  });

  it('on the embedded engine (sole process) re-delivers at start, without waiting for the lease, a message a dead process left "sending"', async () => {
    const m = mail();
    await enqueueMail(database.db, m);
    const { messageId, id } = await row(m.idempotencyKey);
    // Claimed by a process that then died: attempt 1 under a lease that would hold for minutes.
    await database.db
      .update(outbox)
      .set({ status: 'sending', attempts: 1, lockedUntil: sql`now() + interval '5 minutes'` })
      .where(eq(outbox.id, id));
    const worker = startWorker({ soleProcess: true });
    await drain(worker);
    const sent = await row(m.idempotencyKey);
    expect(sent).toMatchObject({ status: 'sent', attempts: 2, lockedUntil: null });
    expect(sink.withId(messageId)).toHaveLength(1);
    expect(warnings).toContainEqual({ messages: 1 });
  });

  it('keeps a message pending for a retry when the SMTP server cannot be reached', async () => {
    const m = mail();
    await enqueueMail(database.db, m);
    const worker = startWorker({ smtpUrl: `smtp://127.0.0.1:${await freePort()}` });
    await drain(worker);
    const r = await row(m.idempotencyKey);
    expect(r).toMatchObject({ status: 'pending', attempts: 1, sentAt: null, lockedUntil: null });
    expect(r.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(await secondsUntilNextAttempt(r.id)).toBeGreaterThan(20);
  });

  it('survives the database failing right after a send, and re-delivers once the lease expires', async () => {
    const m = mail();
    await enqueueMail(database.db, m);
    const { messageId, id } = await row(m.idempotencyKey);
    let broken = true;
    const errors: unknown[] = [];
    // The database goes away between the SMTP answer and the bookkeeping that follows it.
    const flaky: Database = {
      ...database,
      async execute(text, params) {
        if (broken && /^\s*UPDATE outbox SET status = (?!'sending')/.test(text)) throw Object.assign(new Error('Connection terminated unexpectedly'), { code: '57P01' });
        return database.execute(text, params);
      },
    };
    const worker = startWorker({ database: flaky, logger: { ...logger, error: (obj: unknown) => void errors.push(obj) } });
    await drain(worker);
    expect(sink.withId(messageId)).toHaveLength(1);
    const stuck = await row(m.idempotencyKey);
    expect(stuck.status).toBe('sending');
    expect(stuck.attempts).toBe(1);
    expect(errors.length).toBeGreaterThan(0);

    broken = false;
    await database.db.update(outbox).set({ lockedUntil: sql`now() - interval '1 second'` }).where(eq(outbox.id, id));
    await drain(worker);
    const sent = await row(m.idempotencyKey);
    expect(sent.status).toBe('sent');
    expect(sent.attempts).toBe(2);
    expect(sink.withId(messageId).map((r) => r.messageId)).toEqual([messageId, messageId]);
  });

  it.runIf(onPostgres)(
    'two delivery workers on one PostgreSQL database deliver 300 messages with no duplicate and none lost',
    async () => {
      const shared = await createTestDatabase();
      const second = await openDatabase({ databaseUrl: shared.url! });
      try {
        await setUnitContact(shared.db);
        const keys: string[] = [];
        await shared.db.transaction(async (tx) => {
          for (let i = 0; i < 300; i++) {
            const m = mail({ subject: `Bulk ${i}` });
            keys.push(m.idempotencyKey);
            await enqueueMail(tx, m);
          }
        });
        const rows = await shared.db.select({ messageId: outbox.messageId }).from(outbox).where(inArray(outbox.idempotencyKey, keys));
        const ids = new Set(rows.map((r) => r.messageId));
        expect(ids.size).toBe(300);

        // Count what each worker claims: both must take part for the test to mean anything.
        const claimedBy = [0, 0];
        const counting = (db: Database, index: number): Database => ({
          ...db,
          async execute(text, params) {
            const result = await db.execute(text, params);
            if (text.includes("SET status = 'sending'")) claimedBy[index]! += result.rows.length;
            return result;
          },
        });
        const options = { smtpUrl: sink.url, from: FROM, logger, pollMs: 100, batchSize: 7 };
        const a = startMailDelivery({ ...options, database: counting(shared, 0) });
        const b = startMailDelivery({ ...options, database: counting(second, 1) });
        workers.add(a).add(b);

        const deadline = Date.now() + 60_000;
        for (;;) {
          const [c] = await shared.db
            .select({ n: sql<number>`count(*)::int` })
            .from(outbox)
            .where(sql`${outbox.status} = 'sent'`);
          if (c!.n === 300) break;
          if (Date.now() > deadline) throw new Error(`only ${c!.n} of 300 messages were sent within 60 s`);
          await new Promise((r) => setTimeout(r, 100));
        }
        workers.delete(a);
        workers.delete(b);
        await Promise.all([a.stop(), b.stop()]);

        const received = sink.messages.filter((m) => ids.has(m.messageId));
        expect(received).toHaveLength(300);
        expect(new Set(received.map((m) => m.messageId)).size).toBe(300);
        const after = await shared.db.select().from(outbox).where(inArray(outbox.idempotencyKey, keys));
        expect(after.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
        expect(claimedBy[0]! + claimedBy[1]!).toBe(300);
        expect(claimedBy[0]).toBeGreaterThan(0);
        expect(claimedBy[1]).toBeGreaterThan(0);
      } finally {
        await second.close();
        await shared.drop();
      }
    },
    90_000,
  );
});

describe('sending mail later (a durable job)', () => {
  let jobs: Jobs | undefined;
  afterEach(async () => {
    await jobs?.stop();
    jobs = undefined;
  });

  async function outboxRows(idempotencyKey: string) {
    return database.db.select().from(outbox).where(eq(outbox.idempotencyKey, idempotencyKey));
  }

  it('queues the message in the outbox at its time, and delivers it like any other', async () => {
    jobs = await startJobs(database, { pollSeconds: 0.5 });
    await registerMailJobs(jobs, database.db);
    const worker = startWorker({ pollMs: 200 });
    const m = mail({ subject: 'Your course starts tomorrow' });
    const at = new Date(Date.now() + 1_500);
    expect(await scheduleMail(jobs, m, { at })).toEqual(expect.any(String));
    // The same message scheduled again while it waits is not queued twice.
    expect(await scheduleMail(jobs, { ...m, subject: 'again' }, { at })).toBeNull();
    expect(await outboxRows(m.idempotencyKey)).toHaveLength(0);

    const deadline = Date.now() + 15_000;
    while ((await outboxRows(m.idempotencyKey))[0]?.status !== 'sent') {
      if (Date.now() > deadline) throw new Error('the scheduled message was not sent within 15 s');
      await new Promise((r) => setTimeout(r, 50));
    }
    const [queued] = await outboxRows(m.idempotencyKey);
    expect(queued!.createdAt.getTime()).toBeGreaterThanOrEqual(at.getTime() - 50);
    expect(sink.withId(queued!.messageId).map((r) => r.subject)).toEqual(['Your course starts tomorrow']);
    await worker.stop();
    workers.delete(worker);
  });

  it('queues one message when its job runs again after a crash that followed the insert', async () => {
    jobs = await startJobs(database, { pollSeconds: 0.5, soleProcess: true });
    const m = mail();
    const id = (await scheduleMail(jobs, m, { at: new Date() }))!;
    await jobs.stop();
    // The run that inserted the message died before pg-boss recorded the job done.
    await enqueueMail(database.db, m);
    await database.execute(`UPDATE pgboss.job SET state = 'active', started_on = now() WHERE id = $1`, [id]);

    jobs = await startJobs(database, { pollSeconds: 0.5, soleProcess: true });
    await registerMailJobs(jobs, database.db);
    const deadline = Date.now() + 15_000;
    for (;;) {
      const { rows } = await database.execute('SELECT state, retry_count FROM pgboss.job WHERE name = $1 AND id = $2', [SEND_MAIL_LATER, id]);
      if (rows[0]?.state === 'completed') {
        expect(rows[0].retry_count).toBe(1);
        break;
      }
      if (Date.now() > deadline) throw new Error(`the re-run job did not complete within 15 s (${String(rows[0]?.state)})`);
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(await outboxRows(m.idempotencyKey)).toHaveLength(1);
  });
});

describe('without SMTP_URL', () => {
  it('starts no delivery: a queued message stays pending in the outbox', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stride-nosmtp-'));
    const own = onPostgres ? await createTestDatabase() : undefined;
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      STRIDE_DEMO: '0',
      LOG_LEVEL: 'silent',
      STRIDE_DATA_DIR: dataDir,
      ...(own ? { DATABASE_URL: own.url } : {}),
    });
    expect(config.smtpUrl).toBeUndefined();
    const stride = await startStride(config);
    try {
      await setUnitContact(stride.database.db);
      const person = await createPerson(stride.database.db);
      const res = await new TestClient(stride.app).post('/api/v1/password-resets', { email: person.email });
      expect(res.status).toBe(202);
      const [queued] = await stride.database.db.select().from(outbox).where(eq(outbox.toAddress, person.email));
      expect(queued).toBeDefined();
      // A running worker would be woken by the queue signal within 50 ms and poll every second.
      await new Promise((r) => setTimeout(r, 1_500));
      const [after] = await stride.database.db.select().from(outbox).where(eq(outbox.id, queued!.id));
      expect(after).toMatchObject({ status: 'pending', attempts: 0, sentAt: null, lastError: null });
      expect(sink.withId(queued!.messageId)).toHaveLength(0);
    } finally {
      await stride.stop();
      if (own) {
        // pg-pool's end() resolves before the server has seen every connection go; dropping
        // the database then would cut pg-boss's last ones and make it report an error.
        const deadline = Date.now() + 5_000;
        while (Date.now() < deadline) {
          const { rows } = await own.execute("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'pgboss'");
          if (rows[0]!.n === 0) break;
          await new Promise((r) => setTimeout(r, 20));
        }
        await own.drop();
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
    // A whole Stride on a new data directory: every migration, then the job queue's own schema.
  }, 120_000);
});
