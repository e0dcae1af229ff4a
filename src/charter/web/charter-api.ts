import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { BusinessCalendar } from '../../service-levels/business-calendar-schema';
import { get, isApiProblem } from '../../app/web/api';
import type { CharterContent } from '../charter-schema';
import type { CharterChange, CharterVersionSummary, CharterVersionView, CharterView, charterServiceLevelView } from '../charter-view-schemas';

// The pages read the same schemas the server answers with (charter-view-schemas.ts).
export type { BusinessCalendar, CharterChange, CharterContent, CharterVersionSummary };
export type Charter = CharterView;
export type CharterVersionDetail = CharterVersionView;
export type CharterStatus = Charter['status'];
export type CharterServiceLevel = z.infer<typeof charterServiceLevelView>;

export const charterKeys = {
  current: ['charter', 'current'] as const,
  versions: ['charter', 'versions'] as const,
  version: (n: number) => ['charter', 'versions', n] as const,
};

/** A 404 is an answer here: nothing is published yet, or there is no such version. */
export const isNotFound = (error: unknown) => isApiProblem(error) && error.status === 404;

export function useCharter() {
  return useQuery({
    queryKey: charterKeys.current,
    queryFn: ({ signal }) => get<Charter>('/charter', undefined, signal),
  });
}

export function useCharterVersions() {
  return useQuery({
    queryKey: charterKeys.versions,
    queryFn: ({ signal }) => get<CharterVersionSummary[]>('/charter/versions', undefined, signal),
  });
}

export function useCharterVersion(version: number | undefined) {
  return useQuery({
    queryKey: charterKeys.version(version ?? 0),
    queryFn: ({ signal }) => get<CharterVersionDetail>(`/charter/versions/${version}`, undefined, signal),
    enabled: version !== undefined,
  });
}
