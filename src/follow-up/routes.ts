import { actorOf } from '../platform/http/actor-of';
import type { App } from '../platform/http/types';
import type { Deps } from '../platform/context';
import { uuidParam } from '../platform/http/common-schemas';
import { followUpAnswerInput, followUpAnsweredView, followUpAnswersView, followUpFormView, followUpTokenParam, myFollowUpsView } from './follow-up-schemas';
import { readFollowUp } from './follow-up-form';
import { answerFollowUp } from './answer-follow-up';
import { listMyFollowUps } from './list-my-follow-ups';
import { courseFollowUpAnswers, sessionFollowUpAnswers } from './read-follow-up-answers';

const tags = ['follow-up'];
// The link is a bearer token in a mail: each try is a guess at 256 bits. Per client, counted on
// arrival. Reading is limited too (more loosely: a page load and a refresh or two), so guessing
// tokens through the read costs as much as through the answer.
const answerLimit = { max: 10, timeWindow: '15 minutes' };
const readLimit = { max: 60, timeWindow: '15 minutes' };

export async function followUpRoutes(app: App, deps: Deps): Promise<void> {
  const { db, clock } = deps;
  const signedIn = { access: 'signed-in' as const };

  app.get(
    '/follow-ups/by-token/:token',
    { config: { access: 'public', rateLimit: readLimit }, schema: { tags, summary: 'The follow-up form behind a mailed link: course, session date, the learner, the objectives to rate, whether it is still open (AF-4)', params: followUpTokenParam, response: { 200: followUpFormView } } },
    async (request) => readFollowUp(db, { token: request.params.token }, clock.now()),
  );

  app.post(
    '/follow-ups/by-token/:token',
    { config: { access: 'public', rateLimit: answerLimit }, schema: { tags, summary: 'Answer the follow-up through the mailed link, once, while open; a not met objective opens a support case (AF-4, AF-5)', params: followUpTokenParam, body: followUpAnswerInput, response: { 201: followUpAnsweredView } } },
    async (request, reply) => reply.status(201).send(await answerFollowUp(deps, { token: request.params.token }, request.body)),
  );

  app.get(
    '/follow-ups/mine',
    { config: signedIn, schema: { tags, summary: 'The follow-ups I am asked to answer, as learner or supervisor, newest first (AF-4)', response: { 200: myFollowUpsView } } },
    async (request) => listMyFollowUps(db, actorOf(request), clock.now()),
  );

  app.get(
    '/follow-ups/:id',
    { config: signedIn, schema: { tags, summary: 'One of my follow-up forms, signed in (the respondent only, AF-4)', params: uuidParam, response: { 200: followUpFormView } } },
    async (request) => readFollowUp(db, { id: request.params.id, actor: actorOf(request) }, clock.now()),
  );

  app.post(
    '/follow-ups/:id',
    { config: signedIn, schema: { tags, summary: 'Answer one of my follow-ups, signed in: the same rules as the mailed link (AF-4, AF-5)', params: uuidParam, body: followUpAnswerInput, response: { 201: followUpAnsweredView } } },
    async (request, reply) => reply.status(201).send(await answerFollowUp(deps, { id: request.params.id, actor: actorOf(request) }, request.body)),
  );

  app.get(
    '/course-sessions/:id/follow-ups',
    { config: signedIn, schema: { tags, summary: 'A session’s follow-up answers and response rates (coordinators; the instructor without names where the course is anonymous, AF-4)', params: uuidParam, response: { 200: followUpAnswersView } } },
    async (request) => sessionFollowUpAnswers(db, actorOf(request), request.params.id),
  );

  app.get(
    '/courses/:id/follow-ups',
    { config: signedIn, schema: { tags, summary: 'A self-paced course’s follow-up answers and response rates (coordinators, AF-4)', params: uuidParam, response: { 200: followUpAnswersView } } },
    async (request) => courseFollowUpAnswers(db, actorOf(request), request.params.id),
  );
}

