import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { get, type Page } from '../../app/web/api';
import type { auditEntry, outboxCounts, outboxItem, outboxMessage, outboxStatus } from '../admin-schemas';

export type OutboxStatus = z.infer<typeof outboxStatus>;
export type OutboxItem = z.infer<typeof outboxItem>;
export type OutboxMessage = z.infer<typeof outboxMessage>;
export type OutboxCounts = z.infer<typeof outboxCounts>;
export type AuditEntry = z.infer<typeof auditEntry>;

export type OutboxQuery = { status?: OutboxStatus; q?: string; page?: number; pageSize?: number };
export type AuditQuery = { entity?: string; entityId?: string; page?: number; pageSize?: number };

export const adminKeys = {
  outbox: (query: OutboxQuery) => ['outbox', 'list', query] as const,
  outboxCounts: ['outbox', 'counts'] as const,
  message: (id: string) => ['outbox', 'message', id] as const,
  audit: (query: AuditQuery) => ['audit', query] as const,
};

export function useOutbox(query: OutboxQuery) {
  return useQuery({
    queryKey: adminKeys.outbox(query),
    queryFn: ({ signal }) => get<Page<OutboxItem>>('/outbox', query, signal),
    placeholderData: keepPreviousData,
    refetchInterval: 10_000,
  });
}

export function useOutboxCounts() {
  return useQuery({
    queryKey: adminKeys.outboxCounts,
    queryFn: ({ signal }) => get<OutboxCounts>('/outbox/counts', undefined, signal),
    refetchInterval: 10_000,
  });
}

export function useOutboxMessage(id: string | undefined) {
  return useQuery({
    queryKey: adminKeys.message(id ?? ''),
    queryFn: ({ signal }) => get<OutboxMessage>(`/outbox/${encodeURIComponent(id ?? '')}`, undefined, signal),
    enabled: !!id,
  });
}

export function useAudit(query: AuditQuery) {
  return useQuery({
    queryKey: adminKeys.audit(query),
    queryFn: ({ signal }) => get<Page<AuditEntry>>('/audit', query, signal),
    placeholderData: keepPreviousData,
  });
}
