import { useQuery } from '@tanstack/react-query';
import type { UnitSettings } from '../../../platform/settings/settings-schemas';
import { get } from '../api';

export const unitKey = ['unit'] as const;

/** The training unit's public details (CA-7: its contact details are on every page). */
export function useUnit() {
  return useQuery({
    queryKey: unitKey,
    queryFn: ({ signal }) => get<UnitSettings>('/unit', undefined, signal),
    staleTime: 5 * 60_000,
  });
}
