import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, post } from '../../app/web/api';
import type { FeedbackReceipt, FeedbackTrendView, FeedbackView, SubmitFeedbackInput } from '../feedback-schemas';

export type Feedback = FeedbackView;
export type FeedbackFilter = { status?: Feedback['status']; category?: Feedback['category'] };

export const feedbackKeys = {
  list: (filter: FeedbackFilter) => ['feedback', 'list', filter] as const,
  mine: ['feedback', 'mine'] as const,
  trend: (months: number) => ['feedback', 'trend', months] as const,
  detail: (id: string) => ['feedback', 'detail', id] as const,
  byLink: (token: string) => ['feedback', 'link', token] as const,
};

export const useFeedbackQueue = (filter: FeedbackFilter) => useQuery({ queryKey: feedbackKeys.list(filter), queryFn: ({ signal }) => get<Feedback[]>('/feedback', filter, signal) });
export const useMyFeedback = () => useQuery({ queryKey: feedbackKeys.mine, queryFn: ({ signal }) => get<Feedback[]>('/feedback/mine', undefined, signal) });
export const useFeedbackTrend = (months: number) => useQuery({ queryKey: feedbackKeys.trend(months), queryFn: ({ signal }) => get<FeedbackTrendView>('/feedback/trend', { months }, signal) });
export const useFeedback = (id: string) => useQuery({ queryKey: feedbackKeys.detail(id), queryFn: ({ signal }) => get<Feedback>(`/feedback/${encodeURIComponent(id)}`, undefined, signal), retry: false });
export const useFeedbackByLink = (token: string) => useQuery({ queryKey: feedbackKeys.byLink(token), queryFn: ({ signal }) => get<Feedback>(`/feedback/follow/${encodeURIComponent(token)}`, undefined, signal), retry: false });

/** Sent once; the receipt (with the private link) is shown and never cached. */
export const useSendFeedback = () => useMutation({ mutationFn: (input: SubmitFeedbackInput) => post<FeedbackReceipt>('/feedback', input) });

/** A handling step by the unit; the answer is the feedback as it now is. */
export function useFeedbackStep(id: string, step: 'acknowledge' | 'notes' | 'respond' | 'close') {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: object) => post<Feedback>(`/feedback/${id}/${step}`, body),
    onSuccess: (feedback) => {
      client.setQueryData(feedbackKeys.detail(id), feedback);
      void client.invalidateQueries({ queryKey: ['feedback', 'list'] });
    },
  });
}

export function useReplyByLink(token: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { satisfied: boolean; comment: string }) => post<Feedback>(`/feedback/follow/${encodeURIComponent(token)}/reply`, body),
    onSuccess: (feedback) => client.setQueryData(feedbackKeys.byLink(token), feedback),
  });
}

/** A chosen file as the API takes it: its name and its bytes in base64. */
export async function readUpload(file: File): Promise<{ name: string; content: string }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { name: file.name, content: btoa(binary) };
}
