import { eq } from 'drizzle-orm';
import { hasRole, type Actor } from '../platform/auth/actor';
import type { Db, DbOrTx } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import { AppError } from '../platform/http/app-error';
import { recordAudit } from '../platform/audit/record-audit';
import { listBusinessUnits } from '../people/list-business-units';
import { findBusinessUnit } from '../people/find-business-unit';
import type { SegmentListView, SegmentView } from './portfolio-schemas';
import { goalKeeperRoles } from './request-staff';
import { primeSegments } from './schema';

// RQ-7: the unit lead marks the business units that are prime customer segments — the ones the
// unit's effort should favour; the portfolio highlights them.

export async function listSegments(db: DbOrTx, actor: Actor): Promise<SegmentListView> {
  const [units, marks] = await Promise.all([listBusinessUnits(db), db.select().from(primeSegments)]);
  const markOf = new Map(marks.map((m) => [m.businessUnitId, m]));
  return {
    items: units.map((u) => {
      const m = markOf.get(u.id);
      return { businessUnit: { id: u.id, name: u.name }, prime: !!m, note: m?.note ?? '', markedAt: m?.markedAt.toISOString() ?? null };
    }),
    canKeep: hasRole(actor, ...goalKeeperRoles),
  };
}

/** Marks the unit prime (or changes its note); marking twice keeps one row. */
export async function markSegment(db: Db, clock: Clock, actor: Actor, businessUnitId: string, note: string): Promise<SegmentView> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const unit = await findBusinessUnit(tx, businessUnitId);
    if (!unit) throw AppError.notFound('This business unit');
    const [before] = await tx.select().from(primeSegments).where(eq(primeSegments.businessUnitId, businessUnitId)).for('update');
    await tx
      .insert(primeSegments)
      .values({ businessUnitId, note, markedBy: actor.id, markedAt: now })
      .onConflictDoUpdate({ target: primeSegments.businessUnitId, set: { note } });
    await recordAudit(tx, { actorId: actor.id, action: 'prime_segment.marked', entity: 'business_unit', entityId: businessUnitId, before: before ? { note: before.note } : null, after: { note } });
    return { businessUnit: { id: unit.id, name: unit.name }, prime: true, note, markedAt: (before?.markedAt ?? now).toISOString() };
  });
}

export async function unmarkSegment(db: Db, actor: Actor, businessUnitId: string): Promise<SegmentView> {
  return db.transaction(async (tx) => {
    const unit = await findBusinessUnit(tx, businessUnitId);
    if (!unit) throw AppError.notFound('This business unit');
    const [before] = await tx.delete(primeSegments).where(eq(primeSegments.businessUnitId, businessUnitId)).returning();
    if (before) await recordAudit(tx, { actorId: actor.id, action: 'prime_segment.unmarked', entity: 'business_unit', entityId: businessUnitId, before: { note: before.note }, after: null });
    return { businessUnit: { id: unit.id, name: unit.name }, prime: false, note: '', markedAt: null };
  });
}
