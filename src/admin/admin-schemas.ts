import { z } from 'zod';

export const outboxStatus = z.enum(['pending', 'sending', 'sent', 'failed']);

export const outboxItem = z
  .object({
    id: z.number().int(),
    to: z.string(),
    subject: z.string(),
    status: outboxStatus,
    attempts: z.number().int(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
    lastError: z.string().nullable(),
  })
  .meta({ id: 'OutboxItem' });

export const outboxMessage = outboxItem
  .extend({ messageId: z.string(), textBody: z.string(), htmlBody: z.string(), headers: z.record(z.string(), z.string()) })
  .meta({ id: 'OutboxMessage' });

export const outboxQuery = z.object({
  status: outboxStatus.optional(),
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const outboxCounts = z.object({ pending: z.number().int(), sending: z.number().int(), sent: z.number().int(), failed: z.number().int(), deliveryConfigured: z.boolean() });

export const auditEntry = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actor: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    action: z.string(),
    entity: z.string(),
    entityId: z.string(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .meta({ id: 'AuditEntry' });

export const auditQuery = z.object({
  entity: z.string().trim().max(100).optional(),
  entityId: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
