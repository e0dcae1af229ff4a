import { actorOf } from '../platform/http/actor-of';
import { z } from 'zod';
import type { App } from '../platform/http/types';
import type { Deps } from '../platform/context';
import { pageOf, uuidParam } from '../platform/http/common-schemas';
import {
  businessUnitSchema, importColumns, importRequest, importStatus, listPeopleQuery, orgChartResponse, personDetail,
  personInput, personPatch, personSummary,
} from './people-schemas';
import { listPeople } from './list-people';
import { getPerson } from './get-person';
import { createPerson, updatePerson } from './save-person';
import { listBusinessUnits } from './list-business-units';
import { getOrgChart } from './get-org-chart';
import { getPeopleImport, previewPeopleImport } from './import/preview-people-import';
import { runPeopleImport, startPeopleImport } from './import/apply-people-import';
import { MAX_IMPORT_BYTES } from './import/parse-people-csv';

const tags = ['people'];
const admin = { roles: ['admin'] as const };

export async function peopleRoutes(app: App, deps: Deps): Promise<void> {
  const { db } = deps;

  app.get(
    '/people',
    { config: { access: 'signed-in' }, schema: { tags, summary: 'People I may see (staff: everyone; others: themselves, their managers and their team)', querystring: listPeopleQuery, response: { 200: pageOf(personSummary) } } },
    async (request) => listPeople(db, actorOf(request), request.query),
  );

  app.get(
    '/people/:id',
    { config: { access: 'signed-in' }, schema: { tags, summary: 'One person, with their managers and direct reports', params: uuidParam, response: { 200: personDetail } } },
    async (request) => getPerson(db, actorOf(request), request.params.id),
  );

  app.post(
    '/people',
    { config: { access: admin }, schema: { tags, summary: 'Add a person', body: personInput, response: { 201: personDetail } } },
    async (request, reply) => reply.status(201).send(await createPerson(db, actorOf(request), request.body)),
  );

  app.patch(
    '/people/:id',
    { config: { access: admin }, schema: { tags, summary: 'Change a person', params: uuidParam, body: personPatch, response: { 200: personDetail } } },
    async (request) => updatePerson(db, actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/business-units',
    { config: { access: 'signed-in' }, schema: { tags, summary: 'Business units with their head counts', response: { 200: z.array(businessUnitSchema) } } },
    async () => listBusinessUnits(db),
  );

  app.get(
    '/org-chart',
    {
      config: { access: 'signed-in' },
      schema: { tags, summary: "One level of the org chart: a person's managers above and direct reports below", querystring: z.object({ rootId: z.uuid().optional() }), response: { 200: orgChartResponse } },
    },
    async (request) => getOrgChart(db, request.query.rootId),
  );

  app.get(
    '/people-imports/template.csv',
    { config: { access: admin }, schema: { tags, summary: 'A CSV template with the columns Stride reads', produces: ['text/csv'] } },
    async (_request, reply) => {
      const header = importColumns.map((c) => c.name).join(',');
      const sample = 'E1001,Ana Souza,ana.souza@example.org,Team lead,Customer Care,,America/Sao_Paulo,pt-BR';
      return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="people-template.csv"').send(`${header}\n${sample}\n`);
    },
  );

  app.post(
    '/people-imports',
    {
      // Checked by content before anything is stored: a spreadsheet or an image is refused, whatever its name.
      config: { access: admin, textUpload: { field: 'csv', format: 'CSV', maxBytes: MAX_IMPORT_BYTES } },
      schema: { tags, summary: 'Upload an HR export (CSV) and preview it; nothing changes yet', body: importRequest, response: { 201: importStatus } },
    },
    async (request, reply) => reply.status(201).send(await previewPeopleImport(db, actorOf(request), request.body)),
  );

  app.post(
    '/people-imports/:id/apply',
    { config: { access: admin }, schema: { tags, summary: 'Apply a previewed import; poll it for progress', params: uuidParam, response: { 202: importStatus } } },
    async (request, reply) => {
      const actor = actorOf(request);
      const started = await startPeopleImport(db, request.params.id);
      runPeopleImport(db, actor, request.params.id).catch((err: unknown) => {
        // The whole error goes through the logger's serializer, which keeps the row values (names, e-mails) out.
        request.log.warn({ importId: request.params.id, err }, 'people import failed; nothing applied');
      });
      return reply.status(202).send(started);
    },
  );

  app.get(
    '/people-imports/:id',
    { config: { access: admin }, schema: { tags, summary: 'An import with its progress and errors', params: uuidParam, response: { 200: importStatus } } },
    async (request) => getPeopleImport(db, request.params.id),
  );
}
