import { desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import { AppError } from '../platform/http/app-error';
import { people } from '../people/schema';
import type { ProjectView } from './development-schemas';
import { developmentProjects } from './schema';

const select = (tx: DbOrTx) =>
  tx.select({ p: developmentProjects, ownerName: people.name }).from(developmentProjects).innerJoin(people, eq(people.id, developmentProjects.ownerId));

const viewOf = ({ p, ownerName }: { p: typeof developmentProjects.$inferSelect; ownerName: string }): ProjectView => ({
  id: p.id,
  title: p.title,
  size: p.size,
  state: p.state,
  owner: { id: p.ownerId, name: ownerName },
  requestId: p.requestId,
  startedAt: p.startedAt.toISOString(),
  endedAt: p.endedAt?.toISOString() ?? null,
});

/** Every project, newest first (RQ-6); the unit's staff read them (the route says who). */
export async function listProjects(tx: DbOrTx): Promise<ProjectView[]> {
  return (await select(tx).orderBy(desc(developmentProjects.startedAt), desc(developmentProjects.id)).limit(500)).map(viewOf);
}

export async function getProject(tx: DbOrTx, id: string): Promise<ProjectView> {
  const [row] = await select(tx).where(eq(developmentProjects.id, id));
  if (!row) throw AppError.notFound('This development project');
  return viewOf(row);
}

/** The projects a capability started, by id: how a request shows its follow-through (RQ-6). */
export async function findProjects(tx: DbOrTx, ids: string[]): Promise<Map<string, ProjectView>> {
  if (!ids.length) return new Map();
  return new Map((await select(tx).where(inArray(developmentProjects.id, ids))).map((r) => [r.p.id, viewOf(r)]));
}
