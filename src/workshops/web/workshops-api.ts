import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, isApiProblem, post, put } from '../../app/web/api';
import type { GlossaryTermInput } from '../../glossary/glossary-schemas';
import type { CreateWorkshopInput, MoveWorkshopInput, RequestFromOpportunityInput, SaveWorkshopInput, WorkshopSummary, WorkshopView } from '../workshop-schemas';

// The workshop pages (CX-1..4) read the same schemas the server answers with.
export type { WorkshopSummary, WorkshopView };

export const workshopKeys = {
  all: ['workshops'] as const,
  list: ['workshops', 'list'] as const,
  one: (id: string) => ['workshops', 'one', id] as const,
};

const noRetryOnRefusal = (count: number, error: unknown) => !(isApiProblem(error) && error.status >= 400 && error.status < 500) && count < 2;

export function useWorkshops() {
  return useQuery({ queryKey: workshopKeys.list, queryFn: ({ signal }) => get<WorkshopSummary[]>('/workshops', undefined, signal) });
}

export function useWorkshop(id: string) {
  return useQuery({ queryKey: workshopKeys.one(id), queryFn: ({ signal }) => get<WorkshopView>(`/workshops/${encodeURIComponent(id)}`, undefined, signal), retry: noRetryOnRefusal });
}

/** Every write answers with the whole workshop: it replaces the cached one. */
function useWorkshopWrite<I>(write: (input: I) => Promise<WorkshopView>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (w) => {
      client.setQueryData(workshopKeys.one(w.id), w);
      void client.invalidateQueries({ queryKey: workshopKeys.list });
    },
  });
}

export const useCreateWorkshop = () => useWorkshopWrite((input: CreateWorkshopInput) => post<WorkshopView>('/workshops', input));
export const useSaveWorkshop = (id: string) => useWorkshopWrite((input: SaveWorkshopInput) => put<WorkshopView>(`/workshops/${encodeURIComponent(id)}`, input));
export const useMoveWorkshop = (id: string) => useWorkshopWrite((input: MoveWorkshopInput) => post<WorkshopView>(`/workshops/${encodeURIComponent(id)}/step`, input));
export const useHarvestWord = (id: string) => useWorkshopWrite((input: GlossaryTermInput) => post<WorkshopView>(`/workshops/${encodeURIComponent(id)}/words`, input));

export const useRequestFromOpportunity = (id: string, opportunityId: string) =>
  useWorkshopWrite((input: RequestFromOpportunityInput) => post<WorkshopView>(`/workshops/${encodeURIComponent(id)}/opportunities/${encodeURIComponent(opportunityId)}/request`, input));

export function formatDay(day: string): string {
  return new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

/** "Customer Contact Centre · calls about bills": whose customers the workshop is about. */
export const scopeOf = (w: Pick<WorkshopView, 'businessUnit' | 'process'>) => [w.businessUnit?.name, w.process].filter(Boolean).join(' · ');
