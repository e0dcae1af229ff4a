import { compareItems, compareText } from '../catalog/compare-course-snapshots';
import { checkSubjectLabels } from './standard-kinds';
import { partnerKindLabels, type StandardContent } from './standard-content';
import type { StandardChange } from './standard-views';

// What a version of a standard changed against the one before (ST-1), in words its page shows.
// Sections, stages and checklist items are matched by id, as course objectives are, so a reworded
// item reads as changed; the catalog's comparison does the matching.

type Section = StandardContent['sections'][number];
type Item = StandardContent['checklist'][number];
type Stage = Extract<StandardContent, { kind: 'design-model' }>['stages'][number];
type Elearning = Extract<StandardContent, { kind: 'style-guide' }>['elearning'];

const sectionText = (s: Section) => `${s.heading}\n${s.body}`;
const itemText = (i: Item) => `${i.text} (${i.appliesTo.map((t) => checkSubjectLabels[t].toLowerCase()).join(', ')})`;
const stageText = (s: Stage) =>
  [
    s.name,
    s.purpose,
    s.deliverables.length ? `Deliverables: ${s.deliverables.join('; ')}` : 'No deliverables',
    s.smeTaskAnalysis ? 'Subject-matter experts help with task analysis' : '',
    s.requiredSignOffs.length ? `Signed off by: ${s.requiredSignOffs.map((k) => partnerKindLabels[k]).join(', ')}` : 'No sign-off required',
  ]
    .filter(Boolean)
    .join('\n');

const stagesOf = (c: StandardContent): Stage[] => (c.kind === 'design-model' ? c.stages : []);
const elearningOf = (c: StandardContent): Elearning | undefined => (c.kind === 'style-guide' ? c.elearning : undefined);

function compareElearning(before: Elearning | undefined, after: Elearning | undefined): StandardChange[] {
  const fields: [string, string, (e: Elearning) => string][] = [
    ['accessibilityLevel', 'Accessibility level', (e) => e.accessibilityLevel],
    ['packageFormats', 'Package formats', (e) => e.packageFormats.join(', ')],
    ['maxPackageMb', 'Largest package', (e) => `${e.maxPackageMb} MB`],
    ['maxVideoMb', 'Largest video', (e) => `${e.maxVideoMb} MB`],
    ['maxImageKb', 'Largest image', (e) => `${e.maxImageKb} KB`],
    ['captionsRequired', 'Captions on every video', (e) => (e.captionsRequired ? 'Required' : 'Not required')],
  ];
  return fields.flatMap(([field, label, text]) => compareText(`elearning.${field}`, label, before ? text(before) : '', after ? text(after) : ''));
}

export function compareStandardVersions(before: StandardContent, after: StandardContent): StandardChange[] {
  return [
    ...compareText('summary', 'Summary', before.summary, after.summary),
    ...compareItems('stages', 'Stage', stagesOf(before), stagesOf(after), stageText),
    ...compareItems('sections', 'Section', before.sections, after.sections, sectionText),
    ...compareElearning(elearningOf(before), elearningOf(after)),
    ...compareItems('checklist', 'Checklist item', before.checklist, after.checklist, itemText),
  ];
}
