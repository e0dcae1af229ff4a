import { z } from 'zod';
import { actorOf } from '../platform/http/actor-of';
import type { App } from '../platform/http/types';
import type { Deps } from '../platform/context';
import { uuidParam } from '../platform/http/common-schemas';
import { bodyLimitFor } from '../platform/files/file-schemas';
import { sendStoredFile } from '../platform/files/send-stored-file';
import {
  boardView, closeStageInput, commentFilePolicy, commentInput, createProjectInput, decisionInput, endProjectInput, fileParams, invitePartnerInput, projectDetailView,
  projectView, releasePlanInput, stagePlanInput, stageParams,
} from './development-schemas';
import { answerProblemInput, courseProblemSummary, fixProblemInput, problemListQuery, problemListView, problemReportView, reportProblemInput, triageProblemInput } from './problem-schemas';
import { listProjects } from './read-projects';
import { endProject } from './end-project';
import { developmentStaffRoles, projectStarterRoles } from './development-staff';
import { readBoard } from './read-board';
import { getProjectDetail } from './read-project';
import { createProject } from './create-project';
import { saveReleasePlan } from './save-release-plan';
import { planStage } from './plan-stage';
import { invitePartner } from './invite-partner';
import { commentOnStage } from './comment-on-stage';
import { decideStage } from './decide-stage';
import { closeStage } from './close-stage';
import { readCommentFile } from './read-comment-file';
import { reportProblem } from './report-problem';
import { answerProblem, fixProblem, triageProblem } from './handle-problem';
import { getProblemReport, listMyProblemReports, listProblemQueue, readCourseProblems } from './read-problem-reports';

const tags = ['development'];
/** The unit's staff who build and follow courseware. */
const staff = { access: { roles: developmentStaffRoles } };
/** Signed in; the use case decides per project (partners see only theirs, DV-2) or per report. */
const signedIn = { access: 'signed-in' as const };

