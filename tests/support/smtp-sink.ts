import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

export type ReceivedMail = {
  /** The Message-ID header, angle brackets included, as the outbox stores it. */
  messageId: string;
  envelopeFrom: string;
  envelopeTo: string[];
  subject: string;
  text: string;
  html: string;
  parsed: ParsedMail;
  raw: string;
};

export type RejectedMail = { messageId: string; code: number };

export type SmtpSink = {
  /** For SMTP_URL / startMailDelivery: plain SMTP on loopback, no TLS, no auth. */
  url: string;
  port: number;
  /** Every accepted message, in the order it was received. */
  messages: ReceivedMail[];
  /** Every message answered with an error. */
  rejected: RejectedMail[];
  /** Accepted messages per Message-ID, kept as they arrive: a mailbox's view is its keys, a re-delivery counts twice. */
  received: Map<string, number>;
  /** Messages whose sender went away before the end of DATA (a killed process): never accepted, never recorded. */
  interrupted(): number;
  /** Answers the next `count` messages with 451 (temporary) or 550 (permanent) instead of accepting them. */
  rejectNext(count: number, kind: 'temporary' | 'permanent'): void;
  /** Accepted messages carrying this Message-ID. */
  withId(messageId: string): ReceivedMail[];
  /** Resolves once at least `count` messages were accepted. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
};

/** A real SMTP server on 127.0.0.1 (random port) that records what it receives. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: ReceivedMail[] = [];
  const rejected: RejectedMail[] = [];
  const rejections: number[] = [];
  const received = new Map<string, number>();
  let interrupted = 0;

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    hideSTARTTLS: true,
    logger: false,
    closeTimeout: 1000,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('error', (err) => {
        interrupted++;
        callback(err);
      });
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw)
          .then((parsed) => {
            const messageId = parsed.messageId ?? '';
            const code = rejections.shift();
            if (code !== undefined) {
              rejected.push({ messageId, code });
              const err = Object.assign(new Error(code === 451 ? 'Try again later (test sink)' : 'Mailbox unavailable (test sink)'), { responseCode: code });
              callback(err);
              return;
            }
            // Recorded before the client hears 250, so a row marked 'sent' is always visible here.
            messages.push({
              messageId,
              envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              envelopeTo: session.envelope.rcptTo.map((r) => r.address),
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              parsed,
              raw: raw.toString('utf8'),
            });
            received.set(messageId, (received.get(messageId) ?? 0) + 1);
            callback();
          })
          .catch((err: Error) => callback(err));
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', () => {
    /* a client dropping its connection is not the sink's problem */
  });
  const port = (server.server.address() as AddressInfo).port;

  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    rejected,
    received,
    interrupted: () => interrupted,
    rejectNext(count, kind) {
      for (let i = 0; i < count; i++) rejections.push(kind === 'temporary' ? 451 : 550);
    },
    withId(messageId) {
      return messages.filter((m) => m.messageId === messageId);
    },
    async waitFor(count, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (messages.length < count) {
        if (Date.now() > deadline) throw new Error(`The SMTP sink received ${messages.length} of ${count} messages within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 25));
      }
      return messages;
    },
    close() {
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
