import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor';
import type { DbOrTx } from '../platform/db/database';
import { businessUnits, people } from '../people/schema';
import type { WorkshopSummary } from './workshop-schemas';
import type { WorkshopStep } from './workshop-values';
import { readsAllWorkshops } from './workshop-staff';
import { workshopMoments, workshopOpportunities, workshopParticipants, workshops } from './schema';

/**
 * Workshops, latest day first (CX-1..4): staff see every one; anyone else the workshops they took
 * part in. Counts of moments and opportunities describe a workshop, never a person.
 */
export async function listWorkshops(db: DbOrTx, actor: Actor, query: { step?: WorkshopStep }): Promise<WorkshopSummary[]> {
  const filters: SQL[] = [];
  if (query.step) filters.push(eq(workshops.step, query.step));
  if (!readsAllWorkshops(actor)) filters.push(inArray(workshops.id, db.select({ id: workshopParticipants.workshopId }).from(workshopParticipants).where(eq(workshopParticipants.personId, actor.id))));
  const rows = await db
    .select({
      w: workshops,
      unitName: businessUnits.name,
      facilitatorName: people.name,
      moments: sql<number>`(select count(*) from ${workshopMoments} where ${workshopMoments.workshopId} = ${workshops.id})`.mapWith(Number),
      opportunities: sql<number>`(select count(*) from ${workshopOpportunities} where ${workshopOpportunities.workshopId} = ${workshops.id})`.mapWith(Number),
    })
    .from(workshops)
    .leftJoin(businessUnits, eq(businessUnits.id, workshops.businessUnitId))
    .innerJoin(people, eq(people.id, workshops.facilitatorId))
    .where(and(...filters))
    .orderBy(desc(workshops.heldOn), desc(workshops.createdAt));
  return rows.map((r) => ({
    id: r.w.id,
    title: r.w.title,
    businessUnit: r.w.businessUnitId ? { id: r.w.businessUnitId, name: r.unitName ?? '' } : null,
    process: r.w.process,
    heldOn: r.w.heldOn,
    step: r.w.step,
    facilitator: { id: r.w.facilitatorId, name: r.facilitatorName },
    moments: r.moments,
    opportunities: r.opportunities,
  }));
}
