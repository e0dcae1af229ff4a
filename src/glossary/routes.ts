import { actorOf } from '../platform/http/actor-of';
import type { App } from '../platform/http/types';
import type { Deps } from '../platform/context';
import { uuidParam } from '../platform/http/common-schemas';
import { glossaryQuery, glossaryTermInput, glossaryTermView, glossaryView } from './glossary-schemas';
import { glossaryEditorRoles } from './glossary-staff';
import { listGlossaryTerms } from './list-glossary-terms';
import { addGlossaryTerm } from './add-glossary-term';
import { updateGlossaryTerm } from './update-glossary-term';

const tags = ['glossary'];
const editors = { access: { roles: glossaryEditorRoles } };

export async function glossaryRoutes(app: App, deps: Deps): Promise<void> {
  app.get(
    '/glossary',
    { config: { access: 'signed-in' }, schema: { tags, summary: 'The common service language: terms and the organization’s own words with their meaning, searchable (everyone signed in, FB-3)', querystring: glossaryQuery, response: { 200: glossaryView } } },
    async (request) => listGlossaryTerms(deps.db, actorOf(request), request.query),
  );

  app.post(
    '/glossary',
    { config: editors, schema: { tags, summary: 'Add a term to the glossary; one entry per word whatever its case (the unit’s coordinators, consultants and lead, FB-3)', body: glossaryTermInput, response: { 201: glossaryTermView } } },
    async (request, reply) => reply.status(201).send(await addGlossaryTerm(deps, actorOf(request), request.body)),
  );

  app.put(
    '/glossary/:id',
    { config: editors, schema: { tags, summary: 'Change a term’s wording, meaning or example (FB-3)', params: uuidParam, body: glossaryTermInput, response: { 200: glossaryTermView } } },
    async (request) => updateGlossaryTerm(deps, actorOf(request), request.params.id, request.body),
  );
}
