import { and, asc, desc, eq, exists, inArray } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor';
import type { DbOrTx } from '../platform/db/database';
import { findStandardByStatus } from '../standards/read-standard-version';
import type { BoardView } from './development-schemas';
import { isDevelopmentStaff } from './project-access';
import { findPeopleNames } from '../people/find-people-names';
import { today } from './read-project';
import { developmentProjects, projectStages, stagePartners } from './schema';

export const RELEASED_COLUMN = 'Released';

/**
 * The development board (DV-1): every running project in the column of its current stage, and
 * the recently released ones last. The columns are the design model's stages in force, then any
 * stage name only older projects still use. A partner sees only the projects they are invited to.
 */
export async function readBoard(tx: DbOrTx, actor: Actor, now: Date): Promise<BoardView> {
  const visible = isDevelopmentStaff(actor)
    ? undefined
    : exists(tx.select({ one: stagePartners.id }).from(stagePartners).where(and(eq(stagePartners.projectId, developmentProjects.id), eq(stagePartners.personId, actor.id))));
  const projects = await tx
    .select()
    .from(developmentProjects)
    .where(and(inArray(developmentProjects.state, ['started', 'delivered']), visible))
    .orderBy(desc(developmentProjects.startedAt), desc(developmentProjects.id))
    .limit(300);
  const stages = projects.length ? await tx.select().from(projectStages).where(inArray(projectStages.projectId, projects.map((p) => p.id))).orderBy(asc(projectStages.position)) : [];
  const name = await findPeopleNames(tx, [...projects.map((p) => p.ownerId), ...stages.map((s) => s.ownerId)]);
  const model = await findStandardByStatus(tx, 'design-model', 'published');
  const columns = model?.content.kind === 'design-model' ? model.content.stages.map((s) => s.name) : [];
  for (const s of stages) if (!columns.includes(s.name)) columns.push(s.name);
  const day = today(now);
  return {
    columns: [...columns, RELEASED_COLUMN],
    cards: projects.map((p) => {
      const current = p.state === 'started' ? stages.find((s) => s.projectId === p.id && s.state === 'active') : undefined;
      return {
        id: p.id,
        title: p.title,
        size: p.size,
        state: p.state,
        owner: name(p.ownerId),
        stage: current ? { name: current.name, position: current.position, owner: name(current.ownerId), dueOn: current.dueOn, late: current.dueOn < day } : null,
      };
    }),
  };
}
