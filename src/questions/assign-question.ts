import { eq } from 'drizzle-orm';
import type { Db } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import type { Actor } from '../platform/auth/actor';
import { AppError } from '../platform/http/app-error';
import { recordAudit } from '../platform/audit/record-audit';
import { findPersonById } from '../people/find-people';
import { recordClockEvent } from '../service-levels/record-clock-event';
import type { QuestionView } from './question-schemas';
import { findVisibleQuestion, questionView } from './read-question';
import { questionStaffRoles } from './question-staff';
import { questions } from './schema';

/** Hands a question to someone who handles questions; its running clocks (and their warnings) follow. */
export async function assignQuestion(db: Db, clock: Clock, actor: Actor, id: string, assigneeId: string | null): Promise<QuestionView> {
  return db.transaction(async (tx) => {
    const question = await findVisibleQuestion(tx, actor, id, true);
    if (assigneeId) {
      const assignee = await findPersonById(tx, assigneeId);
      if (!assignee || !assignee.active || !assignee.roles.some((r) => (questionStaffRoles as readonly string[]).includes(r))) {
        throw AppError.invalid([{ field: 'assigneeId', message: 'Assign the question to an active coordinator, consultant, unit lead or admin.' }]);
      }
    }
    if (question.assigneeId === assigneeId) return questionView(tx, id, clock.now());
    await tx.update(questions).set({ assigneeId }).where(eq(questions.id, id));
    await recordClockEvent(tx, clock, { type: 'question.assigned', subject: { type: 'question', id }, at: clock.now(), ownerId: assigneeId });
    await recordAudit(tx, { actorId: actor.id, action: 'question.assigned', entity: 'question', entityId: id, before: { assigneeId: question.assigneeId }, after: { assigneeId } });
    return questionView(tx, id, clock.now());
  });
}
