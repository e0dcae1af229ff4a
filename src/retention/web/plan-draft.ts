import type { UpdatePlanInput } from '../retention-schemas';
import type { PlanView } from './retention-api';

// What the plan editor holds while someone types (AF-6): every action and check-in as form rows,
// in the order they are saved, each with a key the page can render by before the server gives it
// an id. Errors from the server (`actions.3.description`, `objectives.<id>`) map onto these rows.

type Action = PlanView['otherActions'][number];
export type ActionRow = Omit<Action, 'id' | 'dueOn'> & { key: string; id?: string; dueOn: string };
export type CheckInRow = { key: string; id?: string; dueOn: string; held: boolean; note: string; reminded: boolean };
export type Draft = { actions: ActionRow[]; checkIns: CheckInRow[] };

let counter = 0;
export const newKey = () => `new-${++counter}`;

export function draftOf(plan: PlanView): Draft {
  const actions = [...plan.objectives.flatMap((o) => o.actions), ...plan.otherActions].map((a) => ({ ...a, key: a.id, dueOn: a.dueOn ?? '' }));
  const checkIns = plan.checkIns.map((c) => ({ key: c.id, id: c.id, dueOn: c.dueOn, held: c.held, note: c.note ?? '', reminded: c.reminded }));
  return { actions, checkIns };
}

export function inputOf(draft: Draft, revision: number): UpdatePlanInput {
  return {
    revision,
    actions: draft.actions.map((a) => ({ ...(a.id ? { id: a.id } : {}), objectiveId: a.objectiveId, kind: a.kind, description: a.description, owner: a.owner, dueOn: a.dueOn || null, done: a.done })),
    checkIns: draft.checkIns.map((c) => ({ ...(c.id ? { id: c.id } : {}), dueOn: c.dueOn, held: c.held, note: c.note.trim() || null })),
  };
}

/** Whether the draft differs from the saved plan (what the tab-close warning guards). */
export const isDirty = (draft: Draft, plan: PlanView) => JSON.stringify(inputOf(draft, 0)) !== JSON.stringify(inputOf(draftOf(plan), 0));

export const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
