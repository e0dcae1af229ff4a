import { actorOf } from '../platform/http/actor-of';
import type { App } from '../platform/http/types';
import type { Deps } from '../platform/context';
import { uuidParam } from '../platform/http/common-schemas';
import { actionEnrolInput, actionParams, assignRequestInput, closeActionInput, diagnosisInput, recommendationInput, respondInput, versionParams, requestDraftInput, requestListQuery, requestListView, requestView, submitRequestInput, updateRequestDraftInput, withdrawRequestInput } from './request-schemas';
import { requestStaffRoles } from './request-staff';
import { createRequestDraft, updateRequestDraft } from './save-request-draft';
import { submitRequest } from './submit-request';
import { assignRequest } from './assign-request';
import { withdrawRequest } from './withdraw-request';
import { listRequests } from './list-requests';
import { getRequest } from './read-request';
import { diagnoseRequest } from './diagnose-request';
import { issueRecommendation } from './issue-recommendation';
import { respondToRecommendation } from './respond-to-recommendation';
import { closeAction } from './close-action';
import { recordEffort } from './record-effort';
import { enrolFromAction } from './enrol-from-action';
import { effortInput } from './portfolio-schemas';
import { reconciliationInput, surveyAnswerInput, surveyAnsweredView, surveyFormView, surveyInput, surveyTokenParam } from './survey-schemas';
import { sendSurvey } from './send-survey';
import { answerSurvey, readSurvey } from './answer-survey';
import { reconcileRequest } from './reconcile-request';

const tags = ['requests'];
const staff = { access: { roles: requestStaffRoles } };
const signedIn = { access: 'signed-in' as const };
// The questionnaire link is a bearer token in a mail: each try is a guess at 256 bits. Answering is
// limited per client as the follow-up link is; reading more loosely (a load and a refresh or two).
const answerLimit = { max: 10, timeWindow: '15 minutes' };
const readLimit = { max: 60, timeWindow: '15 minutes' };

