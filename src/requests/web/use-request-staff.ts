import { useQuery } from '@tanstack/react-query';
import type { Role } from '../../platform/auth/roles';
import { get, type Page } from '../../app/web/api';
import { peopleKeys, type PersonSummary } from '../../people/web/people-api';

/** Who may own a request: the active holders of the role the charter names for triage (RQ-2). */
export function useRequestStaff(role: string | null) {
  const query = { role: (role ?? 'consultant') as Role, pageSize: 200 };
  const people = useQuery({ queryKey: peopleKeys.list(query), queryFn: ({ signal }) => get<Page<PersonSummary>>('/people', query, signal), staleTime: 60_000 });
  return { options: (people.data?.items ?? []).filter((p) => p.active).map((p) => ({ value: p.id, label: p.name })), isPending: people.isPending };
}
