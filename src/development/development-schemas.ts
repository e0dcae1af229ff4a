import { z } from 'zod';
import { calendarDate } from '../platform/http/common-schemas';
import { fileUploads, storedFileView, type FilePolicy } from '../platform/files/file-schemas';
import { courseCodeSchema, objectiveText } from '../catalog/course-schemas';
import { courseFormats } from '../catalog/catalog-values';
import { partnerKinds } from '../standards/standard-content';
import { subjectClockView } from '../service-levels/subject-clock-view';
import { partnerDecisions, projectSizes, projectStates, stageStates } from './development-values';

// Shared by the development pages' forms and the server's checks (DV-1, DV-2).

const personRef = z.object({ id: z.uuid(), name: z.string() });

export const projectView = z
  .object({
    id: z.uuid(),
    title: z.string(),
    size: z.enum(projectSizes),
    state: z.enum(projectStates),
    owner: personRef,
    requestId: z.uuid().nullable(),
    startedAt: z.string(),
    endedAt: z.string().nullable(),
  })
  .meta({ id: 'DevelopmentProject' });
export type ProjectView = z.infer<typeof projectView>;

export const endProjectInput = z.object({ state: z.enum(['delivered', 'cancelled'], 'Choose delivered or cancelled.') });

/** Site-visit photos, short videos and practitioners' notes (DV-2), checked by content. */
export const commentFilePolicy: FilePolicy = { kinds: ['jpeg', 'png', 'webp', 'mp4', 'pdf', 'text'], maxBytes: 8 * 1024 * 1024, maxFiles: 3 };

const title = z.string().trim().min(1, 'The title is required.').max(200, 'The title is too long (200 characters at most).');

export const createProjectInput = z.object({
  title,
  size: z.enum(projectSizes, 'Choose the size: small, medium or large.'),
  ownerId: z.uuid('Choose the project’s owner.'),
  /** The catalog course the release will update; none for a new course. */
  courseId: z.uuid('Choose the course from the catalog.').nullable().default(null),
});
export type CreateProjectInput = z.input<typeof createProjectInput>;

export const newCourseInput = z.object({
  code: courseCodeSchema,
  format: z.enum(courseFormats, 'Choose classroom, virtual, e-learning or blended.'),
  durationMinutes: z.number('The duration is a number of minutes.').int('The duration is a whole number of minutes.').min(1, 'The duration is at least one minute.').max(60_000, 'The duration is at most 60,000 minutes.'),
  audience: z.string().trim().min(1, 'Say who the course is for.').max(2000, 'The audience is too long (2,000 characters at most).'),
});

/** What the release will write into the catalog, edited as the design settles (DV-1). */
export const releasePlanInput = z
  .object({
    revision: z.number('Send the revision you edited.').int().min(1).max(2_147_483_647),
    courseId: z.uuid('Choose the course from the catalog.').nullable(),
    newCourse: newCourseInput.nullable(),
    summary: z.string().trim().max(500, 'The summary is too long (500 characters at most).'),
    objectives: z.array(objectiveText).max(20, 'At most 20 objectives.'),
  })
  .superRefine((v, ctx) => {
    if (v.courseId && v.newCourse) ctx.addIssue({ code: 'custom', path: ['newCourse'], message: 'Either update an existing course or describe a new one, not both.' });
    const seen = new Set<string>();
    v.objectives.forEach((o, i) => {
      const key = o.toLowerCase().replace(/\s+/g, ' ');
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['objectives', i], message: 'This objective is already listed.' });
      seen.add(key);
    });
  });
export type ReleasePlanInput = z.input<typeof releasePlanInput>;

export const stagePlanInput = z.object({ ownerId: z.uuid('Choose the stage’s owner.'), dueOn: calendarDate('due date') });
export type StagePlanInput = z.input<typeof stagePlanInput>;

export const invitePartnerInput = z.object({ personId: z.uuid('Choose the person to invite.'), kind: z.enum(partnerKinds, 'Choose subject-matter expert or customer-partner.') });
export type InvitePartnerInput = z.input<typeof invitePartnerInput>;

export const commentInput = z.object({
  body: z.string().trim().min(1, 'Write the comment.').max(5000, 'The comment is too long (5,000 characters at most).'),
  attachments: fileUploads(commentFilePolicy),
});
export type CommentInput = z.input<typeof commentInput>;

