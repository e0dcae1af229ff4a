import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, isApiProblem, post } from '../../app/web/api';
import type { CloseSupportCaseInput, DecideSupportCaseInput, SupportCaseView, SupportQueueQuery, SupportQueueView } from '../support-schemas';

// The support pages (AF-5) read the same schemas the server answers with (support-schemas.ts).
export type SupportCase = SupportCaseView;
export type SupportQueue = SupportQueueView;

export const supportKeys = {
  list: (query: Partial<SupportQueueQuery>) => ['support-cases', 'list', query] as const,
  detail: (id: string) => ['support-cases', 'detail', id] as const,
};

export const isNotFound = (error: unknown) => isApiProblem(error) && (error.status === 404 || error.status === 400);

export function useSupportQueue(query: Partial<SupportQueueQuery>) {
  return useQuery({ queryKey: supportKeys.list(query), queryFn: ({ signal }) => get<SupportQueue>('/support-cases', query, signal) });
}

export function useSupportCase(id: string | undefined) {
  return useQuery({
    queryKey: supportKeys.detail(id ?? ''),
    queryFn: ({ signal }) => get<SupportCase>(`/support-cases/${encodeURIComponent(id ?? '')}`, undefined, signal),
    enabled: !!id,
    retry: (count, error) => !isNotFound(error) && count < 2,
  });
}

/** One hook per write: each answers with the whole case, which replaces the cached one. */
function useCaseWrite<I>(id: string, path: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: I) => post<SupportCase>(`/support-cases/${encodeURIComponent(id)}/${path}`, input),
    onSuccess: (saved) => {
      client.setQueryData(supportKeys.detail(saved.id), saved);
      void client.invalidateQueries({ queryKey: ['support-cases', 'list'] });
    },
  });
}

export const useAssignCase = (id: string) => useCaseWrite<{ ownerId: string }>(id, 'assign');
export const useDecideCase = (id: string) => useCaseWrite<DecideSupportCaseInput>(id, 'decide');
export const useNoteCase = (id: string) => useCaseWrite<{ note: string }>(id, 'notes');
export const useCloseCase = (id: string) => useCaseWrite<CloseSupportCaseInput>(id, 'close');
export const useReopenCase = (id: string) => useCaseWrite<{ reason: string }>(id, 'reopen');
