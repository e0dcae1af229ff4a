import type { Db, DbOrTx } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import type { Actor } from '../platform/auth/actor';
import { findPeopleWithRole, findPersonById } from '../people/find-people';
import type { SuggestionView } from './suggestion-schemas';
import type { SuggestionRow } from './read-suggestions';
import { mailAboutSuggestion } from './suggestion-mails';
import { mayReview, reviewerOf } from './suggestion-parties';
import { suggestionStep } from './suggestion-step';

/** Only the submitter's manager (from the org chart, now) reviews; the refusal says who can. */
async function onlyTheManager(tx: DbOrTx, actor: Actor, row: SuggestionRow): Promise<string | null> {
  const reviewer = await reviewerOf(tx, row.submitterId);
  if (mayReview(actor, reviewer)) return null;
  return reviewer ? `Only ${reviewer.name}, the manager of the person who suggested it, can review this suggestion.` : 'Only a leader can review a suggestion from someone without a manager.';
}

const submitterOf = async (tx: DbOrTx, row: SuggestionRow) => (await findPersonById(tx, row.submitterId))!;

/** The manager supports the suggestion and takes it to leadership (FB-2); leaders and the submitter are told. */
export async function escalateSuggestion(db: Db, clock: Clock, publicUrl: string, actor: Actor, id: string, support: string): Promise<SuggestionView> {
  return suggestionStep(db, clock, actor, id, {
    from: 'submitted',
    to: 'escalated',
    event: 'escalated',
    text: support,
    allowed: (tx, row) => onlyTheManager(tx, actor, row),
    then: async (tx, row) => {
      const submitter = await submitterOf(tx, row);
      for (const leader of await findPeopleWithRole(tx, 'leader')) {
        await mailAboutSuggestion(tx, publicUrl, row, leader, { key: 'escalated', subject: `A service suggestion for leadership to decide`, body: `${actor.name} supports ${submitter.name}'s suggestion and asks leadership to decide (adopt, pilot, or decline with a reason):\n\n${support}` });
      }
      await mailAboutSuggestion(tx, publicUrl, row, submitter, { key: 'escalated', subject: 'Your suggestion went to leadership', body: `${actor.name} supports your suggestion and took it to leadership:\n\n${support}` });
    },
  });
}

/** The manager answers why not; the submitter reads the reason. */
export async function answerSuggestion(db: Db, clock: Clock, publicUrl: string, actor: Actor, id: string, reason: string): Promise<SuggestionView> {
  return suggestionStep(db, clock, actor, id, {
    from: 'submitted',
    to: 'answered',
    event: 'answered',
    text: reason,
    allowed: (tx, row) => onlyTheManager(tx, actor, row),
    then: async (tx, row) => {
      await mailAboutSuggestion(tx, publicUrl, row, await submitterOf(tx, row), { key: 'answered', subject: 'An answer to your suggestion', body: `${actor.name} read your suggestion and will not take it further now:\n\n${reason}` });
    },
  });
}
