import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

// The local SMTP sink of the mail scenario: accepts everything and counts deliveries per
// Message-ID (read from the header, no MIME parsing: at 500+ messages a second the sink must not
// be what limits). A Message-ID seen twice is a doubled delivery.

export type SmtpCounter = { url: string; received: Map<string, number>; distinct(prefix: string): number; doubled(prefix: string): number; close(): Promise<void> };

export async function startSmtpCounter(): Promise<SmtpCounter> {
  const received = new Map<string, number>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    hideSTARTTLS: true,
    logger: false,
    closeTimeout: 1000,
    onData(stream, _session, callback) {
      let head = '';
      stream.on('data', (chunk: Buffer) => {
        if (head.length < 8192) head += chunk.toString('latin1');
      });
      stream.on('error', (err) => callback(err));
      stream.on('end', () => {
        const id = /^Message-ID:\s*(<[^>\r\n]+>)/im.exec(head)?.[1] ?? '';
        received.set(id, (received.get(id) ?? 0) + 1);
        callback();
      });
    },
  });
  server.on('error', () => {
    /* a killed client drops its connection mid-message: not the sink's problem */
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  const select = (prefix: string) => [...received].filter(([id]) => id.startsWith(`<${prefix}`));
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    distinct: (prefix) => select(prefix).length,
    doubled: (prefix) => select(prefix).filter(([, n]) => n > 1).length,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
