import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, isApiProblem, post } from '../../app/web/api';
import type { FollowUpAnswerInput, FollowUpAnsweredView, FollowUpAnswersView, FollowUpFormView, MyFollowUpsView } from '../follow-up-schemas';

// The follow-up pages read the schemas the server answers with (follow-up-schemas.ts, AF-4).
export type { FollowUpAnswerInput, FollowUpAnsweredView, FollowUpAnswersView, FollowUpFormView, MyFollowUpsView };

export const followUpKeys = {
  all: ['follow-up'] as const,
  link: (token: string) => ['follow-up', 'link', token] as const,
  one: (id: string) => ['follow-up', 'one', id] as const,
  mine: ['follow-up', 'mine'] as const,
  session: (id: string) => ['follow-up', 'session', id] as const,
};

/** A refusal (unknown link, someone else's form) will not change on retry. */
const noRetryOnRefusal = (failures: number, error: unknown) => !(isApiProblem(error) && error.status >= 400 && error.status < 500) && failures < 2;

export function useFollowUpLink(token: string) {
  return useQuery({
    queryKey: followUpKeys.link(token),
    queryFn: ({ signal }) => get<FollowUpFormView>(`/follow-ups/by-token/${encodeURIComponent(token)}`, undefined, signal),
    retry: noRetryOnRefusal,
    staleTime: Infinity,
  });
}

export function useAnswerByLink(token: string) {
  return useMutation({ mutationFn: (input: FollowUpAnswerInput) => post<FollowUpAnsweredView>(`/follow-ups/by-token/${encodeURIComponent(token)}`, input) });
}

export function useFollowUp(id: string) {
  return useQuery({ queryKey: followUpKeys.one(id), queryFn: ({ signal }) => get<FollowUpFormView>(`/follow-ups/${id}`, undefined, signal), retry: noRetryOnRefusal });
}

export function useAnswerFollowUp(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: FollowUpAnswerInput) => post<FollowUpAnsweredView>(`/follow-ups/${id}`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: followUpKeys.mine }),
  });
}

export function useMyFollowUps() {
  return useQuery({ queryKey: followUpKeys.mine, queryFn: ({ signal }) => get<MyFollowUpsView>('/follow-ups/mine', undefined, signal) });
}

export function useSessionFollowUps(sessionId: string) {
  return useQuery({ queryKey: followUpKeys.session(sessionId), queryFn: ({ signal }) => get<FollowUpAnswersView>(`/course-sessions/${sessionId}/follow-ups`, undefined, signal), retry: noRetryOnRefusal });
}
