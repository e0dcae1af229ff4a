import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, isApiProblem, post, put } from '../../app/web/api';
import type {
  ApplyInput, ApprovalLinkView, ApprovalOutcomeView, CancelInput, DecisionInput, EnrolmentView, LearningView, NominateInput, RosterView, SessionAudienceView, SessionSeatsView, SubstituteInput,
} from '../enrolment-schemas';
import type { AudienceAnswersInput, RedirectInput } from '../audience-schemas';

// The enrolment pages read the same schemas the server answers with (enrolment-schemas.ts, CA-3).
export type { ApprovalLinkView, ApprovalOutcomeView, EnrolmentView, LearningView, RosterView, SessionAudienceView, SessionSeatsView };

export const enrolmentKeys = {
  all: ['enrolment'] as const,
  seats: (sessionId: string) => ['enrolment', 'seats', sessionId] as const,
  mine: ['enrolment', 'mine'] as const,
  team: (personId: string | null) => ['enrolment', 'team', personId ?? 'all'] as const,
  awaiting: ['enrolment', 'awaiting-approval'] as const,
  roster: (sessionId: string) => ['enrolment', 'roster', sessionId] as const,
  audience: (sessionId: string) => ['enrolment', 'audience', sessionId] as const,
  link: (token: string) => ['approval-link', token] as const,
};

const isClientError = (error: unknown) => isApiProblem(error) && error.status >= 400 && error.status < 500;
const noRetryOnRefusal = (count: number, error: unknown) => !isClientError(error) && count < 2;

export function useSessionSeats(sessionId: string) {
  return useQuery({
    queryKey: enrolmentKeys.seats(sessionId),
    queryFn: ({ signal }) => get<SessionSeatsView>(`/course-sessions/${encodeURIComponent(sessionId)}/seats`, undefined, signal),
    retry: noRetryOnRefusal,
  });
}

export function useMyLearning() {
  return useQuery({ queryKey: enrolmentKeys.mine, queryFn: ({ signal }) => get<LearningView>('/enrolments/mine', undefined, signal) });
}

export function useTeamLearning(personId: string | null) {
  return useQuery({
    queryKey: enrolmentKeys.team(personId),
    queryFn: ({ signal }) => get<LearningView>('/enrolments/team', personId ? { personId } : undefined, signal),
    retry: noRetryOnRefusal,
  });
}

export function useAwaitingApproval() {
  return useQuery({ queryKey: enrolmentKeys.awaiting, queryFn: ({ signal }) => get<EnrolmentView[]>('/enrolments/awaiting-approval', undefined, signal) });
}

export function useRoster(sessionId: string | undefined) {
  return useQuery({
    queryKey: enrolmentKeys.roster(sessionId ?? ''),
    queryFn: ({ signal }) => get<RosterView>(`/course-sessions/${encodeURIComponent(sessionId ?? '')}/enrolments`, undefined, signal),
    enabled: !!sessionId,
    retry: noRetryOnRefusal,
  });
}

/** The session's audience analysis (CA-4): coordinators and the session's instructor. */
export function useSessionAudience(sessionId: string | undefined) {
  return useQuery({
    queryKey: enrolmentKeys.audience(sessionId ?? ''),
    queryFn: ({ signal }) => get<SessionAudienceView>(`/course-sessions/${encodeURIComponent(sessionId ?? '')}/audience`, undefined, signal),
    enabled: !!sessionId,
    retry: noRetryOnRefusal,
  });
}

/** Any enrolment write changes seats, lists and rosters: everything enrolment-shaped is read again. */
function useAfterWrite() {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: enrolmentKeys.all });
}

export function useApply(sessionId: string) {
  const done = useAfterWrite();
  return useMutation({ mutationFn: (input: ApplyInput) => post<EnrolmentView>(`/course-sessions/${sessionId}/enrolments`, input), onSuccess: done });
}

export function useNominate(target: { sessionId: string } | { courseId: string }) {
  const done = useAfterWrite();
  const path = 'sessionId' in target ? `/course-sessions/${target.sessionId}/nominations` : `/courses/${target.courseId}/nominations`;
  return useMutation({ mutationFn: (input: NominateInput) => post<EnrolmentView>(path, input), onSuccess: done });
}

export function useEnrolInCourse(courseId: string) {
  const done = useAfterWrite();
  return useMutation({ mutationFn: (input: ApplyInput) => post<EnrolmentView>(`/courses/${courseId}/enrolments`, input), onSuccess: done });
}

export function useCancelEnrolment() {
  const done = useAfterWrite();
  return useMutation({ mutationFn: ({ id, ...input }: CancelInput & { id: string }) => post<EnrolmentView>(`/enrolments/${id}/cancel`, input), onSuccess: done });
}

/** The teammates who could take a seat (same unit or manager), as person options. */
export function useColleagueOptions(enrolmentId: string) {
  return (query: string | undefined) => {
    const colleagues = useQuery({
      queryKey: ['enrolment', 'colleagues', enrolmentId, query ?? ''] as const,
      queryFn: ({ signal }) => get<{ id: string; name: string; jobTitle: string; businessUnit: string | null }[]>(`/enrolments/${encodeURIComponent(enrolmentId)}/colleagues`, query ? { q: query } : undefined, signal),
    });
    return { data: colleagues.data?.map((c) => ({ id: c.id, name: c.name, detail: [c.jobTitle, c.businessUnit].filter(Boolean).join(' · ') })), isFetching: colleagues.isFetching };
  };
}

export function useSubstitute() {
  const done = useAfterWrite();
  return useMutation({ mutationFn: ({ id, ...input }: SubstituteInput & { id: string }) => post<EnrolmentView>(`/enrolments/${id}/substitute`, input), onSuccess: done });
}

export function useDecide() {
  const done = useAfterWrite();
  return useMutation({ mutationFn: ({ id, ...input }: DecisionInput & { id: string }) => post<EnrolmentView>(`/enrolments/${id}/approval`, input), onSuccess: done });
}

/** What an approval link decides. Reading it spends nothing: only the button's POST decides. */
export function useApprovalLink(token: string) {
  return useQuery({
    queryKey: enrolmentKeys.link(token),
    queryFn: ({ signal }) => get<ApprovalLinkView>(`/approvals/${encodeURIComponent(token)}`, undefined, signal),
    retry: noRetryOnRefusal,
    staleTime: Infinity,
  });
}

export function useDecideByLink(token: string) {
  return useMutation({ mutationFn: (input: DecisionInput) => post<ApprovalOutcomeView>(`/approvals/${encodeURIComponent(token)}`, input) });
}

/** The learner's answers given later, e.g. after a nomination (CA-4). */
export function useAnswerAudience() {
  const done = useAfterWrite();
  return useMutation({ mutationFn: ({ id, ...input }: AudienceAnswersInput & { id: string }) => put<EnrolmentView>(`/enrolments/${id}/audience`, input), onSuccess: done });
}

/** A coordinator moves an applicant to a better offering, with a message (CA-4). */
export function useRedirect() {
  const done = useAfterWrite();
  return useMutation({ mutationFn: ({ id, ...input }: RedirectInput & { id: string }) => post<EnrolmentView>(`/enrolments/${id}/redirect`, input), onSuccess: done });
}
