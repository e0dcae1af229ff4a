import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { sessionResponse } from '../../../account/account-schemas';
import type { Role } from '../../../platform/auth/roles';
import { get } from '../api';

export type SessionResponse = z.infer<typeof sessionResponse>;
export type Actor = NonNullable<SessionResponse['actor']>;

export const sessionKey = ['session'] as const;

export function useSession() {
  const query = useQuery({
    queryKey: sessionKey,
    queryFn: ({ signal }) => get<SessionResponse>('/session', undefined, signal),
    staleTime: 60_000,
  });
  return { actor: query.data?.actor ?? null, isLoading: query.isPending, error: query.error, refetch: query.refetch };
}

/** The signed-in person; only for pages behind RequireAuth. */
export function useActor(): Actor {
  const { actor } = useSession();
  if (!actor) throw new Error('useActor() used outside a signed-in page');
  return actor;
}

export function hasRole(actor: Actor | null | undefined, ...roles: Role[]): boolean {
  return !!actor && actor.roles.some((r) => roles.includes(r));
}

export function useSetSession() {
  const client = useQueryClient();
  return (actor: Actor | null) => client.setQueryData<SessionResponse>(sessionKey, { actor });
}
