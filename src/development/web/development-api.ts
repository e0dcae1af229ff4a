import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, isApiProblem, post, put } from '../../app/web/api';
import type { BoardView, CloseStageInput, CommentInput, CreateProjectInput, DecisionInput, InvitePartnerInput, ProjectDetailView, ReleasePlanInput, StagePlanInput } from '../development-schemas';
import type { AnswerProblemInput, CourseProblemSummary, FixProblemInput, ProblemReportView, ReportProblemInput } from '../problem-schemas';

// The development pages (DV-1, DV-2, DV-4) read the schemas the server answers with.
export type Project = ProjectDetailView;
export type Stage = Project['stages'][number];

export const isNotFound = (error: unknown) => isApiProblem(error) && (error.status === 404 || error.status === 400);
const at = (id: string) => `/development-projects/${encodeURIComponent(id)}`;

export const useBoard = () => useQuery({ queryKey: ['development', 'board'], queryFn: ({ signal }) => get<BoardView>('/development-board', undefined, signal) });

export function useProject(id: string | undefined) {
  return useQuery({
    queryKey: ['development', 'project', id ?? ''],
    queryFn: ({ signal }) => get<Project>(at(id ?? ''), undefined, signal),
    enabled: !!id,
    retry: (count, error) => !isNotFound(error) && count < 2,
  });
}

/** Every project write answers with the whole project, which replaces the cached one. */
function useProjectWrite<I>(write: (input: I) => Promise<Project>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (saved) => {
      client.setQueryData(['development', 'project', saved.id], saved);
      void client.invalidateQueries({ queryKey: ['development', 'board'] });
    },
  });
}

export const useCreateProject = () => useProjectWrite((input: CreateProjectInput) => post<Project>('/development-projects', input));
export const useSaveReleasePlan = (id: string) => useProjectWrite((input: ReleasePlanInput) => put<Project>(`${at(id)}/release-plan`, input));
const stage = (id: string, stageId: string, what = '') => `${at(id)}/stages/${encodeURIComponent(stageId)}${what}`;
export const usePlanStage = (id: string, stageId: string) => useProjectWrite((input: StagePlanInput) => put<Project>(stage(id, stageId), input));
export const useInvitePartner = (id: string, stageId: string) => useProjectWrite((input: InvitePartnerInput) => post<Project>(stage(id, stageId, '/partners'), input));
export const useComment = (id: string, stageId: string) => useProjectWrite((input: CommentInput) => post<Project>(stage(id, stageId, '/comments'), input));
export const useDecide = (id: string, stageId: string) => useProjectWrite((input: DecisionInput) => post<Project>(stage(id, stageId, '/decision'), input));
export const useCloseStage = (id: string, stageId: string) => useProjectWrite((input: CloseStageInput) => post<Project>(stage(id, stageId, '/close'), input));
export const commentFileUrl = (id: string, commentId: string, fileId: string) => `/api/v1${at(id)}/comments/${encodeURIComponent(commentId)}/files/${encodeURIComponent(fileId)}`;

// Problem reports (DV-4).
const report = (id: string) => `/problem-reports/${encodeURIComponent(id)}`;
export const useMyProblemReports = () => useQuery({ queryKey: ['problem-reports', 'mine'], queryFn: ({ signal }) => get<{ items: ProblemReportView[] }>('/problem-reports/mine', undefined, signal) });
export const useProblemQueue = (state: 'open' | 'all') => useQuery({ queryKey: ['problem-reports', 'queue', state], queryFn: ({ signal }) => get<{ items: ProblemReportView[] }>('/problem-reports', { state }, signal) });
export const useCourseProblems = (courseId: string, enabled: boolean) =>
  useQuery({ queryKey: ['problem-reports', 'course', courseId], queryFn: ({ signal }) => get<CourseProblemSummary>(`/courses/${encodeURIComponent(courseId)}/problem-reports`, undefined, signal), enabled });
export function useProblemReport(id: string | undefined) {
  return useQuery({ queryKey: ['problem-reports', 'one', id ?? ''], queryFn: ({ signal }) => get<ProblemReportView>(report(id ?? ''), undefined, signal), enabled: !!id, retry: (count, error) => !isNotFound(error) && count < 2 });
}
function useReportWrite<I>(write: (input: I) => Promise<ProblemReportView>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (saved) => {
      client.setQueryData(['problem-reports', 'one', saved.id], saved);
      void client.invalidateQueries({ queryKey: ['problem-reports'] });
    },
  });
}
export const useReportProblem = (courseId: string) => useReportWrite((input: ReportProblemInput) => post<ProblemReportView>(`/courses/${encodeURIComponent(courseId)}/problem-reports`, input));
export const useTriageProblem = (id: string) => useReportWrite((input: { ownerId: string }) => post<ProblemReportView>(`${report(id)}/triage`, input));
export const useAnswerProblem = (id: string) => useReportWrite((input: AnswerProblemInput) => post<ProblemReportView>(`${report(id)}/answer`, input));
export const useFixProblem = (id: string) => useReportWrite((input: FixProblemInput) => post<ProblemReportView>(`${report(id)}/fix`, input));
