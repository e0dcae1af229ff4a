import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, isApiProblem, post, put } from '../../app/web/api';
import type { EffortInput } from '../portfolio-schemas';
import type { ReconciliationInput, SurveyInput } from '../survey-schemas';
import type { ActionEnrolInput, CloseActionInput, DiagnosisInput, RecommendationInput, RequestDraftInput, RequestListQuery, RequestListView, RequestView, RespondInput } from '../request-schemas';

// The request pages (RQ-1..RQ-6) read the same schemas the server answers with (request-schemas.ts).
export type Request = RequestView;

export const requestKeys = {
  list: (scope: 'mine' | 'queue', query: Partial<RequestListQuery>) => ['requests', 'list', scope, query] as const,
  detail: (id: string) => ['requests', 'detail', id] as const,
};

export const isNotFound = (error: unknown) => isApiProblem(error) && (error.status === 404 || error.status === 400);

export function useRequestList(scope: 'mine' | 'queue', query: Partial<RequestListQuery>) {
  return useQuery({ queryKey: requestKeys.list(scope, query), queryFn: ({ signal }) => get<RequestListView>(scope === 'mine' ? '/requests/mine' : '/requests', query, signal) });
}

export function useRequest(id: string | undefined) {
  return useQuery({
    queryKey: requestKeys.detail(id ?? ''),
    queryFn: ({ signal }) => get<Request>(`/requests/${encodeURIComponent(id ?? '')}`, undefined, signal),
    enabled: !!id,
    retry: (count, error) => !isNotFound(error) && count < 2,
  });
}

/** Every write answers with the whole request, which replaces the cached one. */
function useRequestWrite<I>(write: (input: I) => Promise<Request>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (saved) => {
      client.setQueryData(requestKeys.detail(saved.id), saved);
      void client.invalidateQueries({ queryKey: ['requests', 'list'] });
    },
  });
}

const at = (id: string) => `/requests/${encodeURIComponent(id)}`;
export const useCreateDraft = () => useRequestWrite((input: RequestDraftInput) => post<Request>('/requests', input));
export const useSaveDraft = (id: string) => useRequestWrite((input: RequestDraftInput & { revision: number }) => put<Request>(at(id), input));
export const useSubmitRequest = () => useRequestWrite(({ id, revision }: { id: string; revision: number }) => post<Request>(`${at(id)}/submit`, { revision }));
export const useWithdrawRequest = (id: string) => useRequestWrite((input: { reason: string }) => post<Request>(`${at(id)}/withdraw`, input));
export const useAssignRequest = (id: string) => useRequestWrite((input: { ownerId: string }) => post<Request>(`${at(id)}/assign`, input));
export const useDiagnose = (id: string) => useRequestWrite((input: DiagnosisInput) => put<Request>(`${at(id)}/diagnosis`, input));
export const useRecommend = (id: string) => useRequestWrite((input: RecommendationInput) => post<Request>(`${at(id)}/recommendations`, input));
export const useRespond = (id: string) => useRequestWrite(({ version, ...input }: RespondInput & { version: number }) => post<Request>(`${at(id)}/recommendations/${version}/response`, input));
export const useCloseAction = (id: string) => useRequestWrite(({ actionId, ...input }: CloseActionInput & { actionId: string }) => post<Request>(`${at(id)}/actions/${encodeURIComponent(actionId)}/close`, input));
export const useRecordEffort = (id: string) => useRequestWrite((input: EffortInput) => post<Request>(`${at(id)}/effort`, input));
export const useSendSurvey = (id: string) => useRequestWrite((input: SurveyInput) => post<Request>(`${at(id)}/survey`, input));
export const useReconcile = (id: string) => useRequestWrite((input: ReconciliationInput) => put<Request>(`${at(id)}/reconciliation`, input));
export const useEnrolFromAction = (id: string) => useRequestWrite(({ actionId, ...input }: ActionEnrolInput & { actionId: string }) => post<Request>(`${at(id)}/actions/${encodeURIComponent(actionId)}/enrolments`, input));
