import { z } from 'zod';
import { actorOf } from '../platform/http/actor-of';
import type { App } from '../platform/http/types';
import type { Deps } from '../platform/context';
import { recogniseInput, recognitionView } from './recognition-schemas';
import { recogniseColleague } from './recognise-colleague';
import { listRecognitions } from './list-recognitions';

const tags = ['recognition'];

export async function recognitionRoutes(app: App, deps: Deps): Promise<void> {
  const { db, clock, publicUrl } = deps;

  app.post(
    '/recognitions',
    { config: { access: 'signed-in' }, schema: { tags, summary: 'Recognise a colleague for a concrete act that created value; they and their manager are told (FB-4)', body: recogniseInput, response: { 201: recognitionView } } },
    async (request, reply) => reply.status(201).send(await recogniseColleague(db, clock, publicUrl, actorOf(request), request.body)),
  );

  app.get(
    '/recognitions',
    { config: { access: 'signed-in' }, schema: { tags, summary: 'Recent recognitions, newest first: no points, counts or rankings', response: { 200: z.array(recognitionView) } } },
    async () => listRecognitions(db),
  );
}
