import { z } from 'zod';
import { actorOf } from '../platform/http/actor-of';
import type { App } from '../platform/http/types';
import type { Deps } from '../platform/context';
import { uuidParam } from '../platform/http/common-schemas';
import type { Role } from '../platform/auth/roles';
import { endProjectInput, projectView } from './development-schemas';
import { getProject, listProjects } from './read-projects';
import { endProject } from './end-project';

const tags = ['development'];
/** The unit's staff who build and follow courseware. */
const staff = { access: { roles: ['consultant', 'coordinator', 'unit_lead', 'admin'] as readonly Role[] } };

export async function developmentRoutes(app: App, deps: Deps): Promise<void> {
  const { db, clock } = deps;
  app.get('/development-projects', { config: staff, schema: { tags, summary: 'Courseware development projects, newest first (RQ-6)', response: { 200: z.object({ items: z.array(projectView) }) } } }, async () => ({ items: await listProjects(db) }));
  app.get('/development-projects/:id', { config: staff, schema: { tags, summary: 'One development project and the request it came from (RQ-6)', params: uuidParam, response: { 200: projectView } } }, async (request) => getProject(db, request.params.id));
  app.post(
    '/development-projects/:id/end',
    { config: staff, schema: { tags, summary: 'The owner marks the project delivered (its clock stops) or cancelled (RQ-6)', params: uuidParam, body: endProjectInput, response: { 200: projectView } } },
    async (request) => endProject(db, clock, actorOf(request), request.params.id, request.body.state),
  );
}
