import { z } from 'zod';
import { projectSizes } from '../development/development-values';
import { pageQuery } from '../platform/http/common-schemas';
import { subjectClockView } from '../service-levels/subject-clock-view';
import { effortView } from './portfolio-schemas';
import { twoVoicesView } from './survey-schemas';
import { actionKinds, actionStates, causeKinds, interventionKinds, trainingInterventions, requestEventTypes, requestOrigins, requestStates, requestUrgencies } from './request-values';

// Shared by the request pages' forms and the server's checks (RQ-1, RQ-2). No database imports.

const personRef = z.object({ id: z.uuid(), name: z.string() });
const text = (max: number, empty: string) => z.string().trim().min(1, empty).max(max, `At most ${max.toLocaleString('en')} characters.`);
const optionalText = (max: number) => z.string().trim().max(max, `At most ${max.toLocaleString('en')} characters.`);

/** A draft keeps whatever is typed so far: only the title is needed to save it. */
export const requestDraftInput = z.object({
  title: text(200, 'Give the request a short title, e.g. “Customer service training for the call team”.'),
  problem: optionalText(8000).default(''),
  audience: optionalText(2000).default(''),
  audienceSize: z.number('Enter how many people, as a number.').int('Enter a whole number of people.').min(1, 'At least one person is affected.').max(1_000_000, 'At most 1,000,000 people.').nullable().default(null),
  desiredOutcome: optionalText(4000).default(''),
  proposedSolution: optionalText(4000).default(''),
  urgency: z.enum(requestUrgencies, 'Choose how urgent it is.').default('when_possible'),
  goalId: z.uuid('Choose a strategic goal from the list.').nullable().default(null),
});
export type RequestDraftInput = z.infer<typeof requestDraftInput>;

export const updateRequestDraftInput = requestDraftInput.extend({ revision: z.number().int().min(1) });
export type UpdateRequestDraftInput = z.infer<typeof updateRequestDraftInput>;

/** What a request must say before the unit can take it (RQ-1): checked on submit, field by field. */
export const submittableRequest = requestDraftInput.extend({
  problem: text(8000, 'Describe the performance problem in your own words: what happens now that should not?'),
  audience: text(2000, 'Say who is affected: the team, role or group.'),
  audienceSize: z.number('Enter how many people are affected.').int('Enter a whole number of people.').min(1, 'At least one person is affected.').max(1_000_000, 'At most 1,000,000 people.'),
  desiredOutcome: text(4000, 'Describe the outcome you need: what will be different when this is solved?'),
});

export const submitRequestInput = z.object({ revision: z.number('Send the revision you read.').int().min(1) });
export const withdrawRequestInput = z.object({ reason: text(2000, 'Say in a few words why you withdraw the request.') });

export const assignRequestInput = z.object({ ownerId: z.uuid('Choose who owns the request.') });

/** RQ-3: the gap and every cause weighed; a cause given any weight needs its evidence. */
export const diagnosisInput = z
  .object({
    revision: z.number().int().min(1),
    gapCurrent: text(4000, 'Describe what happens now, as observed.'),
    gapDesired: text(4000, 'Describe what should happen instead.'),
    gapMeasure: text(2000, 'Say how the gap is measured (a figure, a sample, an observation).'),
    causes: z
      .array(
        z.object({
          cause: z.enum(causeKinds, 'Choose one of the seven causes.'),
          weight: z.number('Weigh the cause from 0 to 3.').int('Weigh the cause from 0 to 3.').min(0, 'Weigh the cause from 0 to 3.').max(3, 'Weigh the cause from 0 to 3.'),
          evidence: optionalText(4000).default(''),
        }),
      )
      .length(causeKinds.length, `Weigh each of the ${causeKinds.length} causes, even if only to say it is not one.`),
  })
  .superRefine((d, ctx) => {
    const seen = new Set<string>();
    d.causes.forEach((c, i) => {
      if (seen.has(c.cause)) ctx.addIssue({ code: 'custom', path: ['causes', i, 'cause'], message: 'Each cause is weighed once.' });
      seen.add(c.cause);
      if (c.weight > 0 && !c.evidence) ctx.addIssue({ code: 'custom', path: ['causes', i, 'evidence'], message: 'Say what evidence shows this cause at work.' });
    });
    if (d.causes.length && d.causes.every((c) => c.weight === 0)) ctx.addIssue({ code: 'custom', path: ['causes'], message: 'Weigh at least one cause above 0: something causes the gap.' });
  });
