import { and, asc, count, desc, eq, isNull, ne, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Actor } from '../platform/auth/actor';
import type { Db } from '../platform/db/database';
import { businessUnits, people } from '../people/schema';
import { listSubjectClocks } from '../service-levels/list-subject-clocks';
import { requestStates } from './request-values';
import type { RequestListQuery, RequestListView } from './request-schemas';
import { referenceOf } from './read-request';
import { trainingRequests } from './schema';

// Requests a page at a time with the counts per state for the board: the requester's own ("my
// requests", RQ-2: status and owner always visible), or the unit's queue (the route says who).
// Drafts are the requester's alone: the queue never shows them.

const requester = alias(people, 'requester');
const owner = alias(people, 'owner');

export async function listRequests(db: Db, actor: Actor, scope: 'mine' | 'queue', query: RequestListQuery, now: Date): Promise<RequestListView> {
  const filters: SQL[] = [scope === 'mine' ? eq(trainingRequests.requesterId, actor.id) : ne(trainingRequests.state, 'draft')];
  if (query.owner === 'me') filters.push(eq(trainingRequests.ownerId, actor.id));
  if (query.owner === 'nobody') filters.push(isNull(trainingRequests.ownerId));
  const countRows = await db.select({ state: trainingRequests.state, n: count() }).from(trainingRequests).where(and(...filters)).groupBy(trainingRequests.state);
  const counts = Object.fromEntries(requestStates.map((s) => [s, Number(countRows.find((r) => r.state === s)?.n ?? 0)])) as RequestListView['counts'];
  const total = query.state ? counts[query.state] : Object.values(counts).reduce((a, b) => a + b, 0);
  const rows = await db
    .select({ r: trainingRequests, requesterName: requester.name, ownerName: owner.name, unitName: businessUnits.name })
    .from(trainingRequests)
    .innerJoin(requester, eq(requester.id, trainingRequests.requesterId))
    .leftJoin(owner, eq(owner.id, trainingRequests.ownerId))
    .leftJoin(businessUnits, eq(businessUnits.id, trainingRequests.businessUnitId))
    .where(and(...filters, query.state ? eq(trainingRequests.state, query.state) : undefined))
    // Finished ones last; among the rest, the longest waiting first (drafts by when they were started).
    .orderBy(sql`${trainingRequests.state} in ('closed', 'withdrawn')`, asc(sql`coalesce(${trainingRequests.submittedAt}, ${trainingRequests.createdAt})`), desc(trainingRequests.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const clocks = await listSubjectClocks(db, 'training-request', rows.map((r) => r.r.id), now);
  return {
    items: rows.map(({ r, requesterName, ownerName, unitName }) => ({
      id: r.id,
      reference: referenceOf(r.number),
      title: r.title,
      state: r.state,
      urgency: r.urgency,
      requester: { id: r.requesterId, name: requesterName },
      owner: r.ownerId ? { id: r.ownerId, name: ownerName ?? 'Someone' } : null,
      businessUnit: unitName,
      submittedAt: r.submittedAt?.toISOString() ?? null,
      updatedAt: r.updatedAt.toISOString(),
      clocks: clocks.get(r.id) ?? [],
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
    counts,
  };
}
