import { actorOf } from '../platform/http/actor-of';
import { z } from 'zod';
import type { App } from '../platform/http/types';
import type { Deps } from '../platform/context';
import { uuidParam } from '../platform/http/common-schemas';
import {
  applyInput, approvalLinkView, approvalOutcomeView, cancelInput, courseEnrolmentInput, courseNominationInput, decisionInput, enrolmentDetailView, enrolmentView,
  learningQuery, learningView, nominateInput, rosterView, sessionAudienceView, sessionSeatsView, substituteInput, tokenParam,
} from './enrolment-schemas';
import { audienceAnswersInput, redirectInput } from './audience-schemas';
import { applyForSession } from './apply-for-session';
import { nominateForSession } from './nominate-for-session';
import { enrolInCourse } from './enrol-in-course';
import { cancelEnrolment } from './cancel-enrolment';
import { substituteEnrolment } from './substitute-enrolment';
import { decideApplication } from './decide-application';
import { decideByLink, readApprovalLink } from './approve-by-link';
import { getEnrolment } from './read-enrolment';
import { listAwaitingApproval, listMyLearning, listTeamLearning } from './list-learning';
import { sessionRoster, sessionSeatsForMe } from './session-roster';
import { sessionAudience } from './session-audience';
import { answerAudienceQuestions } from './answer-audience-questions';
import { redirectEnrolment } from './redirect-enrolment';
import { listColleagues } from './list-colleagues';
import { attendanceInput, attendanceView, completeSession, completionView, readAttendance, recordAttendance } from './attendance';
import { completionRecordedView, recordCompletion, recordCompletionInput } from './record-completion';
import { importCompletions, importCompletionsInput, importCompletionsView } from './import-completions';
import { reopenCompletion, reopenCompletionInput, reopenedView } from './reopen-completion';

const tags = ['enrolment'];
// The approval link is a bearer token in a mail: each try is a guess at 256 bits, and each success
// mails a learner. Per client, counted on arrival, so guessing costs the same as deciding.
const approvalLinkLimit = { max: 10, timeWindow: '15 minutes' };

