import { useQuery } from '@tanstack/react-query';
import { get } from '../../app/web/api';
import type { CourseEffectivenessView, EffectivenessCourseList, EffectivenessQuery, SessionEffectivenessView } from '../effectiveness-schemas';

// The pages read the same schemas the server answers with (effectiveness-schemas.ts).
export type { CourseEffectivenessView, EffectivenessCourseList, EffectivenessQuery, SessionEffectivenessView };

export const effectivenessKeys = {
  course: (id: string, query: EffectivenessQuery) => ['effectiveness', 'course', id, query] as const,
  session: (id: string) => ['effectiveness', 'session', id] as const,
  list: (from: string, to: string) => ['effectiveness', 'courses', from, to] as const,
};

export function useCourseEffectiveness(id: string, query: EffectivenessQuery | null) {
  return useQuery({
    queryKey: effectivenessKeys.course(id, query ?? {}),
    queryFn: ({ signal }) => get<CourseEffectivenessView>(`/courses/${id}/effectiveness`, query ?? undefined, signal),
    enabled: query !== null,
  });
}

export function useSessionEffectiveness(id: string) {
  return useQuery({
    queryKey: effectivenessKeys.session(id),
    queryFn: ({ signal }) => get<SessionEffectivenessView>(`/course-sessions/${id}/effectiveness`, undefined, signal),
  });
}

/** Nothing is asked while the period on screen is not a valid one (null). */
export function useEffectiveCourses(period: { from: string; to: string } | null) {
  return useQuery({
    queryKey: effectivenessKeys.list(period?.from ?? '', period?.to ?? ''),
    queryFn: ({ signal }) => get<EffectivenessCourseList>('/effectiveness/courses', period ?? undefined, signal),
    enabled: period !== null,
  });
}
