import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, isApiProblem, post, put } from '../../app/web/api';
import type { StandardKind, CheckSubjectType } from '../standard-kinds';
import type { StandardDraftInput } from '../standard-content';
import type { ConformanceView, RecordChecksInput, StandardConformanceView, StandardOverview, StandardVersionSummary, StandardVersionView } from '../standard-views';

// The standards pages read the same schemas the server answers with (standard-views.ts).
export type { ConformanceView, StandardConformanceView, StandardOverview, StandardVersionSummary, StandardVersionView };

export const standardKeys = {
  all: ['standards'] as const,
  list: ['standards', 'list'] as const,
  inForce: (kind: StandardKind) => ['standards', kind, 'in-force'] as const,
  versions: (kind: StandardKind) => ['standards', kind, 'versions'] as const,
  version: (kind: StandardKind, n: number) => ['standards', kind, 'versions', n] as const,
  draft: (kind: StandardKind) => ['standards', kind, 'draft'] as const,
  conformance: (type: CheckSubjectType, id: string) => ['standards', 'conformance', type, id] as const,
};

export const isNotFound = (error: unknown) => isApiProblem(error) && error.status === 404;
const noRetryWhenMissing = (count: number, error: unknown) => !isNotFound(error) && count < 2;

export function useStandards() {
  return useQuery({ queryKey: standardKeys.list, queryFn: ({ signal }) => get<StandardOverview[]>('/standards', undefined, signal) });
}

/** The version in force, or one version by number. */
export function useStandardVersion(kind: StandardKind, version?: number, enabled = true) {
  return useQuery({
    enabled,
    queryKey: version ? standardKeys.version(kind, version) : standardKeys.inForce(kind),
    queryFn: ({ signal }) => get<StandardVersionView>(version ? `/standards/${kind}/versions/${version}` : `/standards/${kind}`, undefined, signal),
    retry: noRetryWhenMissing,
  });
}

export function useStandardVersions(kind: StandardKind) {
  return useQuery({ queryKey: standardKeys.versions(kind), queryFn: ({ signal }) => get<StandardVersionSummary[]>(`/standards/${kind}/versions`, undefined, signal) });
}

export function useStandardDraft(kind: StandardKind) {
  return useQuery({ queryKey: standardKeys.draft(kind), queryFn: ({ signal }) => get<StandardVersionView>(`/standards/${kind}/draft`, undefined, signal), retry: noRetryWhenMissing });
}

export function useSaveStandardDraft(kind: StandardKind) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: StandardDraftInput) => put<StandardVersionView>(`/standards/${kind}/draft`, input),
    onSuccess: (saved) => {
      client.setQueryData(standardKeys.draft(kind), saved);
      void client.invalidateQueries({ queryKey: standardKeys.versions(kind) });
      void client.invalidateQueries({ queryKey: standardKeys.list });
    },
  });
}

export function usePublishStandard(kind: StandardKind) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (changeSummary: string) => post<StandardVersionView>(`/standards/${kind}/draft/publish`, { changeSummary }),
    onSuccess: () => void client.invalidateQueries({ queryKey: standardKeys.all }),
  });
}

export function useConformance(type: CheckSubjectType, id: string | undefined) {
  return useQuery({
    queryKey: standardKeys.conformance(type, id ?? ''),
    queryFn: ({ signal }) => get<ConformanceView>(`/standards/conformance/${type}/${encodeURIComponent(id ?? '')}`, undefined, signal),
    enabled: !!id,
    retry: noRetryWhenMissing,
  });
}

export function useRecordChecks(type: CheckSubjectType, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: RecordChecksInput) => put<ConformanceView>(`/standards/conformance/${type}/${encodeURIComponent(id)}`, input),
    onSuccess: (view) => client.setQueryData(standardKeys.conformance(type, id), view),
  });
}

/** Server field paths (`body.content.sections.0.heading`) as the editors key their inputs. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!isApiProblem(error)) return {};
  const errors: Record<string, string> = {};
  for (const e of error.errors) {
    const field = e.field.replace(/^body\./, '');
    errors[field] ??= e.message;
  }
  return errors;
}
