import { z } from 'zod';
import { isoDate, pageOf } from '../platform/http/common-schemas';
import { courseFormats, courseStatuses, revisionActions } from './catalog-values';
import { languageSchema } from './language-schema';
import { sessionView } from './session-schemas';

// Shared by the catalog pages' editor (next) and the server's checks (CA-1).

export const courseCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .min(2, 'The code has at least 2 characters, such as CC-101.')
  .max(20, 'The code has at most 20 characters.')
  .regex(/^[A-Z0-9]+(?:-[A-Z0-9]+)*$/, 'Use letters, digits and single hyphens, such as CC-101.');

const text = (what: string, max: number) => z.string().trim().min(1, `${what} is required.`).max(max, `${what} is too long (${max.toLocaleString('en')} characters at most).`);

const words = (value: string) => value.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

export const objectiveText = z
  .string()
  .trim()
  .min(1, 'Write the objective.')
  .max(500, 'The objective is too long (500 characters at most).')
  .refine((value) => value.length === 0 || words(value) >= 3, 'Write the objective as a sentence saying what the learner will be able to do, such as "Given a complaint, write a reply that…".');

export const objectiveInput = z.object({
  /** The objective's id when it is one the course already has (kept through edits). */
  id: z.uuid('Must be a valid id.').optional(),
  text: objectiveText,
});

/** A list without repeats; `uniqueItems` tells the OpenAPI document (and the fuzzer) so. */
const uniqueIds = (what: string, max: number) =>
  z
    .array(z.uuid('Must be a valid id.'))
    .max(max, `At most ${max} ${what}s.`)
    .refine((ids) => new Set(ids).size === ids.length, `Each ${what} once.`)
    .meta({ uniqueItems: true })
    .default([]);

const courseFields = {
  title: text('The title', 200),
  summary: text('The summary', 500),
  description: text('The description', 20_000),
  audience: text('The audience', 2000),
  prerequisites: z.string().trim().max(2000, 'The prerequisites are too long (2,000 characters at most).').default(''),
  format: z.enum(courseFormats, 'Choose classroom, virtual, e-learning or blended.'),
  durationMinutes: z.number('The duration is a number of minutes.').int('The duration is a whole number of minutes.').min(1, 'The duration is at least one minute.').max(60_000, 'The duration is at most 60,000 minutes.'),
  languages: z
    .array(languageSchema)
    .min(1, 'Give the language the course is taught in.')
    .max(10, 'At most 10 languages.')
    .refine((tags) => new Set(tags).size === tags.length, 'Each language once.')
    .meta({ uniqueItems: true }),
  contactPersonId: z.uuid('Choose the contact person.'),
  contactPhone: z.string().trim().min(3, 'The phone number is too short.').max(50, 'The phone number is too long.').regex(/^[+0-9 ()./-]+(?: ?(?:x|ext\.?) ?[0-9]+)?$/, 'Use digits, spaces and + ( ) - only.').nullable().optional(),
  objectives: z
    .array(objectiveInput)
    .min(1, 'Give at least one objective: what the learner will be able to do after the course.')
    .max(20, 'At most 20 objectives; a course that promises more promises too much.'),
  interestIds: uniqueIds('interest', 20),
  audienceBusinessUnitIds: uniqueIds('business unit', 50),
  // After the event (AF-1, AF-4). Optional: a new course takes the database defaults (100 %, 30
  // days, named) and an edit that leaves one out keeps what the course has.
  completionMinPercent: z
    .number('The share of days is a number of percent.')
    .int('The share of days is a whole number of percent.')
    .min(1, 'The share of days is at least 1 %.')
    .max(100, 'The share of days is at most 100 % (every day).')
    .optional(),
  followUpDays: z
    .number('The follow-up delay is a number of days.')
    .int('The follow-up delay is a whole number of days.')
    .min(1, 'The follow-up comes at least 1 day after completion.')
    .max(365, 'The follow-up comes at most 365 days after completion.')
    .optional(),
  followUpAnonymous: z.boolean('Say whether follow-up answers reach the instructor without names.').optional(),
};

/** Two objectives with the same text, or the same id twice, are one objective said twice. */
function checkObjectives(value: { objectives: { id?: string; text: string }[] }, ctx: z.RefinementCtx): void {
  const texts = new Set<string>();
  const ids = new Set<string>();
  value.objectives.forEach((objective, i) => {
    const key = objective.text.toLowerCase().replace(/\s+/g, ' ');
    if (texts.has(key)) ctx.addIssue({ code: 'custom', path: ['objectives', i, 'text'], message: 'This objective is already listed.' });
    texts.add(key);
    if (objective.id && ids.has(objective.id)) ctx.addIssue({ code: 'custom', path: ['objectives', i, 'id'], message: 'This objective is already listed.' });
    if (objective.id) ids.add(objective.id);
  });
}

export const createCourseInput = z.object({ code: courseCodeSchema, ...courseFields }).superRefine(checkObjectives);
export type CreateCourseInput = z.infer<typeof createCourseInput>;

export const revisionNumber = z.number('Send the revision you edited.').int('The revision is a whole number.').min(1, 'The revision is a whole number from 1.').max(2_147_483_647, 'No course has that many revisions.');

export const updateCourseInput = z.object({ revision: revisionNumber, ...courseFields }).superRefine(checkObjectives);
export type UpdateCourseInput = z.infer<typeof updateCourseInput>;
export type CourseContentInput = Omit<UpdateCourseInput, 'revision'>;

export const courseStatusChange = z.object({ revision: revisionNumber });

