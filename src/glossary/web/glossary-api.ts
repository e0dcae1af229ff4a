import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, post, put } from '../../app/web/api';
import type { GlossaryQuery, GlossaryTermInput, GlossaryTermView, GlossaryView } from '../glossary-schemas';

// The glossary page (FB-3) and the words shown beside a course read the same schemas as the server.
export type { GlossaryTermView, GlossaryView };

const glossaryKeys = { all: ['glossary'] as const, list: (q: GlossaryQuery) => ['glossary', q] as const };

export function useGlossary(query: GlossaryQuery = {}) {
  return useQuery({ queryKey: glossaryKeys.list(query), queryFn: ({ signal }) => get<GlossaryView>('/glossary', { q: query.q || undefined, origin: query.origin }, signal), staleTime: 30_000 });
}

export function useSaveTerm(id: string | null) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: GlossaryTermInput) => (id ? put<GlossaryTermView>(`/glossary/${encodeURIComponent(id)}`, input) : post<GlossaryTermView>('/glossary', input)),
    onSuccess: () => void client.invalidateQueries({ queryKey: glossaryKeys.all }),
  });
}
