import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, post } from '../../app/web/api';
import type { SubmitSuggestionInput, SuggestionView } from '../suggestion-schemas';

export type Suggestion = SuggestionView;
export type SuggestionList = 'mine' | 'to-review' | 'leadership';

export const useSuggestions = (view: SuggestionList, enabled = true) =>
  useQuery({ queryKey: ['suggestions', 'list', view], queryFn: ({ signal }) => get<Suggestion[]>('/suggestions', { view }, signal), enabled });
export const useSuggestion = (id: string) =>
  useQuery({ queryKey: ['suggestions', 'detail', id], queryFn: ({ signal }) => get<Suggestion>(`/suggestions/${encodeURIComponent(id)}`, undefined, signal), retry: false });

function useStore() {
  const client = useQueryClient();
  return (s: Suggestion) => {
    client.setQueryData(['suggestions', 'detail', s.id], s);
    void client.invalidateQueries({ queryKey: ['suggestions', 'list'] });
  };
}

export function useSubmitSuggestion() {
  const store = useStore();
  return useMutation({ mutationFn: (input: SubmitSuggestionInput) => post<Suggestion>('/suggestions', input), onSuccess: store });
}

/** A step on a suggestion: escalate or answer (its manager), decide (a leader). */
export function useSuggestionStep(id: string, step: 'escalate' | 'answer' | 'decide') {
  const store = useStore();
  return useMutation({ mutationFn: (body: object) => post<Suggestion>(`/suggestions/${id}/${step}`, body), onSuccess: store });
}
