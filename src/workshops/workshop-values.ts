// The customer experience workshop (CX-1..4) as a guided process: each step has one job, and the
// workshop moves on only when that job is done (workshop-steps.ts says what is missing).
export const workshopSteps = ['prepare', 'map', 'analyse', 'harvest', 'act', 'done'] as const;
export type WorkshopStep = (typeof workshopSteps)[number];

export const workshopStepLabels: Record<WorkshopStep, { title: string; job: string }> = {
  prepare: { title: 'Prepare', job: 'Whose customers, what for, when, and who takes part.' },
  map: { title: 'Moments of truth', job: 'Every point where a customer meets the business unit, in the order the customer lives them (CX-1).' },
  analyse: { title: 'Analyse each moment', job: 'What happens now, what should happen, the standards and measures there are or are needed, and what the customer would not pay for (CX-2).' },
  harvest: { title: 'Harvest', job: 'Improvement opportunities, training or not; real stories; the organization’s own words for the glossary (CX-3).' },
  act: { title: 'Act and report', job: 'Turn opportunities into requests and hand out the report (CX-4).' },
  done: { title: 'Done', job: 'The workshop is finished; its report stands as it was agreed.' },
};

// What an improvement opportunity would change. Training is one kind among many (seed 004): the
// workshop names the lever, and the request that follows diagnoses it properly.
export const opportunityKinds = ['training', 'procedure', 'role', 'tools', 'standard_or_measure', 'management', 'remove_waste', 'other'] as const;
export type OpportunityKind = (typeof opportunityKinds)[number];

export const opportunityKindLabels: Record<OpportunityKind, string> = {
  training: 'Training',
  procedure: 'Procedure',
  role: 'Role clarity',
  tools: 'Tools or resources',
  standard_or_measure: 'Standard or measure',
  management: 'Management, feedback or incentives',
  remove_waste: 'Remove a non-value-added activity',
  other: 'Something else',
};
