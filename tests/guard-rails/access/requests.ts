import { eq } from 'drizzle-orm';
import { openRequestOnBehalf } from '../../../src/requests/open-request-on-behalf';
import { requestSurveyInvites, strategicGoals, trainingRequests } from '../../../src/requests/schema';
import { hashToken, newToken } from '../../../src/platform/auth/tokens';
import { createPerson } from '../../support/factories';
import { causeKinds } from '../../../src/requests/request-values';
import type { World } from '../cast';
import type { Actor } from '../../../src/platform/auth/actor';
import type { RequestView } from '../../../src/requests/request-schemas';
import { startProject } from '../../../src/development/start-project';
import { diagnoseRequest } from '../../../src/requests/diagnose-request';
import { issueRecommendation } from '../../../src/requests/issue-recommendation';
import { respondToRecommendation } from '../../../src/requests/respond-to-recommendation';
import { everyone, except, only, signedIn, type AccessTable, type Caller, type Outcome } from './expectations';

// A training request (RQ-1, RQ-2) is the requester's and the unit's: the consultants who triage and
// diagnose, the coordinators, the unit lead and admins. Nobody else learns it exists — a request
// may name a team's performance problem its members would rather not see broadcast.

const diagnosis = {
  gapCurrent: 'Calls are transferred more than once.',
  gapDesired: 'One hand-over, with the story written down.',
  gapMeasure: 'Transfers per call in the telephony report.',
  causes: causeKinds.map((cause) => ({ cause, weight: cause === 'unclear_procedure' ? 3 : 0, evidence: cause === 'unclear_procedure' ? 'Three escalation guides disagree.' : '' })),
};

const unit: Caller[] = ['coordinator', 'consultant', 'unitLead', 'admin'];
const queue = (): Record<Caller, Outcome> => only(...unit);

/** A new request of the learner's for each call, so one caller's change does not turn the next caller's into a conflict. */
async function freshRequest(world: World, stage: 'draft' | 'submitted' | 'triaged'): Promise<string> {
  const { db, clock } = world.stride;
  if (stage !== 'draft') {
    const { requestId } = await db.transaction((tx) =>
      openRequestOnBehalf(tx, clock, { requesterId: world.people.learner.id, openedBy: null, origin: 'workshop', originId: crypto.randomUUID(), title: `Escalations ${world.unique()}`, problem: 'Calls are passed around.', audience: 'The call team', audienceSize: 12, desiredOutcome: 'Problems owned on the first call.' }),
    );
    // Triaged to the consultant: the owner works it; the unit lead and admins stand in.
    if (stage === 'triaged') await db.update(trainingRequests).set({ state: 'triaged', ownerId: world.people.consultant.id, triagedAt: clock.now() }).where(eq(trainingRequests.id, requestId));
    return requestId;
  }
  const now = clock.now();
  const [row] = await db.insert(trainingRequests).values({ requesterId: world.people.learner.id, title: `Draft ${world.unique()}`, problem: 'Calls are passed around.', audience: 'The call team', audienceSize: 12, desiredOutcome: 'Problems owned on the first call.', createdAt: now, updatedAt: now }).returning({ id: trainingRequests.id });
  return row!.id;
}

/** The consultant, as the use cases see an actor. */
const consultantActor = (world: World): Actor => ({ ...world.people.consultant, roles: ['consultant'] });
const learnerActor = (world: World): Actor => ({ ...world.people.learner, roles: [] });
const deps = (world: World) => ({ db: world.stride.db, clock: world.stride.clock, publicUrl: 'http://stride.test' });

/** A request of the learner's, diagnosed by its owner (the consultant) and, further, recommended or accepted. */
async function furtherRequest(world: World, stage: 'diagnosed' | 'recommended' | 'accepted', withCourse = false): Promise<RequestView> {
  const id = await freshRequest(world, 'triaged');
  const [row] = await world.stride.db.select({ revision: trainingRequests.revision }).from(trainingRequests).where(eq(trainingRequests.id, id));
  let view = await diagnoseRequest(world.stride.db, world.stride.clock, consultantActor(world), id, { revision: row!.revision, ...diagnosis });
  if (stage === 'diagnosed') return view;
  view = await issueRecommendation(deps(world), consultantActor(world), id, withCourse ? courseRecommendation(world) : recommendation(world));
  if (stage === 'recommended') return view;
  return respondToRecommendation(deps(world), learnerActor(world), id, 1, { response: 'accepted', note: '' });
}

