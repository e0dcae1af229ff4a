import { z } from 'zod';
import { pageQuery } from '../platform/http/common-schemas';
import { supportCaseEventTypes, supportCaseOrigins, supportCaseStates, supportOptions } from './support-values';

// Shared by the support pages' forms and the server's checks (AF-5). No database imports.

const id = (what: string) => z.uuid(`Choose ${what}.`);
const text = (min: number, max: number, short: string) => z.string().trim().min(min, short).max(max, `At most ${max.toLocaleString('en')} characters.`);

export const openSupportCaseInput = z.object({
  enrolmentId: id('the completed enrolment'),
  objectiveIds: z.array(id('an objective')).min(1, 'Choose at least one objective not met.').max(50, 'At most 50 objectives.'),
  note: text(1, 2000, 'Write the note, or leave it out.').optional(),
});
export type OpenSupportCaseInput = z.infer<typeof openSupportCaseInput>;

export const assignSupportCaseInput = z.object({ ownerId: id('who owns the case') });

/** A written reason: a sentence or two the learner and supervisor will read, not a tick. */
export const decisionReasonMin = 20;
export const decideSupportCaseInput = z.object({
  option: z.enum(supportOptions, 'Choose what will help.'),
  reason: text(decisionReasonMin, 4000, `Write the reason in a sentence or two (at least ${decisionReasonMin} characters): learner and supervisor will read it.`),
});
export type DecideSupportCaseInput = z.infer<typeof decideSupportCaseInput>;

export const supportNoteInput = z.object({ note: text(1, 4000, 'Write the note.') });
export const closeSupportCaseInput = z.object({
  outcome: text(5, 4000, 'Say how the case ended: what was done and where the learner stands now.'),
  /** Whether the objectives are now met, as far as the unit knows; left out when nobody can tell yet. */
  objectivesNowMet: z.boolean().optional(),
});
export type CloseSupportCaseInput = z.infer<typeof closeSupportCaseInput>;
export const reopenSupportCaseInput = z.object({ reason: text(5, 4000, 'Say why the case opens again.') });

export const supportQueueQuery = pageQuery.extend({
  state: z.enum(supportCaseStates).optional(),
  owner: z.enum(['me', 'nobody']).optional(),
  courseId: z.uuid('Must be a valid id.').optional(),
});
export type SupportQueueQuery = z.infer<typeof supportQueueQuery>;

const personName = z.object({ id: z.uuid(), name: z.string() });
const courseRef = z.object({ id: z.uuid(), code: z.string(), title: z.string() });

export const supportQueueItem = z.object({
  id: z.uuid(),
  state: z.enum(supportCaseStates),
  origin: z.enum(supportCaseOrigins),
  learner: personName,
  course: courseRef,
  sessionStartsAt: z.string().nullable(),
  objectivesNotMet: z.array(z.string()),
  openedAt: z.string(),
  ageDays: z.number().int(),
  owner: personName.nullable(),
  decision: z.enum(supportOptions).nullable(),
});
export type SupportQueueItem = z.infer<typeof supportQueueItem>;

export const supportQueueView = z
  .object({
    items: z.array(supportQueueItem),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    /** Cases in each state under the same filters (state aside): the board's column counts. */
    counts: z.object({ open: z.number().int(), in_progress: z.number().int(), closed: z.number().int() }),
  })
  .meta({ id: 'SupportQueue' });
export type SupportQueueView = z.infer<typeof supportQueueView>;

export const supportCaseView = z
  .object({
    id: z.uuid(),
    state: z.enum(supportCaseStates),
    origin: z.enum(supportCaseOrigins),
    enrolmentId: z.uuid(),
    learner: personName,
    supervisor: personName.nullable(),
    course: courseRef,
    session: z.object({ startsAt: z.string(), endsAt: z.string(), timeZone: z.string() }).nullable(),
    completedAt: z.string().nullable(),
    objectives: z.array(
      z.object({
        id: z.uuid(),
        text: z.string(),
        /** What the follow-up answers said of it (AF-4): for the unit's staff only. */
        reports: z.array(z.object({ by: z.enum(['learner', 'supervisor']), rating: z.enum(['met', 'partly', 'not_met']), example: z.string().nullable() })),
      }),
    ),
    owner: personName.nullable(),
    decision: z.enum(supportOptions).nullable(),
    decisionReason: z.string().nullable(),
    decidedBy: personName.nullable(),
    decidedAt: z.string().nullable(),
    /** The training request a 'diagnosis' decision opened (RQ-3), the latest one. */
    request: z.object({ id: z.uuid(), reference: z.string() }).nullable(),
    outcome: z.string().nullable(),
    closedBy: personName.nullable(),
    closedAt: z.string().nullable(),
    openedAt: z.string(),
    events: z.array(
      z.object({
        id: z.number().int(),
        type: z.enum(supportCaseEventTypes),
        actor: personName.nullable(),
        note: z.string().nullable(),
        details: z.record(z.string(), z.unknown()),
        at: z.string(),
      }),
    ),
    /** The caller works the case (staff); learner and supervisor read it, internal notes left out. */
    canManage: z.boolean(),
  })
  .meta({ id: 'SupportCase' });
export type SupportCaseView = z.infer<typeof supportCaseView>;
