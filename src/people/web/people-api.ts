import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Role } from '../../platform/auth/roles';
import { get, type Page } from '../../app/web/api';
import type { businessUnitSchema, ImportStatus, orgChartNode, orgChartResponse, PersonDetail, PersonSummary } from '../people-schemas';

export type BusinessUnit = z.infer<typeof businessUnitSchema>;
export type OrgChartNode = z.infer<typeof orgChartNode>;
export type OrgChart = z.infer<typeof orgChartResponse>;
export type { ImportStatus, PersonDetail, PersonSummary };

export type PeopleQuery = { q?: string; businessUnitId?: string; role?: Role; page?: number; pageSize?: number };

export const peopleKeys = {
  all: ['people'] as const,
  list: (query: PeopleQuery) => ['people', 'list', query] as const,
  detail: (id: string) => ['people', 'detail', id] as const,
  units: ['business-units'] as const,
  orgChart: (rootId: string | null) => ['org-chart', rootId ?? 'top'] as const,
  import: (id: string) => ['people-imports', id] as const,
};

export function usePeople(query: PeopleQuery, enabled = true) {
  return useQuery({
    queryKey: peopleKeys.list(query),
    queryFn: ({ signal }) => get<Page<PersonSummary>>('/people', query, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function usePerson(id: string | undefined) {
  return useQuery({
    queryKey: peopleKeys.detail(id ?? ''),
    queryFn: ({ signal }) => get<PersonDetail>(`/people/${encodeURIComponent(id ?? '')}`, undefined, signal),
    enabled: !!id,
  });
}

export function useBusinessUnits() {
  return useQuery({
    queryKey: peopleKeys.units,
    queryFn: ({ signal }) => get<BusinessUnit[]>('/business-units', undefined, signal),
    staleTime: 60_000,
  });
}

export function useOrgChart(rootId: string | null) {
  return useQuery({
    queryKey: peopleKeys.orgChart(rootId),
    queryFn: ({ signal }) => get<OrgChart>('/org-chart', rootId ? { rootId } : undefined, signal),
    placeholderData: keepPreviousData,
  });
}
