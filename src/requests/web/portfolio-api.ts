import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { API_BASE, del, get, post, put, withQuery } from '../../app/web/api';
import type { GoalInput, GoalListView, GoalUpdateInput, GoalView, PortfolioQuery, PortfolioView, SegmentListView, SegmentView } from '../portfolio-schemas';

// RQ-7's pages: the goals and segments the unit lead keeps, and the portfolio.

const keys = {
  goals: ['strategic-goals'] as const,
  segments: ['prime-segments'] as const,
  portfolio: (q: PortfolioQuery) => ['requests', 'portfolio', q] as const,
};

export const useGoals = () => useQuery({ queryKey: keys.goals, queryFn: ({ signal }) => get<GoalListView>('/strategic-goals', undefined, signal) });
export const useSegments = () => useQuery({ queryKey: keys.segments, queryFn: ({ signal }) => get<SegmentListView>('/prime-segments', undefined, signal) });

export function usePortfolio(query: PortfolioQuery | null) {
  return useQuery({ queryKey: keys.portfolio(query ?? { from: '', to: '' }), queryFn: ({ signal }) => get<PortfolioView>('/requests/portfolio', query!, signal), enabled: !!query });
}
export const portfolioCsvHref = (q: PortfolioQuery) => `${API_BASE}${withQuery('/requests/portfolio.csv', q)}`;

/** Goals and segments feed the portfolio: a change refreshes both. */
function useKeep<I, O>(write: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: keys.goals });
      void client.invalidateQueries({ queryKey: keys.segments });
      void client.invalidateQueries({ queryKey: ['requests', 'portfolio'] });
    },
  });
}

export const useCreateGoal = () => useKeep((input: GoalInput) => post<GoalView>('/strategic-goals', input));
export const useUpdateGoal = () => useKeep(({ id, ...input }: GoalUpdateInput & { id: string }) => put<GoalView>(`/strategic-goals/${encodeURIComponent(id)}`, input));
export const useDeleteGoal = () => useKeep((id: string) => del<null>(`/strategic-goals/${encodeURIComponent(id)}`));
export const useMarkSegment = () => useKeep(({ businessUnitId, note }: { businessUnitId: string; note: string }) => put<SegmentView>(`/prime-segments/${encodeURIComponent(businessUnitId)}`, { note }));
export const useUnmarkSegment = () => useKeep((businessUnitId: string) => del<SegmentView>(`/prime-segments/${encodeURIComponent(businessUnitId)}`));
