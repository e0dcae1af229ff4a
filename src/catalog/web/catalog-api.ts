import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, isApiProblem, post, put } from '../../app/web/api';
import type {
  CourseDetailView, CourseListView, CourseSummaryView, CreateCourseInput, CreateInterestInput, InterestView, ListCoursesQuery, RevisionSummaryView, RevisionView, UpdateCourseInput,
} from '../course-schemas';
import type { CancelSessionInput, SessionInput, SessionView, UpdateSessionInput } from '../session-schemas';

// The catalog pages read the same schemas the server answers with (course-schemas.ts, session-schemas.ts).
export type { CourseDetailView, CourseListView, CourseSummaryView, InterestView, ListCoursesQuery, RevisionSummaryView, RevisionView, SessionView };

export const catalogKeys = {
  all: ['catalog'] as const,
  list: (query: ListCoursesQuery) => ['catalog', 'list', query] as const,
  course: (id: string) => ['catalog', 'course', id] as const,
  sessions: (courseId: string) => ['catalog', 'sessions', courseId] as const,
  session: (id: string) => ['catalog', 'session', id] as const,
  revisions: (courseId: string) => ['catalog', 'revisions', courseId] as const,
  revision: (courseId: string, revision: number) => ['catalog', 'revisions', courseId, revision] as const,
  interests: ['catalog', 'interests'] as const,
};

export const isNotFound = (error: unknown) => isApiProblem(error) && (error.status === 404 || error.status === 400);
const noRetryWhenMissing = (count: number, error: unknown) => !isNotFound(error) && count < 2;

/** A 409 that names the revision or sequence: someone else saved first. */
export function isStale(error: unknown, field: 'revision' | 'sequence'): boolean {
  return isApiProblem(error) && error.status === 409 && error.errors.some((e) => e.field.replace(/^body\./, '') === field);
}

export function useCatalog(query: ListCoursesQuery) {
  return useQuery({
    queryKey: catalogKeys.list(query),
    queryFn: ({ signal }) => get<CourseListView>('/courses', query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCourse(id: string | undefined) {
  return useQuery({
    queryKey: catalogKeys.course(id ?? ''),
    queryFn: ({ signal }) => get<CourseDetailView>(`/courses/${encodeURIComponent(id ?? '')}`, undefined, signal),
    enabled: !!id,
    retry: noRetryWhenMissing,
  });
}

/** Every session of a course, cancelled and past ones too: for the catalog's editors. */
export function useCourseSessions(courseId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: catalogKeys.sessions(courseId ?? ''),
    queryFn: ({ signal }) => get<SessionView[]>(`/courses/${encodeURIComponent(courseId ?? '')}/sessions`, undefined, signal),
    enabled: enabled && !!courseId,
  });
}

export function useCourseSession(id: string | undefined) {
  return useQuery({
    queryKey: catalogKeys.session(id ?? ''),
    queryFn: ({ signal }) => get<SessionView>(`/course-sessions/${encodeURIComponent(id ?? '')}`, undefined, signal),
    enabled: !!id,
    retry: noRetryWhenMissing,
  });
}

export function useCourseRevisions(courseId: string | undefined) {
  return useQuery({
    queryKey: catalogKeys.revisions(courseId ?? ''),
    queryFn: ({ signal }) => get<RevisionSummaryView[]>(`/courses/${encodeURIComponent(courseId ?? '')}/revisions`, undefined, signal),
    enabled: !!courseId,
    retry: noRetryWhenMissing,
  });
}

export function useCourseRevision(courseId: string | undefined, revision: number | null) {
  return useQuery({
    queryKey: catalogKeys.revision(courseId ?? '', revision ?? 0),
    queryFn: ({ signal }) => get<RevisionView>(`/courses/${encodeURIComponent(courseId ?? '')}/revisions/${revision}`, undefined, signal),
    enabled: !!courseId && revision !== null,
    retry: noRetryWhenMissing,
    // A saved revision never changes.
    staleTime: Infinity,
  });
}

export function useInterests() {
  return useQuery({ queryKey: catalogKeys.interests, queryFn: ({ signal }) => get<InterestView[]>('/interests', undefined, signal), staleTime: 60_000 });
}

export function useCreateInterest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateInterestInput) => post<InterestView>('/interests', input),
    onSuccess: (interest) => {
      client.setQueryData<InterestView[]>(catalogKeys.interests, (list) => [...(list ?? []), interest].sort((a, b) => a.name.localeCompare(b.name)));
      void client.invalidateQueries({ queryKey: catalogKeys.interests });
    },
  });
}

/** After any write: the course as the server answered, and everything listing it re-read. */
function useStoreCourse() {
  const client = useQueryClient();
  return (course: CourseDetailView) => {
    client.setQueryData(catalogKeys.course(course.id), course);
    void client.invalidateQueries({ queryKey: ['catalog', 'list'] });
    void client.invalidateQueries({ queryKey: catalogKeys.revisions(course.id), exact: true });
    void client.invalidateQueries({ queryKey: catalogKeys.sessions(course.id) });
  };
}

export function useCreateCourse() {
  const store = useStoreCourse();
  return useMutation({ mutationFn: (input: CreateCourseInput) => post<CourseDetailView>('/courses', input), onSuccess: store });
}

export function useUpdateCourse(id: string) {
  const store = useStoreCourse();
  return useMutation({ mutationFn: (input: UpdateCourseInput) => put<CourseDetailView>(`/courses/${id}`, input), onSuccess: store });
}

export function useChangeCourseStatus(id: string) {
  const store = useStoreCourse();
  return useMutation({
    mutationFn: ({ action, revision }: { action: 'publish' | 'retire'; revision: number }) => post<CourseDetailView>(`/courses/${id}/${action}`, { revision }),
    onSuccess: store,
  });
}

/** After a session changes: its course page, its lists and the catalog listing (next session, counts). */
function useStoreSession() {
  const client = useQueryClient();
  return (session: SessionView) => {
    client.setQueryData(catalogKeys.session(session.id), session);
    void client.invalidateQueries({ queryKey: catalogKeys.course(session.courseId) });
    void client.invalidateQueries({ queryKey: catalogKeys.sessions(session.courseId) });
    void client.invalidateQueries({ queryKey: ['catalog', 'list'] });
  };
}

export function useScheduleSession(courseId: string) {
  const store = useStoreSession();
  return useMutation({ mutationFn: (input: SessionInput) => post<SessionView>(`/courses/${courseId}/sessions`, input), onSuccess: store });
}

export function useUpdateSession(id: string) {
  const store = useStoreSession();
  return useMutation({ mutationFn: (input: UpdateSessionInput) => put<SessionView>(`/course-sessions/${id}`, input), onSuccess: store });
}

export function useCancelSession() {
  const store = useStoreSession();
  return useMutation({
    mutationFn: ({ id, ...input }: CancelSessionInput & { id: string }) => post<SessionView>(`/course-sessions/${id}/cancel`, input),
    onSuccess: store,
  });
}
