import type { CourseChange, CourseSnapshot } from './course-schemas';

// What one revision of a course changed against the one before, field by field, in words the
// revision history can show (CA-1). Objectives are matched by id, so a reworded objective reads as
// reworded, not as one removed and another added; interests and audience units by id too.

const formatNames: Record<CourseSnapshot['format'], string> = { classroom: 'Classroom', virtual: 'Virtual', 'e-learning': 'E-learning', blended: 'Blended' };

function duration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return [h ? `${h} h` : '', m ? `${m} min` : ''].filter(Boolean).join(' ') || '0 min';
}

type Scalar = { field: string; label: string; text: (s: CourseSnapshot) => string };

const scalars: Scalar[] = [
  { field: 'code', label: 'Code', text: (s) => s.code },
  { field: 'status', label: 'Status', text: (s) => s.status },
  { field: 'title', label: 'Title', text: (s) => s.title },
  { field: 'summary', label: 'Summary', text: (s) => s.summary },
  { field: 'description', label: 'Description', text: (s) => s.description },
  { field: 'audience', label: 'Audience', text: (s) => s.audience },
  { field: 'prerequisites', label: 'Prerequisites', text: (s) => s.prerequisites },
  { field: 'format', label: 'Format', text: (s) => formatNames[s.format] },
  { field: 'durationMinutes', label: 'Duration', text: (s) => duration(s.durationMinutes) },
  { field: 'languages', label: 'Languages', text: (s) => s.languages.join(', ') },
  { field: 'contactPerson', label: 'Contact person', text: (s) => s.contactPerson.name },
  { field: 'contactPhone', label: 'Contact phone', text: (s) => s.contactPhone ?? '' },
  // Snapshots from before these fields existed read as the defaults the column had then.
  { field: 'completionMinPercent', label: 'Completion: share of days attended', text: (s) => `${s.completionMinPercent ?? 100} %` },
  { field: 'followUpDays', label: 'Follow-up after', text: (s) => `${s.followUpDays ?? 30} days` },
  { field: 'followUpAnonymous', label: 'Follow-up answers to the instructor', text: (s) => (s.followUpAnonymous ? 'Without names' : 'With names') },
];

export function compareText(field: string, label: string, before: string, after: string): CourseChange[] {
  if (before === after) return [];
  if (before === '') return [{ field, label, change: 'added', after }];
  if (after === '') return [{ field, label, change: 'removed', before }];
  return [{ field, label, change: 'changed', before, after }];
}

export function compareItems<T extends { id: string }>(field: string, what: string, before: T[], after: T[], textOf: (item: T) => string): CourseChange[] {
  const old = new Map(before.map((item) => [item.id, item]));
  const now = new Map(after.map((item) => [item.id, item]));
  const changes: CourseChange[] = [];
  for (const item of after) {
    const was = old.get(item.id);
    if (!was) changes.push({ field: `${field}.${item.id}`, label: `${what} added`, change: 'added', after: textOf(item) });
    else if (textOf(was) !== textOf(item)) changes.push({ field: `${field}.${item.id}`, label: `${what} changed`, change: 'changed', before: textOf(was), after: textOf(item) });
  }
  for (const item of before) {
    if (!now.has(item.id)) changes.push({ field: `${field}.${item.id}`, label: `${what} removed`, change: 'removed', before: textOf(item) });
  }
  return changes;
}

const numbered = (objectives: CourseSnapshot['objectives']) => objectives.map((o, i) => `${i + 1}. ${o.text}`).join('\n');

function compareObjectives(before: CourseSnapshot['objectives'], after: CourseSnapshot['objectives']): CourseChange[] {
  const changes = compareItems('objectives', 'Objective', before, after, (o) => o.text);
  // Same objectives, another order: the list says so once.
  const kept = (list: CourseSnapshot['objectives'], other: CourseSnapshot['objectives']) => list.filter((o) => other.some((x) => x.id === o.id)).map((o) => o.id).join(',');
  if (kept(before, after) !== kept(after, before)) changes.push({ field: 'objectives.order', label: 'Objectives reordered', change: 'changed', before: numbered(before), after: numbered(after) });
  return changes;
}

/** Everything `after` changes against `before`; without a `before` (revision 1) everything is added. */
export function compareCourseSnapshots(before: CourseSnapshot | undefined, after: CourseSnapshot): CourseChange[] {
  return [
    ...scalars.flatMap(({ field, label, text }) => compareText(field, label, before ? text(before) : '', text(after))),
    ...compareObjectives(before?.objectives ?? [], after.objectives),
    ...compareItems('interests', 'Interest', before?.interests ?? [], after.interests, (i) => i.name),
    ...compareItems('audienceBusinessUnits', 'Business unit in the audience', before?.audienceBusinessUnits ?? [], after.audienceBusinessUnits, (u) => u.name),
  ];
}