export async function requestRoutes(app: App, deps: Deps): Promise<void> {
  const { db, clock } = deps;

  app.post(
    '/requests',
    { config: signedIn, schema: { tags, summary: 'Start a training request for your team or unit: a draft that keeps what you typed until you send it (RQ-1)', body: requestDraftInput, response: { 201: requestView } } },
    async (request, reply) => reply.status(201).send(await createRequestDraft(db, clock, actorOf(request), request.body)),
  );

  app.get(
    '/requests/mine',
    { config: signedIn, schema: { tags, summary: 'My requests, drafts included, each with its state, owner and triage clock (RQ-2)', querystring: requestListQuery, response: { 200: requestListView } } },
    async (request) => listRequests(db, actorOf(request), 'mine', request.query, clock.now()),
  );

  app.get(
    '/requests',
    { config: staff, schema: { tags, summary: 'The consultants’ queue: every submitted request by state and owner, with counts per state (RQ-2)', querystring: requestListQuery, response: { 200: requestListView } } },
    async (request) => listRequests(db, actorOf(request), 'queue', request.query, clock.now()),
  );

  app.get(
    '/requests/:id',
    { config: signedIn, schema: { tags, summary: 'One request: the requester’s words, its state, owner, clocks and history; the requester’s and the unit’s only (RQ-1, RQ-2)', params: uuidParam, response: { 200: requestView } } },
    async (request) => getRequest(db, actorOf(request), request.params.id, clock.now()),
  );

  app.put(
    '/requests/:id',
    { config: signedIn, schema: { tags, summary: 'Save the draft again, whole, on the revision you read (RQ-1)', params: uuidParam, body: updateRequestDraftInput, response: { 200: requestView } } },
    async (request) => updateRequestDraft(db, clock, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/requests/:id/submit',
    { config: signedIn, schema: { tags, summary: 'Send the draft to the training unit; the charter’s triage clock starts (RQ-1, RQ-2)', params: uuidParam, body: submitRequestInput, response: { 200: requestView } } },
    async (request) => submitRequest(db, clock, actorOf(request), request.params.id, request.body.revision),
  );

  app.post(
    '/requests/:id/withdraw',
    { config: signedIn, schema: { tags, summary: 'The requester withdraws the request, with a reason, before accepting a recommendation', params: uuidParam, body: withdrawRequestInput, response: { 200: requestView } } },
    async (request) => withdrawRequest(db, clock, actorOf(request), request.params.id, request.body.reason),
  );

  app.post(
    '/requests/:id/assign',
    { config: staff, schema: { tags, summary: 'Triage: give the request to an owner holding the role the charter names; stops the triage clock (RQ-2)', params: uuidParam, body: assignRequestInput, response: { 200: requestView } } },
    async (request) => assignRequest(db, clock, actorOf(request), request.params.id, request.body.ownerId),
  );

  app.put(
    '/requests/:id/diagnosis',
    { config: staff, schema: { tags, summary: 'Diagnosis first: the performance gap and every cause weighed with its evidence, saved whole by the owner (RQ-3)', params: uuidParam, body: diagnosisInput, response: { 200: requestView } } },
    async (request) => diagnoseRequest(db, clock, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/requests/:id/recommendations',
    { config: staff, schema: { tags, summary: 'Recommend interventions with rationale and owner, after the diagnosis; a revision is a new version; the requester is mailed it with the explanation where training is not (only) the answer (RQ-5)', params: uuidParam, body: recommendationInput, response: { 201: requestView } } },
    async (request, reply) => reply.status(201).send(await issueRecommendation(deps, actorOf(request), request.params.id, request.body)),
  );

  app.post(
    '/requests/:id/recommendations/:version/response',
    { config: signedIn, schema: { tags, summary: 'The requester accepts the latest recommendation (its interventions become tracked items) or asks to discuss it (RQ-5, RQ-6)', params: versionParams, body: respondInput, response: { 200: requestView } } },
    async (request) => respondToRecommendation(deps, actorOf(request), request.params.id, request.params.version, request.body),
  );

  app.post(
    '/requests/:id/actions/:actionId/close',
    { config: staff, schema: { tags, summary: 'Record how a tracked item ended (done or dropped); the last one closes the request (RQ-6)', params: actionParams, body: closeActionInput, response: { 200: requestView } } },
    async (request) => closeAction(db, clock, actorOf(request), request.params.id, request.params.actionId, request.body),
  );

  app.post(
    '/requests/:id/actions/:actionId/enrolments',
    { config: staff, schema: { tags, summary: 'Enrol the affected people in a session of the recommended existing course, through the enrolment rules (seats, waitlist); the item keeps them (RQ-6)', params: actionParams, body: actionEnrolInput, response: { 201: requestView } } },
    async (request, reply) => reply.status(201).send(await enrolFromAction(deps, actorOf(request), request.params.id, request.params.actionId, request.body)),
  );

  app.post(
    '/requests/:id/effort',
    { config: staff, schema: { tags, summary: 'Record hours you spent on a request, for the portfolio’s effort by goal and business unit (RQ-7)', params: uuidParam, body: effortInput, response: { 201: requestView } } },
    async (request, reply) => reply.status(201).send(await recordEffort(db, clock, actorOf(request), request.params.id, request.body)),
  );

  app.post(
    '/requests/:id/survey',
    { config: staff, schema: { tags, summary: 'Ask a sample of the affected audience the short questionnaire: each is mailed a single-use link (RQ-4)', params: uuidParam, body: surveyInput, response: { 201: requestView } } },
    async (request, reply) => reply.status(201).send(await sendSurvey(deps, actorOf(request), request.params.id, request.body)),
  );

  app.put(
    '/requests/:id/reconciliation',
    { config: staff, schema: { tags, summary: 'The reconciliation of the two voices: the stakeholder’s wants and the learners’ realities, saved whole by whoever works the request (RQ-4)', params: uuidParam, body: reconciliationInput, response: { 200: requestView } } },
    async (request) => reconcileRequest(db, clock, actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/request-surveys/:token',
    { config: { access: 'public', rateLimit: readLimit }, schema: { tags, summary: 'The questionnaire behind a mailed link: the request’s title, who asks, whether it is still open (RQ-4)', params: surveyTokenParam, response: { 200: surveyFormView } } },
    async (request) => readSurvey(db, request.params.token, clock.now()),
  );

  app.post(
    '/request-surveys/:token',
    { config: { access: 'public', rateLimit: answerLimit }, schema: { tags, summary: 'Answer the questionnaire through the mailed link, once, while it is open (RQ-4)', params: surveyTokenParam, body: surveyAnswerInput, response: { 201: surveyAnsweredView } } },
    async (request, reply) => reply.status(201).send(await answerSurvey(db, clock, request.params.token, request.body)),
  );
}
