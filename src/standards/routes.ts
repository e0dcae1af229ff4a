import { z } from 'zod';
import { actorOf } from '../platform/http/actor-of';
import type { App } from '../platform/http/types';
import type { Deps } from '../platform/context';
import { kindParam, standardDraftInput } from './standard-content';
import { standardCheckerRoles, standardEditorRoles } from './standard-editors';
import { conformanceView, publishStandardInput, recordChecksInput, standardOverview, standardVersionSummary, standardVersionView, subjectParams, versionParams } from './standard-views';
import { getStandardDraft, getStandardInForce, getStandardVersion, listStandardVersions, listStandards } from './read-standards';
import { saveStandardDraft } from './save-standard-draft';
import { publishStandardDraft } from './publish-standard-draft';
import { readConformance } from './read-conformance';
import { recordChecks } from './record-checks';

const tags = ['standards'];
const editors = { roles: standardEditorRoles };

export async function standardRoutes(app: App, deps: Deps): Promise<void> {
  const { db, clock } = deps;

  app.get(
    '/standards',
    { config: { access: 'signed-in' }, schema: { tags, summary: "The unit's three standards and the version of each in force (ST-1)", response: { 200: z.array(standardOverview) } } },
    async (request) => listStandards(db, actorOf(request)),
  );

  app.get(
    '/standards/:kind',
    { config: { access: 'signed-in' }, schema: { tags, summary: 'A standard as in force now, with what its version changed', params: kindParam, response: { 200: standardVersionView } } },
    async (request) => getStandardInForce(db, request.params.kind),
  );

  app.get(
    '/standards/:kind/versions',
    { config: { access: 'signed-in' }, schema: { tags, summary: "A standard's versions, newest first (the draft only for its editors)", params: kindParam, response: { 200: z.array(standardVersionSummary) } } },
    async (request) => listStandardVersions(db, actorOf(request), request.params.kind),
  );

  app.get(
    '/standards/:kind/versions/:version',
    { config: { access: 'signed-in' }, schema: { tags, summary: 'One version of a standard and what it changed against the one before', params: versionParams, response: { 200: standardVersionView } } },
    async (request) => getStandardVersion(db, actorOf(request), request.params.kind, request.params.version),
  );

  app.get(
    '/standards/:kind/draft',
    { config: { access: editors }, schema: { tags, summary: "The standard's draft being written, and what it would change", params: kindParam, response: { 200: standardVersionView } } },
    async (request) => getStandardDraft(db, request.params.kind),
  );

  app.put(
    '/standards/:kind/draft',
    { config: { access: editors }, schema: { tags, summary: "Create or replace the standard's draft; published versions never change", params: kindParam, body: standardDraftInput, response: { 200: standardVersionView } } },
    async (request) => saveStandardDraft(db, clock, actorOf(request), request.params.kind, request.body),
  );

  app.post(
    '/standards/:kind/draft/publish',
    { config: { access: editors }, schema: { tags, summary: 'Publish the draft as the version work is checked against', params: kindParam, body: publishStandardInput, response: { 201: standardVersionView } } },
    async (request, reply) => reply.status(201).send(await publishStandardDraft(db, clock, actorOf(request), request.params.kind, request.body.changeSummary)),
  );

  app.get(
    '/standards/conformance/:subjectType/:subjectId',
    { config: { access: 'signed-in' }, schema: { tags, summary: 'How a course, session or deliverable conforms to each standard (ST-2)', params: subjectParams, response: { 200: conformanceView } } },
    async (request) => readConformance(db, actorOf(request), request.params.subjectType, request.params.subjectId),
  );

  app.put(
    '/standards/conformance/:subjectType/:subjectId',
    { config: { access: { roles: standardCheckerRoles } }, schema: { tags, summary: 'Record checklist results (passed, waived with a reason, failed) against a published version', params: subjectParams, body: recordChecksInput, response: { 200: conformanceView } } },
    async (request) => recordChecks(db, clock, actorOf(request), request.params.subjectType, request.params.subjectId, request.body),
  );
}
