import { sql } from 'drizzle-orm';
import { pgTable, bigserial, text, timestamp, integer, jsonb, index, uniqueIndex } from 'drizzle-orm/pg-core';

// The transactional outbox: a message is a row written with the change that
// causes it, then delivered by a worker. `idempotency_key` keeps a message
// from being queued twice; `message_id` stays the same across retries so a
// receiver can recognise a re-delivery after a crash.
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    idempotencyKey: text('idempotency_key').notNull(),
    messageId: text('message_id').notNull(),
    toAddress: text('to_address').notNull(),
    toName: text('to_name'),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body').notNull(),
    headers: jsonb('headers').$type<Record<string, string>>().notNull().default({}),
    attachments: jsonb('attachments')
      .$type<{ filename: string; contentType: string; content: string; method?: string }[]>()
      .notNull()
      .default([]),
    status: text('status', { enum: ['pending', 'sending', 'sent', 'failed'] }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('outbox_idempotency_key_idx').on(t.idempotencyKey),
    index('outbox_due_idx').on(t.status, t.nextAttemptAt),
    // The delivery worker's claim reads the next due messages in this order: with many messages
    // waiting for later (retries, deferred ones), it stops after the batch instead of sorting
    // every pending row (decision 031).
    index('outbox_pending_due_idx').on(t.nextAttemptAt, t.id).where(sql`${t.status} = 'pending'`),
  ],
);
