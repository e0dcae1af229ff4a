import { actorOf } from '../platform/http/actor-of';
import type { App } from '../platform/http/types';
import type { Deps } from '../platform/context';
import { uuidParam } from '../platform/http/common-schemas';
import {
  assignSupportCaseInput, closeSupportCaseInput, decideSupportCaseInput, openSupportCaseInput, reopenSupportCaseInput, supportCaseView, supportNoteInput, supportQueueQuery, supportQueueView,
} from './support-schemas';
import { supportStaffRoles } from './support-staff';
import { listSupportCases } from './list-support-cases';
import { getSupportCase } from './read-support-case';
import { openCaseByHand } from './open-case-by-hand';
import { assignSupportCase } from './assign-support-case';
import { decideSupportCase } from './decide-support-case';
import { addSupportNote } from './add-support-note';
import { closeSupportCase, reopenSupportCase } from './close-support-case';

const tags = ['support'];
const staff = { access: { roles: supportStaffRoles } };

export async function supportRoutes(app: App, deps: Deps): Promise<void> {
  const { db, clock } = deps;

  app.get(
    '/support-cases',
    { config: staff, schema: { tags, summary: 'The support queue: cases opened by objectives not met, by state, owner and course, with counts per state (the unit’s coordinators, AF-5)', querystring: supportQueueQuery, response: { 200: supportQueueView } } },
    async (request) => listSupportCases(db, actorOf(request), request.query, clock.now()),
  );

  app.post(
    '/support-cases',
    { config: staff, schema: { tags, summary: 'Open a support case by hand for a completed enrolment’s objectives not met; joins the enrolment’s live case if there is one (AF-5)', body: openSupportCaseInput, response: { 200: supportCaseView, 201: supportCaseView } } },
    async (request, reply) => {
      const { view, opened } = await openCaseByHand(deps, actorOf(request), request.body);
      return reply.status(opened ? 201 : 200).send(view);
    },
  );

  app.get(
    '/support-cases/:id',
    { config: { access: 'signed-in' }, schema: { tags, summary: 'One support case and its history: the unit’s coordinators; the learner and their supervisors read it without internal notes (AF-5)', params: uuidParam, response: { 200: supportCaseView } } },
    async (request) => getSupportCase(db, actorOf(request), request.params.id),
  );

  app.post(
    '/support-cases/:id/assign',
    { config: staff, schema: { tags, summary: 'Give the case to a coordinator, who owns it until it closes (AF-5)', params: uuidParam, body: assignSupportCaseInput, response: { 200: supportCaseView } } },
    async (request) => assignSupportCase(deps, actorOf(request), request.params.id, request.body.ownerId),
  );

  app.post(
    '/support-cases/:id/decide',
    { config: staff, schema: { tags, summary: 'Decide what helps — practice, job aid, coaching, mentoring, a diagnosis, or no further training — with a written reason mailed to learner and supervisor (AF-5)', params: uuidParam, body: decideSupportCaseInput, response: { 200: supportCaseView } } },
    async (request) => decideSupportCase(deps, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/support-cases/:id/notes',
    { config: staff, schema: { tags, summary: 'Add an internal note to the case (the unit’s staff only see notes, AF-5)', params: uuidParam, body: supportNoteInput, response: { 201: supportCaseView } } },
    async (request, reply) => reply.status(201).send(await addSupportNote(deps, actorOf(request), request.params.id, request.body.note)),
  );

  app.post(
    '/support-cases/:id/close',
    { config: staff, schema: { tags, summary: 'Close a decided case with its outcome and whether the objectives are now met (AF-5)', params: uuidParam, body: closeSupportCaseInput, response: { 200: supportCaseView } } },
    async (request) => closeSupportCase(deps, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/support-cases/:id/reopen',
    { config: staff, schema: { tags, summary: 'Open a closed case again, with the reason (AF-5)', params: uuidParam, body: reopenSupportCaseInput, response: { 200: supportCaseView } } },
    async (request) => reopenSupportCase(deps, actorOf(request), request.params.id, request.body.reason),
  );
}
