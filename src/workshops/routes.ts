import { z } from 'zod';
import { actorOf } from '../platform/http/actor-of';
import type { App } from '../platform/http/types';
import type { Deps } from '../platform/context';
import { uuidParam } from '../platform/http/common-schemas';
import { problemOf, problemSchema, sendProblem } from '../platform/http/problem';
import { glossaryTermInput } from '../glossary/glossary-schemas';
import { requestFromOpportunityInput, createWorkshopInput, moveWorkshopInput, saveWorkshopInput, workshopListQuery, workshopSummary, workshopView } from './workshop-schemas';
import { workshopRunnerRoles } from './workshop-staff';
import { listWorkshops } from './list-workshops';
import { readWorkshop } from './read-workshop';
import { createWorkshop } from './create-workshop';
import { saveWorkshop } from './save-workshop';
import { StaleWorkshopError } from './assert-workshop-editable';
import { moveWorkshopStep } from './move-workshop-step';
import { harvestWord } from './harvest-word';
import { turnOpportunityIntoRequest } from './turn-opportunity-into-request';

const tags = ['workshops'];
const opportunityParams = uuidParam.extend({ opportunityId: z.uuid('Must be a valid id.') });
const runners = { access: { roles: workshopRunnerRoles } };

// A save on an older revision answers 409 with the workshop as it is now (`current`): the editor
// keeps what was typed and merges, without a second request.
const staleWorkshopProblem = problemSchema.extend({ current: workshopView.optional() }).meta({ id: 'StaleWorkshop' });

export async function workshopRoutes(app: App, deps: Deps): Promise<void> {
  const { db } = deps;

  app.get(
    '/workshops',
    { config: { access: 'signed-in' }, schema: { tags, summary: 'Customer experience workshops, latest first: every one for the unit’s staff, the ones they took part in for others (CX-1..4)', querystring: workshopListQuery, response: { 200: z.array(workshopSummary) } } },
    async (request) => listWorkshops(db, actorOf(request), request.query),
  );

  app.post(
    '/workshops',
    { config: runners, schema: { tags, summary: 'Plan a customer experience workshop for a business unit or a process (consultants, the unit lead, CX-1)', body: createWorkshopInput, response: { 201: workshopView } } },
    async (request, reply) => reply.status(201).send(await createWorkshop(deps, actorOf(request), request.body)),
  );

  app.get(
    '/workshops/:id',
    { config: { access: 'signed-in' }, schema: { tags, summary: 'A workshop: moments of truth in order with their analysis, opportunities, stories, the words harvested, and what each step still lacks (staff and participants, CX-1..4)', params: uuidParam, response: { 200: workshopView } } },
    async (request) => readWorkshop(db, actorOf(request), request.params.id),
  );

  app.put(
    '/workshops/:id',
    { config: runners, schema: { tags, summary: 'Save the whole workshop on top of the revision edited, all or nothing (CX-1..3)', params: uuidParam, body: saveWorkshopInput, response: { 200: workshopView, 409: staleWorkshopProblem } } },
    async (request, reply) => {
      try {
        return await saveWorkshop(deps, actorOf(request), request.params.id, request.body);
      } catch (error) {
        if (!(error instanceof StaleWorkshopError)) throw error;
        const problem = problemOf('conflict', error.message, request.url.split('?')[0], error.fields);
        return sendProblem(reply, { ...problem, current: error.current } as typeof problem);
      }
    },
  );

  app.post(
    '/workshops/:id/step',
    { config: runners, schema: { tags, summary: 'Move the guided workshop to another step; forward only when the steps passed are complete, each gap a field error (CX-1..4)', params: uuidParam, body: moveWorkshopInput, response: { 200: workshopView } } },
    async (request) => moveWorkshopStep(deps, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/workshops/:id/words',
    { config: runners, schema: { tags, summary: 'Harvest a word of the organization’s own into the glossary, linked to the workshop (CX-3, FB-3)', params: uuidParam, body: glossaryTermInput, response: { 201: workshopView } } },
    async (request, reply) => reply.status(201).send(await harvestWord(deps, actorOf(request), request.params.id, request.body)),
  );

  app.post(
    '/workshops/:id/opportunities/:opportunityId/request',
    { config: runners, schema: { tags, summary: 'Turn a harvested opportunity into a submitted request for the business unit, in one action; its triage clock starts like any request’s (CX-4, RQ-2)', params: opportunityParams, body: requestFromOpportunityInput, response: { 201: workshopView } } },
    async (request, reply) => reply.status(201).send(await turnOpportunityIntoRequest(deps, actorOf(request), request.params.id, request.params.opportunityId, request.body)),
  );
}
