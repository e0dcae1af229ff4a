import { useQueries } from '@tanstack/react-query';
import { get, type Page } from '../../app/web/api';
import { peopleKeys, type PersonSummary } from '../../people/web/people-api';
import { questionStaffRoles } from '../question-staff';

/** The people who handle questions (IN-1), for the assignee choices: one directory query per role. */
export function useQuestionStaff() {
  const results = useQueries({
    queries: questionStaffRoles.map((role) => {
      const query = { role, pageSize: 200 };
      return { queryKey: peopleKeys.list(query), queryFn: ({ signal }: { signal: AbortSignal }) => get<Page<PersonSummary>>('/people', query, signal), staleTime: 60_000 };
    }),
  });
  const byId = new Map<string, { value: string; label: string }>();
  for (const result of results) for (const p of result.data?.items ?? []) if (p.active) byId.set(p.id, { value: p.id, label: p.name });
  const options = [...byId.values()].sort((a, b) => a.label.localeCompare(b.label));
  return { options, isPending: results.some((r) => r.isPending) };
}
