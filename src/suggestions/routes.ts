import { z } from 'zod';
import { actorOf } from '../platform/http/actor-of';
import type { App } from '../platform/http/types';
import type { Deps } from '../platform/context';
import { uuidParam } from '../platform/http/common-schemas';
import { answerSuggestionInput, decideSuggestionInput, escalateSuggestionInput, listSuggestionsQuery, submitSuggestionInput, suggestionView } from './suggestion-schemas';
import { submitSuggestion } from './submit-suggestion';
import { getSuggestion, listSuggestions } from './read-suggestions';
import { answerSuggestion, escalateSuggestion } from './review-suggestion';
import { decideSuggestion } from './decide-suggestion';

const tags = ['suggestions'];
const signedIn = { access: 'signed-in' as const };

export async function suggestionRoutes(app: App, deps: Deps): Promise<void> {
  const { db, clock, publicUrl } = deps;

  app.post(
    '/suggestions',
    { config: signedIn, schema: { tags, summary: 'Suggest how to improve service; your manager is asked to review it (FB-2)', body: submitSuggestionInput, response: { 201: suggestionView } } },
    async (request, reply) => reply.status(201).send(await submitSuggestion(db, clock, publicUrl, actorOf(request), request.body)),
  );

  app.get(
    '/suggestions',
    { config: signedIn, schema: { tags, summary: 'Suggestions: mine, my reports’ to review, or (leaders) those escalated to leadership', querystring: listSuggestionsQuery, response: { 200: z.array(suggestionView) } } },
    async (request) => listSuggestions(db, actorOf(request), request.query.view),
  );

  app.get(
    '/suggestions/:id',
    { config: signedIn, schema: { tags, summary: 'One suggestion with every step (the submitter, their managers, leaders)', params: uuidParam, response: { 200: suggestionView } } },
    async (request) => getSuggestion(db, actorOf(request), request.params.id),
  );

  app.post(
    '/suggestions/:id/escalate',
    { config: signedIn, schema: { tags, summary: 'The submitter’s manager supports it and escalates it to leadership', params: uuidParam, body: escalateSuggestionInput, response: { 200: suggestionView } } },
    async (request) => escalateSuggestion(db, clock, publicUrl, actorOf(request), request.params.id, request.body.support),
  );

  app.post(
    '/suggestions/:id/answer',
    { config: signedIn, schema: { tags, summary: 'The submitter’s manager answers why not', params: uuidParam, body: answerSuggestionInput, response: { 200: suggestionView } } },
    async (request) => answerSuggestion(db, clock, publicUrl, actorOf(request), request.params.id, request.body.reason),
  );

  app.post(
    '/suggestions/:id/decide',
    { config: { access: { roles: ['leader'] } }, schema: { tags, summary: 'A leader decides an escalated suggestion: adopt, pilot, or decline with a reason', params: uuidParam, body: decideSuggestionInput, response: { 200: suggestionView } } },
    async (request) => decideSuggestion(db, clock, publicUrl, actorOf(request), request.params.id, request.body),
  );
}
