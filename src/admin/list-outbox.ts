import { and, count, desc, eq, ilike, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import { AppError } from '../platform/http/app-error';
import { outbox } from '../platform/mail/schema';

const itemColumns = {
  id: outbox.id,
  to: outbox.toAddress,
  subject: outbox.subject,
  status: outbox.status,
  attempts: outbox.attempts,
  createdAt: outbox.createdAt,
  sentAt: outbox.sentAt,
  lastError: outbox.lastError,
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function listOutbox(db: DbOrTx, input: { status?: 'pending' | 'sending' | 'sent' | 'failed'; q?: string; page: number; pageSize: number }) {
  const like = input.q ? `%${input.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const where = and(input.status ? eq(outbox.status, input.status) : undefined, like ? or(ilike(outbox.toAddress, like), ilike(outbox.subject, like)) : undefined);
  const [rows, [total]] = await Promise.all([
    db.select(itemColumns).from(outbox).where(where).orderBy(desc(outbox.id)).limit(input.pageSize).offset((input.page - 1) * input.pageSize),
    db.select({ n: count() }).from(outbox).where(where),
  ]);
  return {
    items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), sentAt: iso(r.sentAt) })),
    total: total?.n ?? 0,
    page: input.page,
    pageSize: input.pageSize,
  };
}

export async function outboxCounts(db: DbOrTx) {
  const rows = await db.select({ status: outbox.status, n: sql<number>`count(*)::int` }).from(outbox).groupBy(outbox.status);
  const of = (s: string) => Number(rows.find((r) => r.status === s)?.n ?? 0);
  return { pending: of('pending'), sending: of('sending'), sent: of('sent'), failed: of('failed') };
}

export async function getOutboxMessage(db: DbOrTx, id: number) {
  const [row] = await db.select().from(outbox).where(eq(outbox.id, id));
  if (!row) throw AppError.notFound('This message');
  return {
    id: row.id,
    to: row.toAddress,
    subject: row.subject,
    status: row.status,
    attempts: row.attempts,
    createdAt: row.createdAt.toISOString(),
    sentAt: iso(row.sentAt),
    lastError: row.lastError,
    messageId: row.messageId,
    textBody: row.textBody,
    htmlBody: row.htmlBody,
    headers: row.headers,
  };
}
