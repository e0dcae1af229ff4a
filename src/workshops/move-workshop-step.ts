import { eq } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor';
import type { Db } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import { AppError } from '../platform/http/app-error';
import { recordAudit } from '../platform/audit/record-audit';
import type { MoveWorkshopInput, WorkshopView } from './workshop-schemas';
import { gapsBefore } from './workshop-steps';
import { assertWorkshopEditable } from './assert-workshop-editable';
import { loadWorkshop, workshopViewOf } from './read-workshop';
import { workshops } from './schema';
import { workshopSteps } from './workshop-values';

/**
 * Moves the guided workshop to another step (CX-1..4). Going back is always possible until it is
 * done; going forward needs every step passed to be complete, and each missing piece comes back
 * as a field error naming the field to fill. Done closes the content: the report stands.
 */
export async function moveWorkshopStep(deps: { db: Db; clock: Clock }, actor: Actor, id: string, input: MoveWorkshopInput): Promise<WorkshopView> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const row = await loadWorkshop(tx, actor, id, true);
    await assertWorkshopEditable(tx, row, input.revision);
    if (workshopSteps.indexOf(input.step) > workshopSteps.indexOf(row.step)) {
      const view = await workshopViewOf(tx, id, true);
      const gaps = gapsBefore(input.step, view);
      if (gaps.length) throw AppError.invalid(gaps, `The workshop cannot move on to “${input.step}” yet:`);
    }
    const revision = row.revision + 1;
    await tx
      .update(workshops)
      .set({ step: input.step, finishedAt: input.step === 'done' ? now : null, revision, updatedBy: actor.id, updatedAt: now })
      .where(eq(workshops.id, id));
    await recordAudit(tx, { actorId: actor.id, action: input.step === 'done' ? 'workshop.finished' : 'workshop.step_moved', entity: 'workshop', entityId: id, before: { step: row.step }, after: { step: input.step, revision } });
    return workshopViewOf(tx, id, true);
  });
}