export type DiagnosisInput = z.infer<typeof diagnosisInput>;

export const diagnosisView = z.object({
  gapCurrent: z.string(),
  gapDesired: z.string(),
  gapMeasure: z.string(),
  causes: z.array(z.object({ cause: z.enum(causeKinds), weight: z.number().int(), evidence: z.string(), share: z.number() })),
  /** The causes of the highest weight: what the chart and the recommendation lead with. */
  dominant: z.array(z.enum(causeKinds)),
  diagnosedAt: z.string(),
});
export type DiagnosisView = z.infer<typeof diagnosisView>;

/** RQ-5: one or more interventions, each with a rationale and an owner. */
export const interventionInput = z.object({
  kind: z.enum(interventionKinds, 'Choose the kind of intervention.'),
  title: text(200, 'Name the intervention, e.g. “One escalation procedure for the call team”.'),
  rationale: text(4000, 'Say why this intervention addresses the causes found.'),
  ownerId: z.uuid('Choose who owns this intervention.'),
  courseId: z.uuid('Choose the course from the catalog.').nullable().default(null),
  /** A new course becomes a development project of this size when accepted (RQ-6). */
  size: z.enum(projectSizes, 'Choose the size of the development project.').nullable().default(null),
});

export const recommendationInput = z
  .object({
    summary: text(4000, 'Summarize the recommendation in a few sentences.'),
    explanation: optionalText(12000).default(''),
    interventions: z.array(interventionInput).min(1, 'Recommend at least one intervention (“No intervention” is one).').max(12, 'At most 12 interventions.'),
  })
  .superRefine((r, ctx) => {
    r.interventions.forEach((i, n) => {
      if (i.kind === 'existing_course' && !i.courseId) ctx.addIssue({ code: 'custom', path: ['interventions', n, 'courseId'], message: 'Choose the existing course from the catalog.' });
      if (i.kind !== 'existing_course' && i.courseId) ctx.addIssue({ code: 'custom', path: ['interventions', n, 'courseId'], message: 'Only an existing course names a catalog course.' });
      if (i.kind === 'new_course' && !i.size) ctx.addIssue({ code: 'custom', path: ['interventions', n, 'size'], message: 'Say how big developing the new course is: small, medium or large.' });
      if (i.kind === 'no_intervention' && r.interventions.length > 1) ctx.addIssue({ code: 'custom', path: ['interventions', n, 'kind'], message: '“No intervention” stands alone; remove it or the others.' });
    });
    if (!onlyTraining(r.interventions) && r.explanation.length < 80) {
      ctx.addIssue({ code: 'custom', path: ['explanation'], message: 'Training is not (only) the answer here: explain to the requester, in a paragraph or more (80 characters at least), why, and what the alternatives are.' });
    }
  });
export type RecommendationInput = z.infer<typeof recommendationInput>;

/** Whether every intervention is training (a new or an existing course): then no explanation is owed. */
export const onlyTraining = (interventions: readonly { kind: (typeof interventionKinds)[number] }[]) => interventions.every((i) => trainingInterventions.includes(i.kind));

export const respondInput = z
  .object({
    response: z.enum(['accepted', 'discuss'], 'Choose to accept, or to discuss it with the consultant.'),
    note: optionalText(4000).default(''),
  })
  .superRefine((r, ctx) => {
    if (r.response === 'discuss' && r.note.length < 5) ctx.addIssue({ code: 'custom', path: ['note'], message: 'Say what you would like to discuss or change.' });
  });
export type RespondInput = z.infer<typeof respondInput>;
export const versionParams = z.object({ id: z.uuid('Must be a valid id.'), version: z.coerce.number().int().min(1).max(10000) });

export const recommendationView = z.object({
  id: z.uuid(),
  version: z.number().int(),
  summary: z.string(),
  explanation: z.string(),
  interventions: z.array(z.object({ kind: z.enum(interventionKinds), title: z.string(), rationale: z.string(), owner: personRef, course: z.object({ id: z.uuid(), code: z.string(), title: z.string() }).nullable(), training: z.boolean() })),
  /** Training is not (only) the answer: the explanation with its alternatives goes to the requester. */
  nonTraining: z.boolean(),
  issuedBy: personRef,
  issuedAt: z.string(),
  response: z.enum(['accepted', 'discuss']).nullable(),
  responseNote: z.string().nullable(),
  respondedBy: personRef.nullable(),
  respondedAt: z.string().nullable(),
});
export type RecommendationView = z.infer<typeof recommendationView>;