export async function developmentRoutes(app: App, deps: Deps): Promise<void> {
  const { db, clock, publicUrl } = deps;
  app.get('/development-projects', { config: staff, schema: { tags, summary: 'Courseware development projects, newest first (RQ-6)', response: { 200: z.object({ items: z.array(projectView) }) } } }, async () => ({ items: await listProjects(db) }));
  app.get('/development-board', { config: signedIn, schema: { tags, summary: 'Projects by stage: the unit’s staff see all, a partner the projects they are invited to (DV-1)', response: { 200: boardView } } }, async (request) => readBoard(db, actorOf(request), clock.now()));
  app.post(
    '/development-projects',
    { config: { access: { roles: projectStarterRoles } }, schema: { tags, summary: 'Start a project by hand; its stages are the design model’s in force and its clock starts (DV-1, DV-3)', body: createProjectInput, response: { 201: projectDetailView } } },
    async (request, reply) => reply.status(201).send(await createProject(db, clock, actorOf(request), request.body)),
  );
  app.get('/development-projects/:id', { config: signedIn, schema: { tags, summary: 'One project with its stages, partners, comments and release plan (DV-1, DV-2)', params: uuidParam, response: { 200: projectDetailView } } }, async (request) => getProjectDetail(db, actorOf(request), request.params.id, clock.now()));
  app.put(
    '/development-projects/:id/release-plan',
    { config: staff, schema: { tags, summary: 'What the release writes into the catalog: the course, summary and objectives (DV-1)', params: uuidParam, body: releasePlanInput, response: { 200: projectDetailView } } },
    async (request) => saveReleasePlan(db, clock, actorOf(request), request.params.id, request.body),
  );
  app.put(
    '/development-projects/:id/stages/:stageId',
    { config: staff, schema: { tags, summary: 'A stage’s owner and due date (DV-1)', params: stageParams, body: stagePlanInput, response: { 200: projectDetailView } } },
    async (request) => planStage(db, clock, actorOf(request), request.params.id, request.params.stageId, request.body),
  );
  app.post(
    '/development-projects/:id/stages/:stageId/partners',
    { config: staff, schema: { tags, summary: 'Invite a subject-matter expert or customer-partner to review a stage; they are mailed (DV-2)', params: stageParams, body: invitePartnerInput, response: { 200: projectDetailView } } },
    async (request) => invitePartner(db, clock, publicUrl, actorOf(request), request.params.id, request.params.stageId, request.body),
  );
  app.post(
    '/development-projects/:id/stages/:stageId/comments',
    { config: signedIn, bodyLimit: bodyLimitFor(commentFilePolicy), schema: { tags, summary: 'Comment on a stage’s deliverables with photos, video or notes (DV-2)', params: stageParams, body: commentInput, response: { 200: projectDetailView } } },
    async (request) => commentOnStage(db, clock, actorOf(request), request.params.id, request.params.stageId, request.body),
  );
  app.post(
    '/development-projects/:id/stages/:stageId/decision',
    { config: signedIn, schema: { tags, summary: 'An invited partner signs the stage off or asks for changes (DV-2)', params: stageParams, body: decisionInput, response: { 200: projectDetailView } } },
    async (request) => decideStage(db, clock, actorOf(request), request.params.id, request.params.stageId, request.body),
  );
  app.post(
    '/development-projects/:id/stages/:stageId/close',
    { config: staff, schema: { tags, summary: 'Close the stage with its sign-offs, or the unit lead’s recorded override; the last one releases the course (DV-1, DV-2)', params: stageParams, body: closeStageInput, response: { 200: projectDetailView } } },
    async (request) => closeStage(db, clock, actorOf(request), request.params.id, request.params.stageId, request.body),
  );
  app.get(
    '/development-projects/:id/comments/:commentId/files/:fileId',
    { config: signedIn, schema: { tags, summary: 'An attachment of a stage comment, for those who may open the project, as a download', params: fileParams, produces: ['application/octet-stream'] } },
    async (request, reply) => sendStoredFile(reply, await readCommentFile(db, actorOf(request), request.params.id, request.params.commentId, request.params.fileId)),
  );
  app.post(
    '/development-projects/:id/end',
    { config: staff, schema: { tags, summary: 'The owner marks the project delivered (its clock stops) or cancelled (RQ-6)', params: uuidParam, body: endProjectInput, response: { 200: projectView } } },
    async (request) => endProject(db, clock, actorOf(request), request.params.id, request.body.state),
  );

  // Problem reports after release (DV-4).
  app.post(
    '/courses/:id/problem-reports',
    { config: signedIn, schema: { tags, summary: 'Report a problem with a course or ask a question about it; the charter’s answer clock starts (DV-4)', params: uuidParam, body: reportProblemInput, response: { 201: problemReportView } } },
    async (request, reply) => reply.status(201).send(await reportProblem(db, clock, actorOf(request), request.params.id, request.body)),
  );
  app.get('/courses/:id/problem-reports', { config: staff, schema: { tags, summary: 'Recurring problems on a course: counts by kind and the reports (DV-4)', params: uuidParam, response: { 200: courseProblemSummary } } }, async (request) => readCourseProblems(db, actorOf(request), request.params.id, clock.now()));
  app.get('/problem-reports/mine', { config: signedIn, schema: { tags, summary: 'The problems and questions I reported, with their answers (DV-4)', response: { 200: problemListView } } }, async (request) => ({ items: await listMyProblemReports(db, actorOf(request), clock.now()) }));
  app.get('/problem-reports', { config: staff, schema: { tags, summary: 'The unit’s queue of problem reports (DV-4)', querystring: problemListQuery, response: { 200: problemListView } } }, async (request) => ({ items: await listProblemQueue(db, actorOf(request), request.query.state, clock.now()) }));
  app.get('/problem-reports/:id', { config: signedIn, schema: { tags, summary: 'One problem report, for its reporter or the unit’s staff (DV-4)', params: uuidParam, response: { 200: problemReportView } } }, async (request) => getProblemReport(db, actorOf(request), request.params.id, clock.now()));
  app.post(
    '/problem-reports/:id/triage',
    { config: staff, schema: { tags, summary: 'Give the report to who answers it (DV-4)', params: uuidParam, body: triageProblemInput, response: { 200: problemReportView } } },
    async (request) => triageProblem(db, clock, actorOf(request), request.params.id, request.body.ownerId),
  );
  app.post(
    '/problem-reports/:id/answer',
    { config: staff, schema: { tags, summary: 'Answer the reporter, by mail and on their report; stops the charter’s clock (DV-4)', params: uuidParam, body: answerProblemInput, response: { 200: problemReportView } } },
    async (request) => answerProblem(db, clock, publicUrl, actorOf(request), request.params.id, request.body.answer),
  );
  app.post(
    '/problem-reports/:id/fix',
    { config: staff, schema: { tags, summary: 'Record the fix as the course revision that makes it (DV-4)', params: uuidParam, body: fixProblemInput, response: { 200: problemReportView } } },
    async (request) => fixProblem(db, clock, publicUrl, actorOf(request), request.params.id, request.body),
  );
}
