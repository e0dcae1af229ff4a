import { useQuery } from '@tanstack/react-query';
import { get, withQuery, API_BASE } from '../../app/web/api';
import type { DashboardView, MeasureView, RecordsView, ValueQuery } from '../value-schemas';

// The pages read the same schemas the server answers with (value-schemas.ts).
export type { DashboardView, MeasureView, RecordsView, ValueQuery };

const asQuery = (q: ValueQuery) => ({ from: q.from, to: q.to, ...(q.businessUnitId ? { businessUnitId: q.businessUnitId } : {}), ...(q.goalId ? { goalId: q.goalId } : {}) });

/** Nothing is asked while the filters on screen do not make a valid query (null). */
export function useValueDashboard(query: ValueQuery | null) {
  return useQuery({
    queryKey: ['value', 'dashboard', query],
    queryFn: ({ signal }) => get<DashboardView>('/value/dashboard', asQuery(query!), signal),
    enabled: query !== null,
  });
}

export function useMeasureRecords(key: string, query: ValueQuery | null, page: number) {
  return useQuery({
    queryKey: ['value', 'records', key, query, page],
    queryFn: ({ signal }) => get<RecordsView>(`/value/measures/${encodeURIComponent(key)}/records`, { ...asQuery(query!), page: String(page) }, signal),
    enabled: query !== null,
  });
}

export const dashboardCsvHref = (query: ValueQuery) => `${API_BASE}${withQuery('/value/dashboard.csv', asQuery(query))}`;
export const recordsCsvHref = (key: string, query: ValueQuery) => `${API_BASE}${withQuery(`/value/measures/${encodeURIComponent(key)}/records.csv`, asQuery(query))}`;

/** The page link to a measure's records, keeping the dashboard's filters. */
export function recordsPageHref(key: string, params: URLSearchParams): string {
  const keep = new URLSearchParams();
  for (const name of ['period', 'from', 'to', 'unit', 'goal']) {
    const value = params.get(name);
    if (value) keep.set(name, value);
  }
  const search = keep.toString();
  return `/value/measures/${encodeURIComponent(key)}${search ? `?${search}` : ''}`;
}