/** RQ-6: an accepted intervention followed to its end. */
export const actionView = z.object({
  id: z.uuid(),
  version: z.number().int(),
  interventionIndex: z.number().int(),
  kind: z.enum(actionKinds),
  intervention: z.object({ kind: z.enum(interventionKinds), title: z.string() }),
  owner: personRef,
  project: z.object({ id: z.uuid(), title: z.string(), size: z.enum(projectSizes), state: z.string() }).nullable(),
  course: z.object({ id: z.uuid(), code: z.string(), title: z.string() }).nullable(),
  /** An existing course's item: the people enrolled from the request, and where each place stands. */
  enrolments: z.array(z.object({ id: z.uuid(), person: personRef, state: z.string() })),
  state: z.enum(actionStates),
  outcome: z.string().nullable(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  canClose: z.boolean(),
});
export type ActionView = z.infer<typeof actionView>;

export const closeActionInput = z.object({
  state: z.enum(['done', 'dropped'], 'Choose done or dropped.'),
  outcome: text(4000, 'Say how it ended: what was done, and what changed.'),
});
export type CloseActionInput = z.infer<typeof closeActionInput>;
/** RQ-6: the people to enrol in a session of the recommended existing course. */
export const actionEnrolInput = z.object({
  sessionId: z.uuid('Choose a session of the recommended course.'),
  personIds: z
    .array(z.uuid('Choose people from the list.'))
    .min(1, 'Choose at least one person to enrol.')
    .max(200, 'At most 200 people at once.')
    .refine((ids) => new Set(ids).size === ids.length, 'Each person once.'),
  note: optionalText(1000).default(''),
});
export type ActionEnrolInput = z.infer<typeof actionEnrolInput>;
export const actionParams = z.object({ id: z.uuid('Must be a valid id.'), actionId: z.uuid('Must be a valid id.') });

export const requestListQuery = pageQuery.extend({
  state: z.enum(requestStates).optional(),
  owner: z.enum(['me', 'nobody']).optional(),
});
export type RequestListQuery = z.infer<typeof requestListQuery>;

export const requestListItem = z.object({
  id: z.uuid(),
  reference: z.string(),
  title: z.string(),
  state: z.enum(requestStates),
  urgency: z.enum(requestUrgencies),
  requester: personRef,
  owner: personRef.nullable(),
  businessUnit: z.string().nullable(),
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
  clocks: z.array(subjectClockView),
});
export type RequestListItem = z.infer<typeof requestListItem>;

export const requestListView = z.object({
  items: z.array(requestListItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  counts: z.record(z.enum(requestStates), z.number().int()),
});
export type RequestListView = z.infer<typeof requestListView>;

export const requestEventView = z.object({ id: z.number().int(), type: z.enum(requestEventTypes), actor: personRef.nullable(), note: z.string().nullable(), details: z.record(z.string(), z.unknown()), at: z.string() });

export const requestCoreView = z.object({
  id: z.uuid(),
  reference: z.string(),
  state: z.enum(requestStates),
  revision: z.number().int(),
  title: z.string(),
  problem: z.string(),
  audience: z.string(),
  audienceSize: z.number().int().nullable(),
  desiredOutcome: z.string(),
  proposedSolution: z.string(),
  urgency: z.enum(requestUrgencies),
  goal: z.object({ id: z.uuid(), title: z.string() }).nullable(),
  businessUnit: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  requester: personRef,
  openedBy: personRef.nullable(),
  origin: z.enum(requestOrigins),
  originId: z.uuid().nullable(),
  owner: personRef.nullable(),
  requestType: z.string().nullable(),
  triageRole: z.string().nullable(),
  decisionRole: z.string().nullable(),
  submittedAt: z.string().nullable(),
  triagedAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  clocks: z.array(subjectClockView),
  events: z.array(requestEventView),
  /** The requester may still edit (a draft) or withdraw (until they accept). */
  canEdit: z.boolean(),
  canWithdraw: z.boolean(),
  /** The unit's staff work the request: triage, diagnosis, recommendation, follow-through. */
  canManage: z.boolean(),
});

export const requestView = requestCoreView.extend({ diagnosis: diagnosisView.nullable(), canWork: z.boolean(), recommendations: z.array(recommendationView), canRespond: z.boolean(), actions: z.array(actionView), effort: effortView.nullable(), twoVoices: twoVoicesView }).meta({ id: 'TrainingRequest' });
export type RequestView = z.infer<typeof requestView>;
