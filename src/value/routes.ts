import type { App } from '../platform/http/types';
import type { Deps } from '../platform/context';
import type { Access } from '../platform/auth/actor';
import { valueReaderRoles } from './value-readers';
import { dashboardView, measureKeyParam, recordsQuery, recordsView, valueQuery } from './value-schemas';
import { valueDashboard } from './value-dashboard';
import { allMeasureRecords, measureRecords } from './measure-records';
import { dashboardCsv, recordsCsv } from './value-csv';

const tags = ['value'];
const readers = { access: { roles: valueReaderRoles } satisfies Access };

const attachment = (name: string) => `attachment; filename="${name}"`;

export async function valueRoutes(app: App, deps: Deps): Promise<void> {
  const { db, clock } = deps;

  app.get(
    '/value/dashboard',
    {
      config: readers,
      schema: { tags, summary: 'The value dashboard: every measure for a period, business unit and strategic goal, with its split, its trend by month and its definition (VA-1, VA-2)', querystring: valueQuery, response: { 200: dashboardView } },
    },
    async (request) => valueDashboard(db, request.query, clock.now()),
  );

  app.get(
    '/value/dashboard.csv',
    { config: readers, schema: { tags, summary: 'The dashboard as CSV: a row per measure and part, then the trends month by month (VA-3)', querystring: valueQuery, produces: ['text/csv'] } },
    async (request, reply) => {
      const view = await valueDashboard(db, request.query, clock.now());
      return reply.type('text/csv; charset=utf-8').header('content-disposition', attachment(`value-${view.from}-to-${view.to}.csv`)).send(dashboardCsv(view));
    },
  );

  app.get(
    '/value/measures/:key/records',
    {
      config: readers,
      schema: { tags, summary: 'The records behind a measure’s figure, in the order they happened, a page at a time (VA-2)', params: measureKeyParam, querystring: recordsQuery, response: { 200: recordsView } },
    },
    async (request) => measureRecords(db, request.params.key, request.query, clock.now()),
  );

  app.get(
    '/value/measures/:key/records.csv',
    { config: readers, schema: { tags, summary: 'Every record behind a measure’s figure as CSV (VA-3)', params: measureKeyParam, querystring: valueQuery, produces: ['text/csv'] } },
    async (request, reply) => {
      const { measure, echo, columns, rows } = await allMeasureRecords(db, request.params.key, request.query, clock.now());
      return reply.type('text/csv; charset=utf-8').header('content-disposition', attachment(`${measure.key}-${echo.from}-to-${echo.to}.csv`)).send(recordsCsv(columns, rows));
    },
  );
}
