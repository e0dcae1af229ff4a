import type { StepGap } from './workshop-schemas';
import { workshopSteps, type WorkshopStep } from './workshop-values';

// The guided process (CX-1..4): what each step must hold before the workshop moves past it. Pure,
// so the page shows the same checklist the server enforces when the step changes.

export type WorkshopContent = {
  purpose: string;
  participants: readonly unknown[];
  moments: readonly { name: string; happensNow: string; shouldHappen: string }[];
  opportunities: readonly unknown[];
};

const filled = (s: string) => s.trim().length > 0;

export function gapsOf(step: WorkshopStep, w: WorkshopContent): StepGap[] {
  switch (step) {
    case 'prepare':
      return [
        ...(filled(w.purpose) ? [] : [{ field: 'purpose', message: 'Say what the workshop is for: the service pain the unit was called about.' }]),
        ...(w.participants.length >= 2 ? [] : [{ field: 'participants', message: 'Invite at least two participants: the people who live the customer’s journey.' }]),
      ];
    case 'map':
      return w.moments.length ? [] : [{ field: 'moments', message: 'Map at least one moment of truth, where a customer meets the business unit.' }];
    case 'analyse':
      return w.moments.flatMap((m, i) => [
        ...(filled(m.happensNow) ? [] : [{ field: `moments.${i}.happensNow`, message: `Say what happens now at “${m.name}”.` }]),
        ...(filled(m.shouldHappen) ? [] : [{ field: `moments.${i}.shouldHappen`, message: `Say what should happen at “${m.name}”.` }]),
      ]);
    case 'harvest':
      return w.opportunities.length ? [] : [{ field: 'opportunities', message: 'Harvest at least one improvement opportunity, training or not.' }];
    case 'act':
    case 'done':
      return [];
  }
}

export function allGaps(w: WorkshopContent): Record<WorkshopStep, StepGap[]> {
  return Object.fromEntries(workshopSteps.map((s) => [s, gapsOf(s, w)])) as Record<WorkshopStep, StepGap[]>;
}

/** The gaps that stand between the current step and `target`: every step passed on the way must be complete. */
export function gapsBefore(target: WorkshopStep, w: WorkshopContent): StepGap[] {
  return workshopSteps.slice(0, workshopSteps.indexOf(target)).flatMap((s) => gapsOf(s, w));
}
