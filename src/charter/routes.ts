import { actorOf } from '../platform/http/actor-of';
import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import type { App } from '../platform/http/types';
import type { Deps } from '../platform/context';
import { charterDraftSchema } from './charter-schema';
import { charterPdfQuery, charterVersionSummary, charterVersionView, charterView, publishRequest, versionParam } from './charter-view-schemas';
import { charterEditorRoles } from './charter-editors';
import { getCharterInForce } from './get-charter-in-force';
import { listCharterVersions } from './list-charter-versions';
import { getCharterDraft, getCharterVersion } from './get-charter-version';
import { editCharterDraft } from './edit-charter-draft';
import { publishCharter } from './publish-charter';
import { getCharterInForcePdf, getCharterVersionPdf, type CharterPdf } from './get-charter-pdf';

const tags = ['charter'];
const editors = { roles: charterEditorRoles };

/** Opens in the browser's viewer (inline); saving it keeps the version in the name. */
function sendPdf(reply: FastifyReply, pdf: CharterPdf) {
  return reply.type('application/pdf').header('content-disposition', `inline; filename="${pdf.filename}"`).send(Buffer.from(pdf.bytes.buffer, pdf.bytes.byteOffset, pdf.bytes.byteLength));
}

export async function charterRoutes(app: App, deps: Deps): Promise<void> {
  const { db, clock } = deps;

  app.get(
    '/charter',
    { config: { access: 'signed-in' }, schema: { tags, summary: 'The service charter in force now, with its calendar and service levels', response: { 200: charterView } } },
    async () => getCharterInForce(db, clock),
  );

  app.get(
    '/charter.pdf',
    { config: { access: 'signed-in' }, schema: { tags, summary: 'The charter in force as a PDF to print or pass on (CH-1)', querystring: charterPdfQuery, produces: ['application/pdf'] } },
    async (request, reply) => sendPdf(reply, await getCharterInForcePdf(db, clock, request.query.paper)),
  );

  app.get(
    '/charter/versions',
    { config: { access: 'signed-in' }, schema: { tags, summary: "The charter's versions, newest first (the draft only for its editors)", response: { 200: z.array(charterVersionSummary) } } },
    async (request) => listCharterVersions(db, actorOf(request)),
  );

  app.get(
    '/charter/versions/:version',
    { config: { access: 'signed-in' }, schema: { tags, summary: 'One version of the charter and what it changed against the version before', params: versionParam, response: { 200: charterVersionView } } },
    async (request) => getCharterVersion(db, actorOf(request), request.params.version),
  );

  // find-my-way matches the static ".pdf" after the parameter before the bare :version route.
  app.get(
    '/charter/versions/:version.pdf',
    { config: { access: 'signed-in' }, schema: { tags, summary: 'One version of the charter as a PDF (a draft only for its editors)', params: versionParam, querystring: charterPdfQuery, produces: ['application/pdf'] } },
    async (request, reply) => sendPdf(reply, await getCharterVersionPdf(db, clock, actorOf(request), request.params.version, request.query.paper)),
  );

  app.get(
    '/charter/draft',
    { config: { access: editors }, schema: { tags, summary: 'The charter draft being edited, and what it would change', response: { 200: charterVersionView } } },
    async () => getCharterDraft(db),
  );

  app.put(
    '/charter/draft',
    { config: { access: editors }, schema: { tags, summary: 'Create or replace the charter draft; published versions are never changed', body: charterDraftSchema, response: { 200: charterVersionView } } },
    async (request) => editCharterDraft(db, clock, actorOf(request), request.body),
  );

  app.post(
    '/charter/draft/publish',
    { config: { access: editors }, schema: { tags, summary: 'Publish the draft as the new version in force', body: publishRequest, response: { 201: charterVersionView } } },
    async (request, reply) => reply.status(201).send(await publishCharter(db, clock, actorOf(request), request.body)),
  );
}
