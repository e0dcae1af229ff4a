import { z } from 'zod';
import { actorOf } from '../platform/http/actor-of';
import type { App } from '../platform/http/types';
import type { Deps } from '../platform/context';
import { uuidParam } from '../platform/http/common-schemas';
import { goalInput, goalListView, goalUpdateInput, goalView, portfolioQuery, portfolioView, segmentInput, segmentListView, segmentParams, segmentView } from './portfolio-schemas';
import { goalKeeperRoles, portfolioReaderRoles } from './request-staff';
import { listGoals } from './list-goals';
import { createGoal, deleteGoal, updateGoal } from './keep-goals';
import { listSegments, markSegment, unmarkSegment } from './prime-segments';
import { portfolio } from './portfolio';
import { portfolioCsv } from './portfolio-csv';

const tags = ['requests'];
const keepers = { access: { roles: goalKeeperRoles } };
const readers = { access: { roles: portfolioReaderRoles } };

/** RQ-7: strategic goals, prime customer segments and the portfolio of requests and effort. */
export async function portfolioRoutes(app: App, deps: Deps): Promise<void> {
  const { db, clock } = deps;

  app.get(
    '/strategic-goals',
    { config: { access: 'signed-in' }, schema: { tags, summary: 'The organization’s strategic goals, current ones first, with how many requests serve each; a requester picks one (RQ-7)', response: { 200: goalListView } } },
    async (request) => listGoals(db, actorOf(request)),
  );

  app.post(
    '/strategic-goals',
    { config: keepers, schema: { tags, summary: 'Add a strategic goal (the unit lead, RQ-7)', body: goalInput, response: { 201: goalView } } },
    async (request, reply) => reply.status(201).send(await createGoal(db, clock, actorOf(request), request.body)),
  );

  app.put(
    '/strategic-goals/:id',
    { config: keepers, schema: { tags, summary: 'Rename a goal, reword it, retire it (no longer offered) or bring it back (the unit lead, RQ-7)', params: uuidParam, body: goalUpdateInput, response: { 200: goalView } } },
    async (request) => updateGoal(db, actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/strategic-goals/:id',
    { config: keepers, schema: { tags, summary: 'Delete a goal entered by mistake; one that requests serve is retired instead (409) (RQ-7)', params: uuidParam, response: { 204: z.null() } } },
    async (request, reply) => {
      await deleteGoal(db, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/prime-segments',
    { config: readers, schema: { tags, summary: 'Every business unit, with whether the unit lead marked it a prime customer segment (RQ-7)', response: { 200: segmentListView } } },
    async (request) => listSegments(db, actorOf(request)),
  );

  app.put(
    '/prime-segments/:businessUnitId',
    { config: keepers, schema: { tags, summary: 'Mark a business unit a prime customer segment, with a note on why (the unit lead, RQ-7)', params: segmentParams, body: segmentInput, response: { 200: segmentView } } },
    async (request) => markSegment(db, clock, actorOf(request), request.params.businessUnitId, request.body.note),
  );

  app.delete(
    '/prime-segments/:businessUnitId',
    { config: keepers, schema: { tags, summary: 'A business unit is no longer a prime customer segment (the unit lead, RQ-7)', params: segmentParams, response: { 200: segmentView } } },
    async (request) => unmarkSegment(db, actorOf(request), request.params.businessUnitId),
  );

  app.get(
    '/requests/portfolio',
    { config: readers, schema: { tags, summary: 'The portfolio for a period: requests, decisions (and how many without training) and the unit’s hours by strategic goal and by business unit, prime segments marked (RQ-7)', querystring: portfolioQuery, response: { 200: portfolioView } } },
    async (request) => portfolio(db, request.query),
  );

  app.get(
    '/requests/portfolio.csv',
    { config: readers, schema: { tags, summary: 'The portfolio as CSV (RQ-7, VA-3)', querystring: portfolioQuery, produces: ['text/csv'] } },
    async (request, reply) => {
      const view = await portfolio(db, request.query);
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="portfolio-${view.from}-to-${view.to}.csv"`).send(portfolioCsv(view));
    },
  );
}
