import type { CourseFormat } from '../catalog-values';
import type { CourseDetailView } from '../course-schemas';
import { languageName } from './catalog-format';
import { newObjective, type ObjectiveDraft } from './objectives-editor';

// What the course editor holds, how it comes from a course and goes to the API, and what its
// errors are called.

export type CourseFormValues = {
  code: string;
  title: string;
  summary: string;
  description: string;
  audience: string;
  prerequisites: string;
  format: CourseFormat;
  durationMinutes: number | string;
  languages: string[];
  contactPersonId: string | null;
  contactPhone: string;
  objectives: ObjectiveDraft[];
  interestIds: string[];
  audienceBusinessUnitIds: string[];
  completionMinPercent: number | string;
  followUpDays: number | string;
  followUpAnonymous: boolean;
};

export function blankCourse(contactPersonId: string): CourseFormValues {
  return {
    code: '',
    title: '',
    summary: '',
    description: '',
    audience: '',
    prerequisites: '',
    format: 'classroom',
    durationMinutes: '',
    languages: ['en'],
    contactPersonId,
    contactPhone: '',
    objectives: [newObjective()],
    interestIds: [],
    audienceBusinessUnitIds: [],
    completionMinPercent: 100,
    followUpDays: 30,
    followUpAnonymous: false,
  };
}

export function valuesFromCourse(course: CourseDetailView): CourseFormValues {
  return {
    code: course.code,
    title: course.title,
    summary: course.summary,
    description: course.description,
    audience: course.audience,
    prerequisites: course.prerequisites,
    format: course.format,
    durationMinutes: course.durationMinutes,
    languages: course.languages,
    contactPersonId: course.contact.id,
    contactPhone: course.contact.phone ?? '',
    objectives: course.objectives.map((o) => newObjective(o.text, o.id)),
    interestIds: course.interests.map((i) => i.id),
    audienceBusinessUnitIds: course.audienceBusinessUnits.map((u) => u.id),
    completionMinPercent: course.completionMinPercent,
    followUpDays: course.followUpDays,
    followUpAnonymous: course.followUpAnonymous,
  };
}

/** The body the API takes (before the schema's own trimming and checks). */
export function courseInput(values: CourseFormValues) {
  const { code: _code, ...rest } = values;
  return {
    ...rest,
    durationMinutes: values.durationMinutes === '' ? undefined : Number(values.durationMinutes),
    contactPersonId: values.contactPersonId ?? '',
    contactPhone: values.contactPhone.trim() || null,
    objectives: values.objectives.map((o) => (o.id ? { id: o.id, text: o.text } : { text: o.text })),
    // An emptied number box is sent as NaN so the schema says what is missing rather than keeping the old value.
    completionMinPercent: values.completionMinPercent === '' ? Number.NaN : Number(values.completionMinPercent),
    followUpDays: values.followUpDays === '' ? Number.NaN : Number(values.followUpDays),
  };
}

/** The input that shows a message about `path` (from the schema or the server). */
export function courseFieldOf(path: string): string {
  const objective = /^objectives\.(\d+)(?:\.|$)/.exec(path);
  if (objective) return `objectives.${objective[1]}.text`;
  return path.split('.')[0] ?? path;
}

const labels: Record<string, string> = {
  code: 'Code',
  title: 'Title',
  summary: 'Summary',
  description: 'Description',
  audience: 'Who it is for',
  prerequisites: 'Prerequisites',
  format: 'Format',
  durationMinutes: 'Duration',
  languages: 'Languages',
  contactPersonId: 'Contact person',
  contactPhone: 'Contact phone',
  objectives: 'Objectives',
  interestIds: 'Interests',
  audienceBusinessUnitIds: 'Business units',
  completionMinPercent: 'Days to attend',
  followUpDays: 'Follow-up after',
  followUpAnonymous: 'Follow-up answers',
  revision: 'Revision',
};

export function courseFieldLabel(path: string): string {
  const objective = /^objectives\.(\d+)/.exec(path);
  if (objective) return `Objective ${Number(objective[1]) + 1}`;
  return labels[path] ?? path;
}

/** Languages offered in the editor: common ones, and whatever the course already has. */
const commonLanguages = ['en', 'en-GB', 'en-US', 'pt', 'pt-PT', 'pt-BR', 'es', 'es-ES', 'es-MX', 'fr', 'fr-CA', 'de', 'it', 'nl', 'pl', 'ro', 'sv', 'da', 'nb', 'fi', 'cs', 'el', 'hu', 'tr', 'ru', 'uk', 'ar', 'he', 'hi', 'zh', 'ja', 'ko', 'vi', 'th', 'id', 'ms', 'tl', 'sw'];

export function languageOptions(current: readonly string[]): { value: string; label: string }[] {
  const tags = [...new Set([...current, ...commonLanguages])];
  return tags.map((tag) => ({ value: tag, label: `${languageName(tag)} (${tag})` })).sort((a, b) => a.label.localeCompare(b.label));
}
