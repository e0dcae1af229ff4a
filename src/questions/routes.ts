import { actorOf } from '../platform/http/actor-of';
import { z } from 'zod';
import type { App } from '../platform/http/types';
import type { Deps } from '../platform/context';
import { uuidParam } from '../platform/http/common-schemas';
import { answerQuestionInput, askQuestionInput, assignQuestionInput, guestQuestionInput, guestQuestionReceipt, listQuestionsQuery, logQuestionInput, questionView } from './question-schemas';
import { questionStaffRoles } from './question-staff';
import { askQuestion, logQuestion } from './ask-question';
import { askAsGuest } from './ask-as-guest';
import { getQuestion, listQuestions } from './read-question';
import { assignQuestion } from './assign-question';
import { answerQuestion } from './answer-question';

const tags = ['questions'];
const staff = { roles: questionStaffRoles };
// The public form writes a question and mails a receipt to the address given: few per client, so
// it cannot be used to flood the unit's queue or someone's inbox. Counted after the CSRF check and
// validation, so only requests that would write something use up the allowance.
const guestLimit = { max: 5, timeWindow: '15 minutes', hook: 'preHandler' as const };

export async function questionRoutes(app: App, deps: Deps): Promise<void> {
  const { db, clock } = deps;

  app.post(
    '/questions',
    { config: { access: 'signed-in' }, schema: { tags, summary: 'Ask the training unit a question (web form); its first-response clock starts', body: askQuestionInput, response: { 201: questionView } } },
    async (request, reply) => reply.status(201).send(await askQuestion(db, clock, actorOf(request), request.body)),
  );

  app.post(
    '/questions/guest',
    {
      config: { access: 'public', rateLimit: guestLimit },
      schema: { tags, summary: 'Ask the training unit without an account: the answer and a receipt go to the e-mail given; the first-response clock starts', body: guestQuestionInput, response: { 201: guestQuestionReceipt } },
    },
    async (request, reply) => reply.status(201).send(await askAsGuest(db, clock, request.body)),
  );

  app.post(
    '/questions/logged',
    { config: { access: staff }, schema: { tags, summary: 'Log a phone call or e-mail on the asker’s behalf, with when it happened', body: logQuestionInput, response: { 201: questionView } } },
    async (request, reply) => reply.status(201).send(await logQuestion(db, clock, actorOf(request), request.body)),
  );

  app.get(
    '/questions',
    { config: { access: 'signed-in' }, schema: { tags, summary: 'Questions with their service-level state: all for the unit’s staff, one’s own for everyone else', querystring: listQuestionsQuery, response: { 200: z.array(questionView) } } },
    async (request) => listQuestions(db, actorOf(request), request.query, clock.now()),
  );

  app.get(
    '/questions/:id',
    { config: { access: 'signed-in' }, schema: { tags, summary: 'One question, its answers and its service-level state (the asker and the unit’s staff)', params: uuidParam, response: { 200: questionView } } },
    async (request) => getQuestion(db, actorOf(request), request.params.id, clock.now()),
  );

  app.patch(
    '/questions/:id/assignee',
    { config: { access: staff }, schema: { tags, summary: 'Assign the question; its running clocks follow the assignee', params: uuidParam, body: assignQuestionInput, response: { 200: questionView } } },
    async (request) => assignQuestion(db, clock, actorOf(request), request.params.id, request.body.assigneeId),
  );

  app.post(
    '/questions/:id/answers',
    { config: { access: staff }, schema: { tags, summary: 'Answer the question: mailed to the asker; the first answer stops the first-response clock', params: uuidParam, body: answerQuestionInput, response: { 201: questionView } } },
    async (request, reply) => reply.status(201).send(await answerQuestion(db, clock, actorOf(request), request.params.id, request.body.body)),
  );
}
