import { z } from 'zod';
import type { App } from '../platform/http/types';
import type { Deps } from '../platform/context';
import type { Actor } from '../platform/auth/actor';
import { AppError } from '../platform/http/app-error';
import { charterDraftSchema } from './charter-schema';
import { charterVersionSummary, charterVersionView, charterView, publishRequest, versionParam } from './charter-view-schemas';
import { charterEditorRoles } from './charter-editors';
import { getCharterInForce } from './get-charter-in-force';
import { listCharterVersions } from './list-charter-versions';
import { getCharterDraft, getCharterVersion } from './get-charter-version';
import { editCharterDraft } from './edit-charter-draft';
import { publishCharter } from './publish-charter';

const tags = ['charter'];
const editors = { roles: charterEditorRoles };

function actorOf(request: { actor: Actor | null }): Actor {
  if (!request.actor) throw new AppError('unauthenticated', 'Please sign in to continue.');
  return request.actor;
}

export async function charterRoutes(app: App, deps: Deps): Promise<void> {
  const { db, clock } = deps;

  app.get(
    '/charter',
    { config: { access: 'signed-in' }, schema: { tags, summary: 'The service charter in force now, with its calendar and service levels', response: { 200: charterView } } },
    async () => getCharterInForce(db, clock),
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
