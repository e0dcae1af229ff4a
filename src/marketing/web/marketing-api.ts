import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, isApiProblem, post, put } from '../../app/web/api';
import type { InterestView } from '../../catalog/course-schemas';
import type { DigestPreferencesInput, DigestPreferencesView, DigestPreviewView, UnsubscribeOutcome, UnsubscribeView } from '../marketing-schemas';
import type { DigestFrequency } from '../marketing-values';
import { ONE_CLICK_FIELD, ONE_CLICK_VALUE } from '../marketing-values';

// The pages read the same schemas the server answers with (marketing-schemas.ts).
export type { DigestPreferencesInput, DigestPreferencesView, DigestPreviewView, UnsubscribeOutcome, UnsubscribeView };

export const marketingKeys = {
  preferences: ['marketing', 'preferences'] as const,
  preview: (frequency: DigestFrequency, interestIds: string[]) => ['marketing', 'preview', frequency, [...interestIds].sort().join(',')] as const,
  interests: ['interests'] as const,
  link: (token: string) => ['marketing', 'unsubscribe', token] as const,
};

export const isNotFound = (error: unknown) => isApiProblem(error) && error.status === 404;

export function useInterests() {
  return useQuery({ queryKey: marketingKeys.interests, queryFn: ({ signal }) => get<InterestView[]>('/interests', undefined, signal), staleTime: 5 * 60_000 });
}

export function useDigestPreferences() {
  return useQuery({ queryKey: marketingKeys.preferences, queryFn: ({ signal }) => get<DigestPreferencesView>('/marketing/preferences', undefined, signal) });
}

export function useSaveDigestPreferences() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: DigestPreferencesInput) => put<DigestPreferencesView>('/marketing/preferences', input),
    onSuccess: (saved) => client.setQueryData(marketingKeys.preferences, saved),
  });
}

/** What the next digest would hold for the choice on the page (not yet saved). */
export function useDigestPreview(frequency: DigestFrequency, interestIds: string[], enabled: boolean) {
  return useQuery({
    queryKey: marketingKeys.preview(frequency, interestIds),
    queryFn: ({ signal }) => get<DigestPreviewView>('/marketing/preferences/preview', { frequency, interests: [...interestIds].sort().join(',') }, signal),
    enabled,
    placeholderData: (previous) => previous,
  });
}

export function useUnsubscribeLink(token: string) {
  return useQuery({
    queryKey: marketingKeys.link(token),
    queryFn: ({ signal }) => get<UnsubscribeView>(`/unsubscribe/${encodeURIComponent(token)}`, undefined, signal),
    retry: (count, error) => !isNotFound(error) && count < 2,
  });
}

export function useUnsubscribe(token: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => post<UnsubscribeOutcome>(`/unsubscribe/${encodeURIComponent(token)}`, { [ONE_CLICK_FIELD]: ONE_CLICK_VALUE }),
    onSuccess: (outcome) => client.setQueryData(marketingKeys.link(token), { ...outcome, subscribed: false }),
  });
}
