import { asc, eq } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor';
import type { DbOrTx } from '../platform/db/database';
import { listStoredFiles } from '../platform/files/read-stored-files';
import { findCourses } from '../catalog/sessions-for-enrolment';
import { listSubjectClocks } from '../service-levels/list-subject-clocks';
import type { PartnerKind } from '../standards/standard-content';
import type { ProjectDetailView } from './development-schemas';
import { findVisibleProject, managesProject, mayOverrideSignOffs, type ProjectRow } from './project-access';
import { findPeopleNames } from '../people/find-people-names';
import { projectStages, stageComments, stagePartners } from './schema';

export const COMMENT_FILES = 'development-comment';

/** Today as the board counts lateness: a stage is late the day after its due date. */
export const today = (now: Date) => now.toISOString().slice(0, 10);

type StageRow = typeof projectStages.$inferSelect;
type PartnerRow = typeof stagePartners.$inferSelect;

/** Required sign-off kinds that no partner of that kind has given on the stage (DV-2). */
export function missingSignOffs(stage: Pick<StageRow, 'requiredSignOffs'>, partners: Pick<PartnerRow, 'kind' | 'decision'>[]): PartnerKind[] {
  return stage.requiredSignOffs.filter((kind) => !partners.some((p) => p.kind === kind && p.decision === 'signed-off'));
}

/** A project whole, with its stages' partners, comments and attachments (DV-1, DV-2). */
export async function getProjectDetail(tx: DbOrTx, actor: Actor, id: string, now: Date): Promise<ProjectDetailView> {
  return projectDetailOf(tx, actor, await findVisibleProject(tx, actor, id), now);
}

export async function projectDetailOf(tx: DbOrTx, actor: Actor, p: ProjectRow, now: Date): Promise<ProjectDetailView> {
  const stages = await tx.select().from(projectStages).where(eq(projectStages.projectId, p.id)).orderBy(asc(projectStages.position));
  const partners = await tx.select().from(stagePartners).where(eq(stagePartners.projectId, p.id)).orderBy(asc(stagePartners.invitedAt));
  const comments = await tx.select().from(stageComments).where(eq(stageComments.projectId, p.id)).orderBy(asc(stageComments.createdAt), asc(stageComments.id));
  const files = await listStoredFiles(tx, COMMENT_FILES, comments.map((c) => c.id));
  const name = await findPeopleNames(tx, [p.ownerId, ...stages.flatMap((s) => [s.ownerId, s.closedBy]), ...partners.map((x) => x.personId), ...comments.map((c) => c.authorId)]);
  const course = p.courseId ? (await findCourses(tx, [p.courseId])).get(p.courseId) : undefined;
  const day = today(now);
  const clocks = (await listSubjectClocks(tx, 'development-project', [p.id], now)).get(p.id) ?? [];
  return {
    clocks,
    id: p.id,
    title: p.title,
    size: p.size,
    state: p.state,
    owner: name(p.ownerId),
    requestId: p.requestId,
    startedAt: p.startedAt.toISOString(),
    endedAt: p.endedAt?.toISOString() ?? null,
    revision: p.revision,
    designModelVersion: p.designModelVersion,
    course: course ? { id: course.id, code: course.code, title: course.title } : null,
    newCourse: p.newCourse ?? null,
    summary: p.summary,
    objectives: p.objectives,
    released: p.releasedCourseId && p.releasedRevision ? { courseId: p.releasedCourseId, revision: p.releasedRevision } : null,
    canManage: p.state === 'started' && managesProject(actor, p),
    canOverride: p.state === 'started' && mayOverrideSignOffs(actor),
    stages: stages.map((s) => {
      const own = partners.filter((x) => x.stageId === s.id);
      return {
        id: s.id,
        position: s.position,
        key: s.stageKey,
        name: s.name,
        purpose: s.purpose,
        deliverables: s.deliverables,
        requiredSignOffs: s.requiredSignOffs,
        owner: name(s.ownerId),
        dueOn: s.dueOn,
        state: s.state,
        late: s.state !== 'closed' && s.dueOn < day,
        closedAt: s.closedAt?.toISOString() ?? null,
        closedBy: s.closedBy ? name(s.closedBy) : null,
        overrideReason: s.overrideReason,
        partners: own.map((x) => ({ id: x.id, person: name(x.personId), kind: x.kind, decision: x.decision, decisionNote: x.decisionNote, decidedAt: x.decidedAt?.toISOString() ?? null })),
        comments: comments
          .filter((c) => c.stageId === s.id)
          .map((c) => ({ id: c.id, author: name(c.authorId), body: c.body, createdAt: c.createdAt.toISOString(), attachments: files.get(c.id) ?? [] })),
        missingSignOffs: missingSignOffs(s, own),
        invited: own.some((x) => x.personId === actor.id),
      };
    }),
  };
}
