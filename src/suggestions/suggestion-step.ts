import { eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import type { Actor } from '../platform/auth/actor';
import { AppError } from '../platform/http/app-error';
import { recordAudit } from '../platform/audit/record-audit';
import type { SuggestionView } from './suggestion-schemas';
import { findVisibleSuggestion, suggestionViewsOf, type SuggestionRow } from './read-suggestions';
import { suggestionEvents, suggestions, type SuggestionEventType, type SuggestionStatus } from './schema';

/**
 * One step on a suggestion, in one transaction: the row locked, the permission and state checked
 * on the locked row (a second reviewer acting at once gets the conflict), the new status, the
 * event the submitter reads, the audit entry and the mails.
 */
export async function suggestionStep(
  db: Db,
  clock: Clock,
  actor: Actor,
  id: string,
  step: {
    from: SuggestionStatus;
    to: SuggestionStatus;
    event: SuggestionEventType;
    text: string;
    allowed: (tx: DbOrTx, row: SuggestionRow) => Promise<string | null>;
    then: (tx: DbOrTx, row: SuggestionRow) => Promise<void>;
  },
): Promise<SuggestionView> {
  return db.transaction(async (tx) => {
    const row = await findVisibleSuggestion(tx, actor, id, true);
    const refusal = await step.allowed(tx, row);
    if (refusal) throw AppError.forbidden(refusal);
    if (row.status !== step.from) throw new AppError('conflict', `This suggestion is ${row.status} now; it cannot be ${step.event} again.`);
    const now = clock.now();
    const [updated] = await tx.update(suggestions).set({ status: step.to, updatedAt: now }).where(eq(suggestions.id, id)).returning();
    await tx.insert(suggestionEvents).values({ suggestionId: id, type: step.event, actorId: actor.id, text: step.text, at: now });
    await step.then(tx, updated!);
    await recordAudit(tx, { actorId: actor.id, action: `suggestion.${step.event}`, entity: 'suggestion', entityId: id, before: { status: row.status }, after: { status: step.to, text: step.text } });
    return (await suggestionViewsOf(tx, actor, [updated!]))[0]!;
  });
}
