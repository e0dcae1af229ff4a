import { and, eq } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor';
import type { Db } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import { AppError } from '../platform/http/app-error';
import { recordAudit } from '../platform/audit/record-audit';
import { findPersonById } from '../people/find-people';
import { openRequestOnBehalf } from '../requests/open-request-on-behalf';
import type { RequestFromOpportunityInput, WorkshopView } from './workshop-schemas';
import { loadWorkshop, workshopViewOf } from './read-workshop';
import { workshopMoments, workshopOpportunities } from './schema';
import { opportunityKindLabels } from './workshop-values';

const clip = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);

/**
 * CX-4: an opportunity harvested in the workshop becomes a submitted request in one action, in the
 * same transaction, for the person of the business unit who owns it. The request carries what the
 * workshop found — what happens now at that moment as the problem, what should happen as the
 * outcome — and is diagnosed like any other (RQ-2, RQ-3): a workshop finds levers, it does not
 * skip the diagnosis. An opportunity becomes one request; asking again is a conflict.
 */
export async function turnOpportunityIntoRequest(deps: { db: Db; clock: Clock }, actor: Actor, workshopId: string, opportunityId: string, input: RequestFromOpportunityInput): Promise<WorkshopView> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const workshop = await loadWorkshop(tx, actor, workshopId, true);
    if (workshop.step === 'prepare' || workshop.step === 'map' || workshop.step === 'analyse') throw new AppError('conflict', 'Opportunities become requests from the harvest on, once the moments are analysed.');
    const [row] = await tx
      .select({ o: workshopOpportunities, moment: workshopMoments })
      .from(workshopOpportunities)
      .leftJoin(workshopMoments, eq(workshopMoments.id, workshopOpportunities.momentId))
      .where(and(eq(workshopOpportunities.id, opportunityId), eq(workshopOpportunities.workshopId, workshopId)));
    if (!row) throw AppError.notFound('This opportunity');
    if (row.o.requestId) throw new AppError('conflict', 'This opportunity is a request already.');
    const requester = await findPersonById(tx, input.requesterId);
    if (!requester?.active) throw AppError.invalid([{ field: 'requesterId', message: 'Choose someone who works here now to own the request.' }]);
    const where = row.moment ? `At “${row.moment.name}”` : 'Across the customer’s journey';
    const { requestId } = await openRequestOnBehalf(tx, deps.clock, {
      requesterId: input.requesterId,
      openedBy: actor.id,
      origin: 'workshop',
      originId: opportunityId,
      title: clip(`${opportunityKindLabels[row.o.kind]}: ${row.o.description}`, 200),
      problem: clip(`${where}, found in the customer experience workshop “${workshop.title}” (${workshop.heldOn}). ${row.moment?.happensNow ? `What happens now: ${row.moment.happensNow}` : ''}\n\nThe opportunity: ${row.o.description}`, 8000),
      audience: input.audience,
      audienceSize: input.audienceSize,
      desiredOutcome: clip(row.moment?.shouldHappen || row.o.description, 4000),
      proposedSolution: row.o.description,
      urgency: input.urgency,
    });
    await tx.update(workshopOpportunities).set({ requestId, requestedBy: actor.id, requestedAt: now }).where(eq(workshopOpportunities.id, opportunityId));
    await recordAudit(tx, { actorId: actor.id, action: 'workshop.opportunity_requested', entity: 'workshop', entityId: workshopId, after: { opportunityId, requestId, requesterId: input.requesterId } });
    return workshopViewOf(tx, workshopId, true);
  });
}