export const listCoursesQuery = z.object({
  q: z.string().trim().max(200, 'The search is too long (200 characters at most).').optional(),
  format: z.enum(courseFormats).optional(),
  businessUnitId: z.uuid('Must be a valid id.').optional(),
  language: languageSchema.optional(),
  interest: z.string().trim().max(60).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** Editors only: drafts and retired courses; everyone else sees published courses. */
  status: z.enum(courseStatuses).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListCoursesQuery = z.infer<typeof listCoursesQuery>;

export const revisionParams = z.object({
  id: z.uuid('Must be a valid id.'),
  revision: z.coerce.number({ error: 'The revision is a whole number from 1.' }).int('The revision is a whole number from 1.').min(1, 'The revision is a whole number from 1.').max(2_147_483_647, 'No course has that many revisions.'),
});

// ---- What the API answers with -------------------------------------------------------------------

const personRef = z.object({ id: z.uuid(), name: z.string() });
export const interestView = z.object({ id: z.uuid(), key: z.string(), name: z.string(), description: z.string() }).meta({ id: 'Interest' });
export type InterestView = z.infer<typeof interestView>;
const interestRef = interestView.pick({ id: true, key: true, name: true });
const unitRef = z.object({ id: z.uuid(), code: z.string(), name: z.string() });

export const objectiveView = z.object({ id: z.uuid(), text: z.string() });

/** Each saved state of a course, whole; names are kept as they were then. */
export const courseSnapshotSchema = z
  .object({
    code: z.string(),
    status: z.enum(courseStatuses),
    title: z.string(),
    summary: z.string(),
    description: z.string(),
    audience: z.string(),
    prerequisites: z.string(),
    format: z.enum(courseFormats),
    durationMinutes: z.number().int(),
    languages: z.array(z.string()),
    contactPerson: personRef,
    contactPhone: z.string().nullable(),
    objectives: z.array(objectiveView),
    interests: z.array(interestRef),
    audienceBusinessUnits: z.array(unitRef),
    // Absent from snapshots saved before these fields existed; read as the defaults then.
    completionMinPercent: z.number().int().optional(),
    followUpDays: z.number().int().optional(),
    followUpAnonymous: z.boolean().optional(),
  })
  .meta({ id: 'CourseSnapshot' });
export type CourseSnapshot = z.infer<typeof courseSnapshotSchema>;

const nextSession = z.object({ id: z.uuid(), startsAt: z.string(), endsAt: z.string(), timeZone: z.string(), language: z.string(), capacity: z.number().int() });

export const courseSummaryView = z
  .object({
    id: z.uuid(),
    code: z.string(),
    title: z.string(),
    summary: z.string(),
    format: z.enum(courseFormats),
    durationMinutes: z.number().int(),
    languages: z.array(z.string()),
    status: z.enum(courseStatuses),
    interests: z.array(interestRef),
    audienceBusinessUnits: z.array(unitRef),
    contact: z.object({ id: z.uuid(), name: z.string(), email: z.string() }),
    nextSession: nextSession.nullable(),
    upcomingSessionCount: z.number().int(),
  })
  .meta({ id: 'CourseSummary' });
export type CourseSummaryView = z.infer<typeof courseSummaryView>;

export const courseListView = pageOf(courseSummaryView)
  .extend({ languages: z.array(z.string()).describe('Languages of the courses one may list, for the language filter.') })
  .meta({ id: 'CourseList' });
export type CourseListView = z.infer<typeof courseListView>;

export const unitContactView = z.object({ unitName: z.string(), email: z.string(), phone: z.string(), location: z.string(), officeHours: z.string() });

export const courseDetailView = courseSummaryView
  .omit({ contact: true })
  .extend({
    description: z.string(),
    audience: z.string(),
    prerequisites: z.string(),
    objectives: z.array(objectiveView),
    completionMinPercent: z.number().int().describe('Share of session days a learner must attend to complete (100 = every day).'),
    followUpDays: z.number().int().describe('Days after completion that the follow-up form goes out.'),
    followUpAnonymous: z.boolean().describe('Whether follow-up answers reach the instructor without who gave them.'),
    contact: z.object({ id: z.uuid(), name: z.string(), email: z.string(), jobTitle: z.string(), phone: z.string().nullable() }),
    unitContact: unitContactView,
    revision: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    publishedAt: z.string().nullable(),
    retiredAt: z.string().nullable(),
    upcomingSessions: z.array(sessionView),
  })
  .meta({ id: 'CourseDetail' });
export type CourseDetailView = z.infer<typeof courseDetailView>;

export const courseChange = z
  .object({
    field: z.string(),
    label: z.string(),
    change: z.enum(['added', 'removed', 'changed']),
    before: z.string().optional(),
    after: z.string().optional(),
  })
  .meta({ id: 'CourseChange' });
export type CourseChange = z.infer<typeof courseChange>;

export const revisionSummaryView = z
  .object({ revision: z.number().int(), action: z.enum(revisionActions), savedAt: z.string(), savedBy: personRef.nullable() })
  .meta({ id: 'CourseRevisionSummary' });
export type RevisionSummaryView = z.infer<typeof revisionSummaryView>;

export const revisionView = revisionSummaryView
  .extend({ courseId: z.uuid(), snapshot: courseSnapshotSchema, changes: z.array(courseChange) })
  .meta({ id: 'CourseRevision' });
export type RevisionView = z.infer<typeof revisionView>;

export const createInterestInput = z.object({
  name: text('The name', 60),
  description: z.string().trim().max(500, 'The description is too long (500 characters at most).').default(''),
});
export type CreateInterestInput = z.infer<typeof createInterestInput>;
