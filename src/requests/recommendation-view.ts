import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import type { RecommendationView } from './request-schemas';
import { onlyTraining } from './request-schemas';
import { trainingInterventions } from './request-values';
import { namesOf } from './person-names';
import { requestRecommendations } from './schema';

/** Every version of a request's recommendation, oldest first (RQ-5): earlier versions stay as they were read. */
export async function recommendationViews(tx: DbOrTx, requestId: string): Promise<RecommendationView[]> {
  const rows = await tx.select().from(requestRecommendations).where(eq(requestRecommendations.requestId, requestId)).orderBy(asc(requestRecommendations.version));
  const names = await namesOf(tx, rows.flatMap((r) => [r.issuedBy, r.respondedBy, ...r.interventions.map((i) => i.ownerId)]));
  const ref = (id: string) => ({ id, name: names.get(id) ?? 'Someone' });
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    summary: r.summary,
    explanation: r.explanation,
    interventions: r.interventions.map((i) => ({ kind: i.kind, title: i.title, rationale: i.rationale, owner: ref(i.ownerId), course: i.course, training: trainingInterventions.includes(i.kind) })),
    nonTraining: !onlyTraining(r.interventions),
    issuedBy: ref(r.issuedBy),
    issuedAt: r.issuedAt.toISOString(),
    response: r.response,
    responseNote: r.responseNote,
    respondedBy: r.respondedBy ? ref(r.respondedBy) : null,
    respondedAt: r.respondedAt?.toISOString() ?? null,
  }));
}
