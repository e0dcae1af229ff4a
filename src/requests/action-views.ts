import { asc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor';
import type { DbOrTx } from '../platform/db/database';
import { findProjects } from '../development/read-projects';
import { enrolmentStates } from '../enrolment/enrol-for-request';
import type { ActionView } from './request-schemas';
import { namesOf } from './person-names';
import type { RequestRow } from './read-request';
import { mayWork } from './request-work';
import { requestActions, requestRecommendations } from './schema';

/** The request's tracked items (RQ-6), each with its project or course and how it ended. */
export async function actionViews(tx: DbOrTx, actor: Actor, r: RequestRow): Promise<ActionView[]> {
  const rows = await tx.select().from(requestActions).where(eq(requestActions.requestId, r.id)).orderBy(asc(requestActions.createdAt), asc(requestActions.interventionIndex));
  if (!rows.length) return [];
  const recs = await tx.select().from(requestRecommendations).where(inArray(requestRecommendations.id, [...new Set(rows.map((a) => a.recommendationId))]));
  const recOf = new Map(recs.map((x) => [x.id, x]));
  const projects = await findProjects(tx, rows.flatMap((a) => (a.projectId ? [a.projectId] : [])));
  const places = await enrolmentStates(tx, rows.flatMap((a) => a.enrolmentIds));
  const names = await namesOf(tx, [...rows.map((a) => a.ownerId), ...[...places.values()].map((p) => p.personId)]);
  return rows.map((a) => {
    const rec = recOf.get(a.recommendationId)!;
    const i = rec.interventions[a.interventionIndex]!;
    const project = a.projectId ? projects.get(a.projectId) : undefined;
    return {
      id: a.id,
      version: rec.version,
      interventionIndex: a.interventionIndex,
      kind: a.kind,
      intervention: { kind: i.kind, title: i.title },
      owner: { id: a.ownerId, name: names.get(a.ownerId) ?? 'Someone' },
      project: project ? { id: project.id, title: project.title, size: project.size, state: project.state } : null,
      course: i.course,
      enrolments: a.enrolmentIds.flatMap((eid) => {
        const place = places.get(eid);
        return place ? [{ id: eid, person: { id: place.personId, name: names.get(place.personId) ?? 'Someone' }, state: place.state }] : [];
      }),
      state: a.state,
      outcome: a.outcome,
      createdAt: a.createdAt.toISOString(),
      closedAt: a.closedAt?.toISOString() ?? null,
      canClose: a.state === 'open' && (actor.id === a.ownerId || mayWork(actor, r)),
    };
  });
}
