import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, isApiProblem, post, put } from '../../app/web/api';
import type { ClosePlanInput, PlanSummary, PlanView, StartableView, UpdatePlanInput } from '../retention-schemas';

// The retention pages (AF-6) read the same schemas the server answers with.
export type { PlanSummary, PlanView, StartableView };

export const retentionKeys = {
  all: ['retention'] as const,
  list: (scope: 'mine' | 'team') => ['retention', 'list', scope] as const,
  startable: ['retention', 'startable'] as const,
  plan: (id: string) => ['retention', 'plan', id] as const,
};

const noRetryOnRefusal = (count: number, error: unknown) => !(isApiProblem(error) && error.status >= 400 && error.status < 500) && count < 2;

export function usePlans(scope: 'mine' | 'team') {
  return useQuery({ queryKey: retentionKeys.list(scope), queryFn: ({ signal }) => get<PlanSummary[]>('/retention-plans', { scope }, signal) });
}

export function useStartable() {
  return useQuery({ queryKey: retentionKeys.startable, queryFn: ({ signal }) => get<StartableView[]>('/retention-plans/startable', undefined, signal) });
}

export function usePlan(id: string) {
  return useQuery({ queryKey: retentionKeys.plan(id), queryFn: ({ signal }) => get<PlanView>(`/retention-plans/${encodeURIComponent(id)}`, undefined, signal), retry: noRetryOnRefusal });
}

export function useStartPlan() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (enrolmentId: string) => post<PlanView>(`/enrolments/${encodeURIComponent(enrolmentId)}/retention-plan`),
    onSuccess: (plan) => {
      client.setQueryData(retentionKeys.plan(plan.id), plan);
      void client.invalidateQueries({ queryKey: retentionKeys.all });
    },
  });
}

export function useSavePlan(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdatePlanInput) => put<PlanView>(`/retention-plans/${encodeURIComponent(id)}`, input),
    onSuccess: (plan) => client.setQueryData(retentionKeys.plan(id), plan),
  });
}

export function useClosePlan(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ClosePlanInput) => post<PlanView>(`/retention-plans/${encodeURIComponent(id)}/close`, input),
    onSuccess: (plan) => {
      client.setQueryData(retentionKeys.plan(id), plan);
      void client.invalidateQueries({ queryKey: ['retention', 'list'] });
    },
  });
}

/** The plan's words for things, shared by the editor and the print view. */
export const kindLabels: Record<PlanView['objectives'][number]['actions'][number]['kind'], string> = {
  apply_on_the_job: 'Apply on the job',
  practice: 'Practice',
  job_aid: 'Job aid',
  coaching: 'Coaching',
  mentoring: 'Mentoring',
  additional_training: 'Additional training',
};
export const ownerLabels = { learner: 'Learner', supervisor: 'Supervisor' } as const;

export function formatDay(day: string | null): string {
  if (!day) return '—';
  return new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}