export const decisionInput = z
  .object({
    decision: z.enum(partnerDecisions, 'Sign off or ask for changes.'),
    note: z.string().trim().max(2000, 'The note is too long (2,000 characters at most).').default(''),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'changes-requested' && !v.note) ctx.addIssue({ code: 'custom', path: ['note'], message: 'Say what needs to change.' });
  });
export type DecisionInput = z.input<typeof decisionInput>;

export const closeStageInput = z.object({
  /** The unit lead's recorded reason for closing without the required sign-offs (DV-2). */
  overrideReason: z.string().trim().max(2000, 'The reason is too long (2,000 characters at most).').optional(),
});
export type CloseStageInput = z.input<typeof closeStageInput>;

export const stageParams = z.object({ id: z.uuid('Must be a valid id.'), stageId: z.uuid('Must be a valid id.') });
export const fileParams = z.object({ id: z.uuid('Must be a valid id.'), commentId: z.uuid('Must be a valid id.'), fileId: z.uuid('Must be a valid id.') });

// ---- What the API answers with -------------------------------------------------------------------

export const partnerView = z.object({
  id: z.uuid(),
  person: personRef,
  kind: z.enum(partnerKinds),
  decision: z.enum(partnerDecisions).nullable(),
  decisionNote: z.string(),
  decidedAt: z.string().nullable(),
});

export const commentView = z.object({ id: z.uuid(), author: personRef, body: z.string(), createdAt: z.string(), attachments: z.array(storedFileView) });

export const stageView = z.object({
  id: z.uuid(),
  position: z.number().int(),
  key: z.string(),
  name: z.string(),
  purpose: z.string(),
  deliverables: z.array(z.string()),
  requiredSignOffs: z.array(z.enum(partnerKinds)),
  owner: personRef,
  dueOn: z.string(),
  state: z.enum(stageStates),
  late: z.boolean().describe('Not closed and past its due date.'),
  closedAt: z.string().nullable(),
  closedBy: personRef.nullable(),
  overrideReason: z.string().nullable(),
  partners: z.array(partnerView),
  comments: z.array(commentView),
  /** Required sign-off kinds nobody of that kind has given yet. */
  missingSignOffs: z.array(z.enum(partnerKinds)),
  /** The reader is invited to this stage and may comment and decide. */
  invited: z.boolean(),
});
export type StageView = z.infer<typeof stageView>;

export const projectDetailView = projectView
  .extend({
    revision: z.number().int(),
    designModelVersion: z.number().int().nullable(),
    course: z.object({ id: z.uuid(), code: z.string(), title: z.string() }).nullable(),
    newCourse: newCourseInput.nullable(),
    summary: z.string(),
    objectives: z.array(z.string()),
    released: z.object({ courseId: z.uuid(), revision: z.number().int() }).nullable(),
    stages: z.array(stageView),
    /** The charter's development clock for the project's size (DV-3). */
    clocks: z.array(subjectClockView),
    /** The reader runs the project (owner, unit lead, admin): plan, invite, close. */
    canManage: z.boolean(),
    canOverride: z.boolean(),
  })
  .meta({ id: 'DevelopmentProjectDetail' });
export type ProjectDetailView = z.infer<typeof projectDetailView>;

export const boardCardView = z.object({
  id: z.uuid(),
  title: z.string(),
  size: z.enum(projectSizes),
  state: z.enum(projectStates),
  owner: personRef,
  stage: z.object({ name: z.string(), position: z.number().int(), owner: personRef, dueOn: z.string(), late: z.boolean() }).nullable(),
});
export type BoardCardView = z.infer<typeof boardCardView>;

export const boardView = z
  .object({
    /** Column names in the design model's order; projects past their last stage sit in "Released". */
    columns: z.array(z.string()),
    cards: z.array(boardCardView),
  })
  .meta({ id: 'DevelopmentBoard' });
export type BoardView = z.infer<typeof boardView>;

export const partnerDecisionLabels = { 'signed-off': 'Signed off', 'changes-requested': 'Changes requested' } as const;
export const stageStateLabels = { pending: 'Not started', active: 'In progress', closed: 'Closed' } as const;
