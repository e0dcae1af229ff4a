import type { Db } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import type { Actor } from '../platform/auth/actor';
import { recordAudit } from '../platform/audit/record-audit';
import { findPeopleWithRole } from '../people/find-people';
import type { SubmitSuggestionInput, SuggestionView } from './suggestion-schemas';
import { suggestionReference, suggestionViewsOf } from './read-suggestions';
import { mailAboutSuggestion } from './suggestion-mails';
import { reviewerOf } from './suggestion-parties';
import { suggestionEvents, suggestions } from './schema';

/**
 * Someone on the front line suggests how to improve service (FB-2). Their manager from the org
 * chart is told at once (leaders, when they have none), in the same transaction.
 */
export async function submitSuggestion(db: Db, clock: Clock, publicUrl: string, actor: Actor, input: SubmitSuggestionInput): Promise<SuggestionView> {
  return db.transaction(async (tx) => {
    const now = clock.now();
    const [row] = await tx.insert(suggestions).values({ submitterId: actor.id, ...input, submittedAt: now, updatedAt: now }).returning();
    await tx.insert(suggestionEvents).values({ suggestionId: row!.id, type: 'submitted', actorId: actor.id, at: now });
    const reviewer = await reviewerOf(tx, actor.id);
    for (const to of reviewer ? [reviewer] : await findPeopleWithRole(tx, 'leader')) {
      await mailAboutSuggestion(tx, publicUrl, row!, to, {
        key: 'submitted',
        subject: `${actor.name} has a service suggestion for you to review`,
        body: `${actor.name} suggested an improvement to our service. Please read it, and either support it and take it to leadership, or tell ${actor.name} why not.`,
      });
    }
    await recordAudit(tx, { actorId: actor.id, action: 'suggestion.submitted', entity: 'suggestion', entityId: row!.id, after: { reference: suggestionReference(row!.number), title: input.title } });
    return (await suggestionViewsOf(tx, actor, [row!]))[0]!;
  });
}
