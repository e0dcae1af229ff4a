import { z } from 'zod';
import { checkSubjectTypes, standardKinds, type StandardKind } from './standard-kinds';

// A standard's content as its editor writes it and everyone reads it (ST-1), with its checklist
// (ST-2). Shared by the editor page (its field errors) and the server (its 400 problems).
// Sections, stages and checklist items keep stable ids across versions so "what changed" can say
// "reworded" rather than "removed and added", and checks and projects can point at them.

const id = z
  .string()
  .trim()
  .regex(/^[a-z0-9-]{1,40}$/, 'Use lower-case letters, digits and dashes (40 at most).');
const line = (what: string, max = 200) => z.string().trim().min(1, `${what} is required.`).max(max, `${what} is too long (${max} characters at most).`);
const prose = (what: string, max = 5000) => z.string().trim().max(max, `${what} is too long (${max.toLocaleString('en')} characters at most).`);

export const standardSection = z.object({ id: id.optional(), heading: line('A heading'), body: prose('The text').min(1, 'Write what this part says.') });

export const partnerKinds = ['sme', 'customer-partner'] as const;
export type PartnerKind = (typeof partnerKinds)[number];
export const partnerKindLabels: Record<PartnerKind, string> = { sme: 'Subject-matter expert', 'customer-partner': 'Customer-partner' };

export const designStage = z.object({
  id: id.optional(),
  name: line('A stage name', 80),
  purpose: prose('The purpose', 2000).min(1, 'Say what the stage is for.'),
  deliverables: z.array(line('A deliverable', 200)).max(20, 'Twenty deliverables per stage at most.'),
  /** SMEs help with task analysis (ST-1): the stage where they do is marked. */
  smeTaskAnalysis: z.boolean(),
  /** Who must sign the stage off before it closes (DV-2). */
  requiredSignOffs: z.array(z.enum(partnerKinds)).max(2),
});

export const accessibilityLevels = ['WCAG 2.2 A', 'WCAG 2.2 AA', 'WCAG 2.2 AAA'] as const;
export const packageFormats = ['SCORM 1.2', 'SCORM 2004', 'xAPI', 'cmi5', 'HTML5'] as const;

const size = (what: string, max: number) =>
  z.number(`${what} must be a number.`).int(`${what} must be a whole number.`).min(1, `${what} must be at least 1.`).max(max, `${what} can be ${max.toLocaleString('en')} at most.`);

export const elearningRequirements = z.object({
  accessibilityLevel: z.enum(accessibilityLevels, 'Choose an accessibility level.'),
  packageFormats: z.array(z.enum(packageFormats)).min(1, 'Accept at least one package format.'),
  maxPackageMb: size('The package size', 10_000),
  maxVideoMb: size('A video’s size', 10_000),
  maxImageKb: size('An image’s size', 100_000),
  captionsRequired: z.boolean(),
});
export type ElearningRequirements = z.infer<typeof elearningRequirements>;

export const checklistItem = z.object({
  id: id.optional(),
  text: line('A checklist item', 300),
  appliesTo: z.array(z.enum(checkSubjectTypes)).min(1, 'Say what the item is checked on: a course, a session or a deliverable.'),
});

const common = {
  summary: prose('The summary', 1000).min(1, 'Say in a sentence or two what the standard is for.'),
  sections: z.array(standardSection).max(40, 'Forty sections at most.'),
  checklist: z.array(checklistItem).min(1, 'A standard needs at least one checklist item to check work against (ST-2).').max(100, 'A hundred checklist items at most.'),
};

export const standardContent = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('design-model'),
    ...common,
    stages: z
      .array(designStage)
      .min(2, 'A design model has at least two stages.')
      .max(12, 'Twelve stages at most.')
      .refine((stages) => stages.some((s) => s.smeTaskAnalysis), 'Mark the stage where subject-matter experts help with task analysis.'),
  }),
  z.object({ kind: z.literal('delivery-methodology'), ...common }),
  z.object({ kind: z.literal('style-guide'), ...common, elearning: elearningRequirements }),
]);
export type StandardContentInput = z.input<typeof standardContent>;
export type StandardContentParsed = z.output<typeof standardContent>;

type WithIds<T> = T extends { id?: string } ? Omit<T, 'id'> & { id: string } : T;
type Stored<C> = { [K in keyof C]: C[K] extends (infer U)[] ? WithIds<U>[] : C[K] };
/** As stored: every section, stage and item has its id. */
export type StandardContent = Stored<StandardContentParsed> & { kind: StandardKind };
export type DesignStage = WithIds<z.output<typeof designStage>>;
export type ChecklistItem = WithIds<z.output<typeof checklistItem>>;

export const standardDraftInput = z.object({
  content: standardContent,
  changeSummary: prose('The change summary', 1000),
});
export type StandardDraftInput = z.input<typeof standardDraftInput>;

export const kindParam = z.object({ kind: z.enum(standardKinds, 'Unknown standard.') });
