import { useQueries } from '@tanstack/react-query';
import { get, type Page } from '../../app/web/api';
import { peopleKeys, type PersonSummary } from '../../people/web/people-api';
import { supportStaffRoles } from '../support-staff';

/** Who can own a support case (AF-5), for the owner choices: one directory query per role. */
export function useSupportStaff() {
  const results = useQueries({
    queries: supportStaffRoles.map((role) => {
      const query = { role, pageSize: 200 };
      return { queryKey: peopleKeys.list(query), queryFn: ({ signal }: { signal: AbortSignal }) => get<Page<PersonSummary>>('/people', query, signal), staleTime: 60_000 };
    }),
  });
  const byId = new Map<string, { value: string; label: string }>();
  for (const result of results) for (const p of result.data?.items ?? []) if (p.active) byId.set(p.id, { value: p.id, label: p.name });
  return { options: [...byId.values()].sort((a, b) => a.label.localeCompare(b.label)), isPending: results.some((r) => r.isPending) };
}
