import type { Db } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import type { Actor } from '../platform/auth/actor';
import { findPersonById } from '../people/find-people';
import type { DecideSuggestionInput, SuggestionView } from './suggestion-schemas';
import { mailAboutSuggestion } from './suggestion-mails';
import { decides, reviewerOf } from './suggestion-parties';
import { suggestionStep } from './suggestion-step';

const outcome = { adopt: ['adopted', 'was adopted'], pilot: ['piloted', 'will be piloted'], decline: ['declined', 'was declined'] } as const;

/** A leader decides an escalated suggestion: adopt, pilot, or decline with a reason; submitter and manager are told. */
export async function decideSuggestion(db: Db, clock: Clock, publicUrl: string, actor: Actor, id: string, input: DecideSuggestionInput): Promise<SuggestionView> {
  const [status, words] = outcome[input.decision];
  return suggestionStep(db, clock, actor, id, {
    from: 'escalated',
    to: status,
    event: status,
    text: input.reason,
    allowed: async () => (decides(actor) ? null : 'Only a leader decides a suggestion escalated to leadership.'),
    then: async (tx, row) => {
      const submitter = (await findPersonById(tx, row.submitterId))!;
      const manager = await reviewerOf(tx, row.submitterId);
      for (const to of [submitter, ...(manager ? [manager] : [])]) {
        await mailAboutSuggestion(tx, publicUrl, row, to, { key: status, subject: `The suggestion ${words}`, body: `${actor.name} decided: the suggestion ${words}.\n\n${input.reason}` });
      }
    },
  });
}
