import { useGoals } from '../../requests/web/portfolio-api';

// The strategic goals the dashboard can filter by, kept by the requests capability (RQ-7). Retired
// goals stay: the requests that served them are still in past periods.
export type GoalOption = { value: string; label: string };

export function useGoalOptions(): GoalOption[] {
  const goals = useGoals();
  return (goals.data?.items ?? []).map((g) => ({ value: g.id, label: g.active ? g.title : `${g.title} (retired)` }));
}
