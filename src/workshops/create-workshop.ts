import type { Actor } from '../platform/auth/actor';
import type { Db } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import { AppError } from '../platform/http/app-error';
import { recordAudit } from '../platform/audit/record-audit';
import type { CreateWorkshopInput, WorkshopView } from './workshop-schemas';
import { checkWorkshopScope } from './check-workshop-scope';
import { workshopViewOf } from './read-workshop';
import { workshops } from './schema';

/** A consultant plans a customer experience workshop (CX-1): whose customers, what for, when, who facilitates. */
export async function createWorkshop(deps: { db: Db; clock: Clock }, actor: Actor, input: CreateWorkshopInput): Promise<WorkshopView> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const fields = await checkWorkshopScope(tx, input);
    if (fields.length) throw AppError.invalid(fields, 'The workshop was not created:');
    const [row] = await tx
      .insert(workshops)
      .values({ title: input.title, businessUnitId: input.businessUnitId, process: input.process || null, purpose: input.purpose, heldOn: input.heldOn, facilitatorId: input.facilitatorId, createdBy: actor.id, createdAt: now, updatedBy: actor.id, updatedAt: now })
      .returning({ id: workshops.id });
    await recordAudit(tx, { actorId: actor.id, action: 'workshop.created', entity: 'workshop', entityId: row!.id, after: { title: input.title, businessUnitId: input.businessUnitId, heldOn: input.heldOn } });
    return workshopViewOf(tx, row!.id, true);
  });
}
