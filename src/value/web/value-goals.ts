// The strategic goals the dashboard can filter by. They are kept by the requests capability (RQ-7);
// until it offers them, the filter is shown empty rather than hidden, so readers know it exists.
export type GoalOption = { value: string; label: string };

export function useGoalOptions(): GoalOption[] {
  return [];
}
