import { z } from 'zod';
import { actorOf } from '../platform/http/actor-of';
import type { App } from '../platform/http/types';
import type { Deps } from '../platform/context';
import { uuidParam } from '../platform/http/common-schemas';
import { problemOf, problemSchema, sendProblem } from '../platform/http/problem';
import { closePlanInput, planListQuery, planSummary, planView, startableView, updatePlanInput } from './retention-schemas';
import { startRetentionPlan } from './start-retention-plan';
import { readRetentionPlan } from './read-retention-plan';
import { StalePlanError, updateRetentionPlan } from './update-retention-plan';
import { closeRetentionPlan } from './close-retention-plan';
import { listRetentionPlans, listStartable } from './list-retention-plans';

const tags = ['retention'];

// A save on an older revision answers 409 with the plan as it is now (`current`): the editor keeps
// what was typed and merges, without a second request.
const stalePlanProblem = problemSchema.extend({ current: planView.optional() }).meta({ id: 'StaleRetentionPlan' });

export async function retentionRoutes(app: App, deps: Deps): Promise<void> {
  const { db, clock } = deps;
  const signedIn = { access: 'signed-in' as const };

  app.post(
    '/enrolments/:id/retention-plan',
    { config: signedIn, schema: { tags, summary: 'Start the retention plan of a completed enrolment, pre-filled with an action per course objective and two check-ins (the learner, their supervisor or a coordinator, AF-6)', params: uuidParam, response: { 201: planView } } },
    async (request, reply) => reply.status(201).send(await startRetentionPlan(deps, actorOf(request), request.params.id)),
  );

  app.get(
    '/retention-plans',
    { config: signedIn, schema: { tags, summary: 'Retention plans with their progress: mine, my team’s, or all (the training unit’s staff, AF-6)', querystring: planListQuery, response: { 200: z.array(planSummary) } } },
    async (request) => listRetentionPlans(db, actorOf(request), request.query.scope),
  );

  app.get(
    '/retention-plans/startable',
    { config: signedIn, schema: { tags, summary: 'Completed courses, mine and my team’s, with no retention plan yet (AF-6)', response: { 200: z.array(startableView) } } },
    async (request) => listStartable(db, actorOf(request)),
  );

  app.get(
    '/retention-plans/:id',
    { config: signedIn, schema: { tags, summary: 'A retention plan: the objectives with their actions, the check-ins, who changed it last (the learner, their supervisor, staff, AF-6)', params: uuidParam, response: { 200: planView } } },
    async (request) => readRetentionPlan(db, clock, actorOf(request), request.params.id),
  );

  app.put(
    '/retention-plans/:id',
    {
      config: signedIn,
      schema: { tags, summary: 'Save the whole plan on top of the revision edited, all or nothing; every objective keeps an action (the learner, their supervisor, coordinators, AF-6)', params: uuidParam, body: updatePlanInput, response: { 200: planView, 409: stalePlanProblem } },
    },
    async (request, reply) => {
      try {
        return await updateRetentionPlan(deps, actorOf(request), request.params.id, request.body);
      } catch (error) {
        if (!(error instanceof StalePlanError)) throw error;
        const problem = problemOf('conflict', error.message, request.url.split('?')[0], error.fields);
        return sendProblem(reply, { ...problem, current: error.current } as typeof problem);
      }
    },
  );

  app.post(
    '/retention-plans/:id/close',
    { config: signedIn, schema: { tags, summary: 'Confirm the objectives are applied and close the plan; the learner is mailed (the supervisor, or a coordinator when there is none, AF-6)', params: uuidParam, body: closePlanInput, response: { 200: planView } } },
    async (request) => closeRetentionPlan(deps, actorOf(request), request.params.id, request.body),
  );
}
