import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, isApiProblem, post, put } from '../../app/web/api';
import type { AttendanceInput, AttendanceView, CompletionView } from '../attendance';
import type { ImportCompletionsInput, ImportCompletionsView } from '../import-completions';
import type { CompletionRecordedView, RecordCompletionInput } from '../record-completion';
import { enrolmentKeys } from './enrolment-api';

// Attendance, session completion and e-learning completions (AF-1), read with the server's schemas.
export type { AttendanceView, CompletionView, ImportCompletionsView, CompletionRecordedView };

const attendanceKey = (sessionId: string) => [...enrolmentKeys.all, 'attendance', sessionId] as const;
const noRetryOnRefusal = (count: number, error: unknown) => !(isApiProblem(error) && error.status < 500) && count < 2;

export function useAttendance(sessionId: string | undefined) {
  return useQuery({
    queryKey: attendanceKey(sessionId ?? ''),
    queryFn: ({ signal }) => get<AttendanceView>(`/course-sessions/${encodeURIComponent(sessionId ?? '')}/attendance`, undefined, signal),
    enabled: !!sessionId,
    retry: noRetryOnRefusal,
    // Marks being tapped in are a draft over the saved ones; a refetch on returning to the tab would reset them.
    refetchOnWindowFocus: false,
  });
}

/** Every write here changes states the roster and lists show: everything enrolment-shaped is read again. */
function useAfterWrite() {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: enrolmentKeys.all });
}

export function useRecordAttendance(sessionId: string) {
  const done = useAfterWrite();
  return useMutation({ mutationFn: (input: AttendanceInput) => put<AttendanceView>(`/course-sessions/${encodeURIComponent(sessionId)}/attendance`, input), onSuccess: done });
}

export function useCompleteSession(sessionId: string) {
  const done = useAfterWrite();
  return useMutation({ mutationFn: () => post<CompletionView>(`/course-sessions/${encodeURIComponent(sessionId)}/complete`, {}), onSuccess: done });
}

export function useRecordCompletion(courseId: string) {
  const done = useAfterWrite();
  return useMutation({ mutationFn: (input: RecordCompletionInput) => post<CompletionRecordedView>(`/courses/${encodeURIComponent(courseId)}/completions`, input), onSuccess: done });
}

export function useImportCompletions(courseId: string) {
  const done = useAfterWrite();
  return useMutation({ mutationFn: (input: ImportCompletionsInput) => post<ImportCompletionsView>(`/courses/${encodeURIComponent(courseId)}/completions/import`, input), onSuccess: done });
}
