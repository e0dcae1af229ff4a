import { asc, eq } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor';
import type { DbOrTx } from '../platform/db/database';
import { AppError } from '../platform/http/app-error';
import { businessUnits } from '../people/schema';
import { namesOf } from './person-names';
import { listSubjectClocks } from '../service-levels/list-subject-clocks';
import type { RequestView } from './request-schemas';
import { worksRequests } from './request-staff';
import { mayWork } from './request-work';
import { diagnosisOf } from './weigh-causes';
import { recommendationViews } from './recommendation-view';
import { actionViews } from './action-views';
import { effortOf } from './effort-view';
import { twoVoicesOf } from './two-voices';
import { requestEvents, strategicGoals, trainingRequests } from './schema';

// One request as its page shows it (RQ-1, RQ-2). The requester always sees its state, its owner and
// the triage clock; the unit's staff see and work every request; for anyone else it does not exist.

export type RequestRow = typeof trainingRequests.$inferSelect;

export const requestNotFound = () => AppError.notFound('This request');
export const referenceOf = (n: number) => `R-${String(n).padStart(6, '0')}`;
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The request, or undefined. `lock`: FOR UPDATE, for writes. */
export async function findRequest(tx: DbOrTx, id: string, lock = false): Promise<RequestRow | undefined> {
  const query = tx.select().from(trainingRequests).where(eq(trainingRequests.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export const mayRead = (actor: Actor, row: Pick<RequestRow, 'requesterId'>) => worksRequests(actor) || actor.id === row.requesterId;

/** The request if the actor may read it; not found otherwise (its existence is nobody else's business). */
export async function findVisibleRequest(tx: DbOrTx, actor: Actor, id: string, lock = false): Promise<RequestRow> {
  const row = await findRequest(tx, id, lock);
  if (!row || !mayRead(actor, row)) throw requestNotFound();
  return row;
}

export async function getRequest(db: DbOrTx, actor: Actor, id: string, now: Date): Promise<RequestView> {
  const row = await findVisibleRequest(db, actor, id);
  return requestView(db, actor, row, now);
}


export async function requestView(tx: DbOrTx, actor: Actor, r: RequestRow, now: Date): Promise<RequestView> {
  const staff = worksRequests(actor);
  const events = await tx.select().from(requestEvents).where(eq(requestEvents.requestId, r.id)).orderBy(asc(requestEvents.id));
  const names = await namesOf(tx, [r.requesterId, r.openedBy, r.ownerId, ...events.map((e) => e.actorId)]);
  const ref = (personId: string | null) => (personId ? { id: personId, name: names.get(personId) ?? 'Someone' } : null);
  const [goal] = r.goalId ? await tx.select({ id: strategicGoals.id, title: strategicGoals.title }).from(strategicGoals).where(eq(strategicGoals.id, r.goalId)) : [];
  const [unit] = r.businessUnitId ? await tx.select({ id: businessUnits.id, name: businessUnits.name }).from(businessUnits).where(eq(businessUnits.id, r.businessUnitId)) : [];
  const clocks = (await listSubjectClocks(tx, 'training-request', [r.id], now)).get(r.id) ?? [];
  const mine = actor.id === r.requesterId;
  const recommendations = await recommendationViews(tx, r.id);
  return {
    id: r.id,
    reference: referenceOf(r.number),
    state: r.state,
    revision: r.revision,
    title: r.title,
    problem: r.problem,
    audience: r.audience,
    audienceSize: r.audienceSize,
    desiredOutcome: r.desiredOutcome,
    proposedSolution: r.proposedSolution,
    urgency: r.urgency,
    goal: goal ?? null,
    businessUnit: unit ?? null,
    requester: ref(r.requesterId)!,
    openedBy: ref(r.openedBy),
    origin: r.origin,
    originId: r.originId,
    owner: ref(r.ownerId),
    requestType: r.requestType,
    triageRole: r.triageRole,
    decisionRole: r.decisionRole,
    submittedAt: iso(r.submittedAt),
    triagedAt: iso(r.triagedAt),
    acceptedAt: iso(r.acceptedAt),
    closedAt: iso(r.closedAt),
    createdAt: r.createdAt.toISOString(),
    clocks,
    events: events.map((e) => ({ id: e.id, type: e.type, actor: ref(e.actorId), note: e.note, details: e.details, at: e.at.toISOString() })),
    canEdit: mine && r.state === 'draft',
    canWithdraw: mine && !['accepted', 'closed', 'withdrawn'].includes(r.state),
    canManage: staff,
    canWork: staff && !!r.ownerId && mayWork(actor, r),
    diagnosis: diagnosisOf(r),
    recommendations,
    canRespond: mine && r.state === 'recommended',
    actions: await actionViews(tx, actor, r),
    /** The unit's hours (RQ-7) are the unit's business. */
    effort: staff ? await effortOf(tx, r.id) : null,
    twoVoices: await twoVoicesOf(tx, actor, r),
  };
}