export async function enrolmentRoutes(app: App, deps: Deps): Promise<void> {
  const { db, clock } = deps;
  const signedIn = { access: 'signed-in' as const };

  app.post(
    '/course-sessions/:id/enrolments',
    { config: signedIn, schema: { tags, summary: 'Apply for a session: a seat, the waitlist, or an application waiting for approval (CA-3), with the audience questions answered (CA-4)', params: uuidParam, body: applyInput, response: { 201: enrolmentView } } },
    async (request, reply) => reply.status(201).send(await applyForSession(deps, actorOf(request), request.params.id, request.body)),
  );

  app.post(
    '/course-sessions/:id/nominations',
    { config: signedIn, schema: { tags, summary: 'Put someone down for a session: a supervisor their report, a coordinator anyone (also after the deadline), with what they expect afterwards (CA-4)', params: uuidParam, body: nominateInput, response: { 201: enrolmentView } } },
    async (request, reply) => reply.status(201).send(await nominateForSession(deps, actorOf(request), request.params.id, request.body)),
  );

  app.get(
    '/course-sessions/:id/enrolments',
    { config: signedIn, schema: { tags, summary: 'A session’s roster: confirmed, the waitlist in order, pending approvals (coordinators and the session’s instructor)', params: uuidParam, response: { 200: rosterView } } },
    async (request) => sessionRoster(db, actorOf(request), request.params.id, clock.now()),
  );

  app.get(
    '/course-sessions/:id/audience',
    { config: signedIn, schema: { tags, summary: 'A session’s audience analysis: each live applicant’s answers, expectations and fit flags, and a summary by rule (coordinators and the session’s instructor, CA-4)', params: uuidParam, response: { 200: sessionAudienceView } } },
    async (request) => sessionAudience(db, actorOf(request), request.params.id, clock.now()),
  );

  app.get(
    '/course-sessions/:id/attendance',
    { config: signedIn, schema: { tags, summary: 'A session’s attendance: its days and each confirmed or finished enrolment’s marks (coordinators and the session’s instructor, AF-1)', params: uuidParam, response: { 200: attendanceView } } },
    async (request) => readAttendance(db, actorOf(request), request.params.id),
  );

  app.put(
    '/course-sessions/:id/attendance',
    { config: signedIn, schema: { tags, summary: 'Record one session day’s attendance in bulk from the roster, all or nothing (coordinators and the session’s instructor, AF-1)', params: uuidParam, body: attendanceInput, response: { 200: attendanceView } } },
    async (request) => recordAttendance(deps, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/course-sessions/:id/complete',
    { config: signedIn, schema: { tags, summary: 'After the session: present every day → completed (the certificate clock starts), otherwise no-show; refused while marks are missing (AF-1)', params: uuidParam, response: { 200: completionView } } },
    async (request) => completeSession(deps, actorOf(request), request.params.id),
  );

  app.post(
    '/courses/:id/completions',
    { config: signedIn, schema: { tags, summary: 'Record that someone completed a self-paced (e-learning) course on a date; the certificate clock starts (coordinators, AF-1)', params: uuidParam, body: recordCompletionInput, response: { 201: completionRecordedView } } },
    async (request, reply) => reply.status(201).send(await recordCompletion(deps, actorOf(request), request.params.id, request.body)),
  );

  app.post(
    '/courses/:id/completions/import',
    { config: signedIn, schema: { tags, summary: 'Import e-learning completions from a CSV (email or employee_id, completed_on): every line checked first, all or nothing; a dry run previews (coordinators, AF-1)', params: uuidParam, body: importCompletionsInput, response: { 200: importCompletionsView } } },
    async (request) => importCompletions(deps, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/enrolments/:id/reopen-completion',
    { config: signedIn, schema: { tags, summary: 'Put a completed or no-show session enrolment back to confirmed so its marks can be corrected; refused once a certificate is issued (coordinators, AF-1)', params: uuidParam, body: reopenCompletionInput, response: { 200: reopenedView } } },
    async (request) => reopenCompletion(deps, actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/course-sessions/:id/seats',
    { config: signedIn, schema: { tags, summary: 'A session’s seats, whether I can apply now, and my own enrolment there', params: uuidParam, response: { 200: sessionSeatsView } } },
    async (request) => sessionSeatsForMe(db, actorOf(request), request.params.id, clock.now()),
  );

  app.post(
    '/courses/:id/enrolments',
    { config: signedIn, schema: { tags, summary: 'Enrol in a self-paced e-learning course: confirmed at once, no seats', params: uuidParam, body: courseEnrolmentInput, response: { 201: enrolmentView } } },
    async (request, reply) => reply.status(201).send(await enrolInCourse(deps, actorOf(request), request.params.id, request.body)),
  );

  app.post(
    '/courses/:id/nominations',
    { config: signedIn, schema: { tags, summary: 'Enrol someone in a self-paced course: a supervisor their report, a coordinator anyone', params: uuidParam, body: courseNominationInput, response: { 201: enrolmentView } } },
    async (request, reply) => reply.status(201).send(await enrolInCourse(deps, actorOf(request), request.params.id, request.body)),
  );

  app.get(
    '/enrolments/mine',
    { config: signedIn, schema: { tags, summary: 'My learning: my enrolments, upcoming and past, with their state', response: { 200: learningView } } },
    async (request) => listMyLearning(db, actorOf(request), clock.now()),
  );

  app.get(
    '/enrolments/team',
    { config: signedIn, schema: { tags, summary: 'My reports’ enrolments (direct and further down), upcoming and past', querystring: learningQuery, response: { 200: learningView } } },
    async (request) => listTeamLearning(db, actorOf(request), clock.now(), request.query.personId),
  );

  app.get(
    '/enrolments/awaiting-approval',
    { config: signedIn, schema: { tags, summary: 'Applications waiting for my decision: my reports’, and for coordinators those a coordinator approves', response: { 200: z.array(enrolmentView) } } },
    async (request) => listAwaitingApproval(db, actorOf(request), clock.now()),
  );

  app.get(
    '/enrolments/:id',
    { config: signedIn, schema: { tags, summary: 'One enrolment and its history (the learner, their supervisors, coordinators, the session’s instructor)', params: uuidParam, response: { 200: enrolmentDetailView } } },
    async (request) => getEnrolment(db, actorOf(request), request.params.id, clock.now()),
  );

  app.post(
    '/enrolments/:id/cancel',
    { config: signedIn, schema: { tags, summary: 'Cancel a place, a waitlist place or an application; a freed seat goes to the waitlist in order', params: uuidParam, body: cancelInput, response: { 200: enrolmentView } } },
    async (request) => cancelEnrolment(deps, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/enrolments/:id/substitute',
    { config: signedIn, schema: { tags, summary: 'Pass a confirmed seat to a colleague, past the waitlist; the substitute’s approval rules apply', params: uuidParam, body: substituteInput, response: { 201: enrolmentView } } },
    async (request, reply) => reply.status(201).send(await substituteEnrolment(deps, actorOf(request), request.params.id, request.body)),
  );

  app.get(
    '/enrolments/:id/colleagues',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Colleagues (same business unit or manager) who could take the seat, found by name: for whoever may pass it on',
        params: uuidParam,
        querystring: z.object({ q: z.string().trim().max(100, 'Search with at most 100 characters.').default('') }),
        response: { 200: z.array(z.object({ id: z.uuid(), name: z.string(), jobTitle: z.string(), businessUnit: z.string().nullable() })) },
      },
    },
    async (request) => listColleagues(deps.db, actorOf(request), request.params.id, request.query.q),
  );

  app.put(
    '/enrolments/:id/audience',
    { config: signedIn, schema: { tags, summary: 'Answer or change the audience questions of an enrolment; the fit is checked again (the learner, or a coordinator on their behalf, CA-4)', params: uuidParam, body: audienceAnswersInput, response: { 200: enrolmentView } } },
    async (request) => answerAudienceQuestions(deps, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/enrolments/:id/redirect',
    { config: signedIn, schema: { tags, summary: 'Move an applicant to a better offering in one step, with a message mailed to them and their supervisor (coordinators, CA-4)', params: uuidParam, body: redirectInput, response: { 201: enrolmentView } } },
    async (request, reply) => reply.status(201).send(await redirectEnrolment(deps, actorOf(request), request.params.id, request.body)),
  );

  app.post(
    '/enrolments/:id/approval',
    { config: signedIn, schema: { tags, summary: 'Approve or decline an application (a supervisor of the learner, or a coordinator), approving with what they expect afterwards (CA-4)', params: uuidParam, body: decisionInput, response: { 200: enrolmentView } } },
    async (request) => decideApplication(deps, actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/approvals/:token',
    { config: { access: 'public' }, schema: { tags, summary: 'What an approval link from a mail decides: learner, course, session time', params: tokenParam, response: { 200: approvalLinkView } } },
    async (request) => readApprovalLink(db, clock, request.params.token),
  );

  app.post(
    '/approvals/:token',
    { config: { access: 'public', rateLimit: approvalLinkLimit }, schema: { tags, summary: 'Approve or decline through the link in the mail (works once, until it expires)', params: tokenParam, body: decisionInput, response: { 200: approvalOutcomeView } } },
    async (request) => decideByLink(deps, request.params.token, request.body),
  );
}
