import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, post, put } from '../../../app/web/api';
import type { CharterDraft } from '../../charter-schema';
import { charterKeys, isNotFound, type Charter, type CharterVersionDetail } from '../charter-api';

export const draftKey = ['charter', 'draft'] as const;

/** The draft when there is one (a 404 says there is none), else the charter in force. */
export function useEditStart() {
  const draft = useQuery({
    queryKey: draftKey,
    queryFn: ({ signal }) => get<CharterVersionDetail>('/charter/draft', undefined, signal),
    retry: (count, error) => !isNotFound(error) && count < 2,
  });
  const noDraft = draft.isError && isNotFound(draft.error);
  const inForce = useQuery({
    queryKey: charterKeys.current,
    queryFn: ({ signal }) => get<Charter>('/charter', undefined, signal),
    enabled: noDraft,
    retry: (count, error) => !isNotFound(error) && count < 2 });
  return { draft, inForce, noDraft };
}

export function useSaveDraft() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (draft: CharterDraft) => put<CharterVersionDetail>('/charter/draft', draft),
    onSuccess: (saved) => client.setQueryData(draftKey, saved),
  });
}

/** Saves what is on screen, then publishes it: what the unit lead confirmed is what goes out. */
export function usePublishDraft() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (draft: CharterDraft) => {
      await put<CharterVersionDetail>('/charter/draft', draft);
      return post<CharterVersionDetail>('/charter/draft/publish', { changeSummary: draft.changeSummary });
    },
    onSuccess: async () => {
      client.removeQueries({ queryKey: draftKey });
      await client.invalidateQueries({ queryKey: ['charter'] });
    },
  });
}
