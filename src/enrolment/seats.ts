import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import { enrolments } from './schema';

/** A session's seats as people see them: only confirmed enrolments hold one. */
export type Seats = { capacity: number; confirmed: number; waitlisted: number; pendingApproval: number; free: number };

const counts = {
  confirmed: sql<number>`count(*) FILTER (WHERE ${enrolments.state} = 'confirmed')::int`,
  waitlisted: sql<number>`count(*) FILTER (WHERE ${enrolments.state} = 'waitlisted')::int`,
  pendingApproval: sql<number>`count(*) FILTER (WHERE ${enrolments.state} = 'pending_approval')::int`,
};

const seatsOf = (capacity: number, c: { confirmed: number; waitlisted: number; pendingApproval: number }): Seats => ({
  capacity,
  confirmed: c.confirmed,
  waitlisted: c.waitlisted,
  pendingApproval: c.pendingApproval,
  // A capacity lowered below the confirmed count frees nothing (nobody is bumped): never negative.
  free: Math.max(0, capacity - c.confirmed),
});

/**
 * The seats of one session, the last arrival number given, and whether `personId` holds a live
 * enrolment there: one query. Exact only under the session's row lock (decision 014).
 */
export async function countSeatsLocked(tx: DbOrTx, session: { id: string; capacity: number }, personId?: string): Promise<Seats & { lastPosition: number; personHasLive: boolean }> {
  const [row] = await tx
    .select({
      ...counts,
      lastPosition: sql<number>`coalesce(max(${enrolments.position}), 0)::int`,
      personLive: personId
        ? sql<number>`count(*) FILTER (WHERE ${enrolments.personId} = ${personId} AND ${enrolments.state} NOT IN ('declined', 'cancelled'))::int`
        : sql<number>`0`,
    })
    .from(enrolments)
    .where(eq(enrolments.sessionId, session.id));
  const c = row ?? { confirmed: 0, waitlisted: 0, pendingApproval: 0, lastPosition: 0, personLive: 0 };
  return { ...seatsOf(session.capacity, c), lastPosition: Number(c.lastPosition), personHasLive: Number(c.personLive) > 0 };
}

/** Seats of several sessions at once, for lists. */
export async function countSeats(tx: DbOrTx, sessions: { id: string; capacity: number }[]): Promise<Map<string, Seats>> {
  const out = new Map<string, Seats>();
  if (sessions.length === 0) return out;
  const ids = [...new Set(sessions.map((s) => s.id))];
  const rows = await tx
    .select({ sessionId: enrolments.sessionId, ...counts })
    .from(enrolments)
    .where(inArray(enrolments.sessionId, ids))
    .groupBy(enrolments.sessionId);
  const byId = new Map(rows.map((r) => [r.sessionId, r]));
  for (const s of sessions) out.set(s.id, seatsOf(s.capacity, byId.get(s.id) ?? { confirmed: 0, waitlisted: 0, pendingApproval: 0 }));
  return out;
}

/** Each waitlisted enrolment's place in its session's queue (1 = next to be promoted). */
export async function waitlistRanks(tx: DbOrTx, sessionIds: string[]): Promise<Map<string, number>> {
  const ids = [...new Set(sessionIds)];
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select({ id: enrolments.id, rank: sql<number>`row_number() OVER (PARTITION BY ${enrolments.sessionId} ORDER BY ${enrolments.position})::int` })
    .from(enrolments)
    .where(and(inArray(enrolments.sessionId, ids), eq(enrolments.state, 'waitlisted')));
  return new Map(rows.map((r) => [r.id, Number(r.rank)]));
}