const recommendation = (world: World) => ({
  summary: 'One escalation procedure; no course.',
  explanation: 'The guides disagree, so a course would teach a procedure that does not exist yet. One procedure and a job aid instead.',
  interventions: [{ kind: 'procedure_change' as const, title: 'One escalation procedure', rationale: 'The main cause.', ownerId: world.people.consultant.id, courseId: null, size: null }],
});

/** The cast's published course, recommended as it is (RQ-6: its item enrols people). */
const courseRecommendation = (world: World) => ({
  summary: 'The call-handling course for new agents.',
  explanation: '',
  interventions: [{ kind: 'existing_course' as const, title: 'Call handling', rationale: 'A skills gap in new agents.', ownerId: world.people.consultant.id, courseId: world.records.courseId, size: null }],
});

/** A live request of the learner's, for guard rails that need a real id (the fuzzer's valid cases). */
export const learnerRequest = (world: World) => freshRequest(world, 'triaged');

const onRequest = (stage: 'draft' | 'submitted' | 'triaged', body?: (world: World) => unknown) => async (world: World) => ({ params: { id: await freshRequest(world, stage) }, body: body?.(world) });

export const requestsAccess: AccessTable = {
  'POST /api/v1/requests': {
    why: 'Any employee may ask the unit for help with a performance problem of their team or unit (RQ-1).',
    expect: signedIn(),
    request: (world) => ({ body: { title: `Customer service training ${world.unique()}` } }),
  },
  'GET /api/v1/requests/mine': {
    why: 'Everyone lists their own requests; nobody else’s are in that list.',
    expect: except(signedIn(), { anotherLearner: 'scoped', supervisorOfLearner: 'scoped', supervisorOfOther: 'scoped', partner: 'scoped', instructor: 'scoped', coordinator: 'scoped', consultant: 'scoped', unitLead: 'scoped', leader: 'scoped', admin: 'scoped' }),
  },
  'GET /api/v1/requests': {
    why: 'The queue of submitted requests is the unit’s.',
    expect: queue(),
  },
  'GET /api/v1/requests/{id}': {
    why: 'A request is the requester’s and the unit’s; for anyone else it does not exist.',
    expect: only('learner', ...unit),
    request: onRequest('submitted'),
  },
  'PUT /api/v1/requests/{id}': {
    why: 'Only the requester edits their draft.',
    expect: only('learner'),
    request: onRequest('draft', () => ({ title: 'Customer service training for the call team', revision: 1 })),
  },
  'POST /api/v1/requests/{id}/submit': {
    why: 'Only the requester sends their draft to the unit.',
    expect: only('learner'),
    request: onRequest('draft', () => ({ revision: 1 })),
  },
  'POST /api/v1/requests/{id}/withdraw': {
    why: 'Only the requester withdraws their request.',
    expect: only('learner'),
    request: onRequest('submitted', () => ({ reason: 'The team found another way.' })),
  },
  'POST /api/v1/requests/{id}/assign': {
    why: 'The unit triages: a request gets an owner holding the charter’s role (RQ-2).',
    expect: queue(),
    request: onRequest('submitted', (world) => ({ ownerId: world.people.consultant.id })),
  },
  'PUT /api/v1/requests/{id}/diagnosis': {
    why: 'The request’s owner diagnoses it; the unit lead and admins stand in (RQ-3). Other staff read it.',
    expect: only('consultant', 'unitLead', 'admin'),
    request: async (world) => {
      const id = await freshRequest(world, 'triaged');
      const [row] = await world.stride.db.select({ revision: trainingRequests.revision }).from(trainingRequests).where(eq(trainingRequests.id, id));
      return { params: { id }, body: { revision: row!.revision, ...diagnosis } };
    },
  },
  'POST /api/v1/requests/{id}/recommendations': {
    why: 'The request’s owner recommends after the diagnosis; the unit lead and admins stand in (RQ-5).',
    expect: only('consultant', 'unitLead', 'admin'),
    request: async (world) => ({ params: { id: (await furtherRequest(world, 'diagnosed')).id }, body: recommendation(world) }),
  },
  'POST /api/v1/requests/{id}/recommendations/{version}/response': {
    why: 'Only the requester accepts a recommendation or asks to discuss it (RQ-5).',
    expect: only('learner'),
    request: async (world) => ({ params: { id: (await furtherRequest(world, 'recommended')).id, version: '1' }, body: { response: 'accepted' } }),
  },
  'POST /api/v1/requests/{id}/actions/{actionId}/close': {
    why: 'A tracked item’s owner, or whoever works the request, records how it ended (RQ-6).',
    expect: only('consultant', 'unitLead', 'admin'),
    request: async (world) => {
      const view = await furtherRequest(world, 'accepted');
      return { params: { id: view.id, actionId: view.actions[0]!.id }, body: { state: 'done', outcome: 'The procedure is published.' } };
    },
  },
  'POST /api/v1/requests/{id}/actions/{actionId}/enrolments': {
    why: 'Whoever works the request enrols the affected people in a session of the accepted existing course (RQ-6); the seat rules are the enrolment capability’s.',
    expect: only('consultant', 'unitLead', 'admin'),
    request: async (world) => {
      const view = await furtherRequest(world, 'accepted', true);
      const person = await createPerson(world.stride.db, { name: `Agent ${world.unique()}` });
      return { params: { id: view.id, actionId: view.actions[0]!.id }, body: { sessionId: world.records.courseSessionId, personIds: [person.id] } };
    },
  },
  'POST /api/v1/requests/{id}/effort': {
    why: 'The unit’s staff record the hours they spent on a request, for the portfolio (RQ-7); the requester does not keep the unit’s time.',
    expect: queue(),
    request: onRequest('submitted', () => ({ hours: 1.5, workedOn: '2026-03-02', note: 'Listened to calls.' })),
  },
  'GET /api/v1/strategic-goals': {
    why: 'Everyone reads the organization’s strategic goals: a requester names the goal their request serves (RQ-1, RQ-7).',
    expect: signedIn(),
  },
  'POST /api/v1/strategic-goals': {
    why: 'The unit lead keeps the strategic goals (RQ-7); admins too.',
    expect: only('unitLead', 'admin'),
    request: (world) => ({ body: { title: `Goal ${world.unique()}`, description: 'Why it matters.' } }),
  },
  'PUT /api/v1/strategic-goals/{id}': {
    why: 'The unit lead renames, retires or brings back a goal (RQ-7).',
    expect: only('unitLead', 'admin'),
    request: async (world) => ({ params: { id: await freshGoal(world) }, body: { title: `Goal ${world.unique()}`, description: '', active: false } }),
  },
  'DELETE /api/v1/strategic-goals/{id}': {
    why: 'The unit lead deletes a goal entered by mistake (one no request serves) (RQ-7).',
    expect: only('unitLead', 'admin'),
    request: async (world) => ({ params: { id: await freshGoal(world) } }),
  },
  'GET /api/v1/prime-segments': {
    why: 'Which business units are prime segments is for those who plan the unit’s effort: its staff and the leaders (RQ-7).',
    expect: only(...unit, 'leader'),
  },
  'PUT /api/v1/prime-segments/{businessUnitId}': {
    why: 'The unit lead marks prime customer segments (RQ-7).',
    expect: only('unitLead', 'admin'),
    request: (world) => ({ params: { businessUnitId: world.businessUnitId }, body: { note: 'Most customer contact.' } }),
  },
  'DELETE /api/v1/prime-segments/{businessUnitId}': {
    why: 'The unit lead unmarks a prime customer segment (RQ-7).',
    expect: only('unitLead', 'admin'),
    request: (world) => ({ params: { businessUnitId: world.businessUnitId } }),
  },
  'GET /api/v1/requests/portfolio': {
    why: 'The portfolio of requests and effort is for the unit’s staff and the leaders whose goals it serves (RQ-7); it names no person.',
    expect: only(...unit, 'leader'),
    request: () => ({ query: { from: '2026-01-01', to: '2026-12-31' } }),
  },
  'GET /api/v1/requests/portfolio.csv': {
    why: 'The portfolio as CSV, for the same readers (RQ-7).',
    expect: only(...unit, 'leader'),
    request: () => ({ query: { from: '2026-01-01', to: '2026-12-31' } }),
  },
  'POST /api/v1/requests/{id}/survey': {
    why: 'The request’s owner asks a sample of the affected audience the questionnaire; the unit lead and admins stand in (RQ-4).',
    expect: only('consultant', 'unitLead', 'admin'),
    request: async (world) => ({ params: { id: await freshRequest(world, 'triaged') }, body: { personIds: [world.people.anotherLearner.id], note: 'About escalations.' } }),
  },
  'PUT /api/v1/requests/{id}/reconciliation': {
    why: 'The request’s owner reconciles the two voices; the unit lead and admins stand in (RQ-4).',
    expect: only('consultant', 'unitLead', 'admin'),
    request: async (world) => {
      const id = await freshRequest(world, 'triaged');
      const [row] = await world.stride.db.select({ revision: trainingRequests.revision }).from(trainingRequests).where(eq(trainingRequests.id, id));
      return { params: { id }, body: { revision: row!.revision, stakeholderWants: 'A course.', reconciliation: 'The agents describe a procedure problem.' } };
    },
  },
  'GET /api/v1/request-surveys/{token}': {
    why: 'The mailed questionnaire link opens without signing in: the token is the credential; it shows the request’s title and who asks only (rate-limited) (RQ-4).',
    expect: everyone(),
    request: async (world) => ({ params: { token: await surveyToken(world) } }),
  },
  'POST /api/v1/request-surveys/{token}': {
    why: 'The person asked answers through the mailed link without signing in, once, while it is open (rate-limited) (RQ-4).',
    expect: everyone(),
    request: async (world) => ({ params: { token: await surveyToken(world) }, body: { obstacles: 'Three guides disagree.', wouldHelp: 'One procedure.', confidence: 3, cause: 'unclear_procedure' } }),
  },
  'GET /api/v1/development-projects': {
    why: 'Development projects are the unit’s work (RQ-6).',
    expect: queue(),
  },
  'GET /api/v1/development-projects/{id}': {
    why: 'Development projects are the unit’s work (RQ-6).',
    expect: queue(),
    request: async (world) => ({ params: { id: await freshProject(world) } }),
  },
  'POST /api/v1/development-projects/{id}/end': {
    why: 'The project’s owner (the consultant here) or the unit lead ends it.',
    expect: only('consultant', 'unitLead', 'admin'),
    request: async (world) => ({ params: { id: await freshProject(world) }, body: { state: 'delivered' } }),
  },
};

/** A development project the consultant owns, one per call (ending it is once). */
const freshProject = (world: World) =>
  world.stride.db.transaction((tx) => startProject(tx, world.stride.clock, { title: `Questioning ${world.unique()}`, size: 'small', ownerId: world.people.consultant.id, requestId: null, actorId: null }));

/** A goal no request serves, one per call (deleting it is once). */
async function freshGoal(world: World): Promise<string> {
  const [row] = await world.stride.db.insert(strategicGoals).values({ title: `Goal ${world.unique()}`, createdAt: world.stride.clock.now() }).returning({ id: strategicGoals.id });
  return row!.id;
}

/** A fresh questionnaire link for the learner on a request of their own (the token is what the mail carries). */
async function surveyToken(world: World): Promise<string> {
  const requestId = await freshRequest(world, 'triaged');
  const token = newToken();
  await world.stride.db.insert(requestSurveyInvites).values({ requestId, personId: world.people.learner.id, tokenHash: hashToken(token), sentAt: world.stride.clock.now() });
  return token;
}
