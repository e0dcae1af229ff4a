import type { DbOrTx } from '../platform/db/database';
import { enqueueMail } from '../platform/mail/enqueue-mail';
import type { PersonIdentity } from '../people/find-people';
import { suggestionReference, type SuggestionRow } from './read-suggestions';

export const suggestionUrl = (publicUrl: string, id: string) => `${publicUrl}/suggestions/${id}`;

/** One message about a suggestion to one person; the key makes each step's mail once. */
export async function mailAboutSuggestion(
  tx: DbOrTx,
  publicUrl: string,
  row: SuggestionRow,
  to: Pick<PersonIdentity, 'id' | 'name' | 'email'>,
  step: { key: string; subject: string; body: string },
): Promise<void> {
  await enqueueMail(tx, {
    to: { email: to.email, name: to.name },
    subject: `${step.subject} [${suggestionReference(row.number)}]`,
    body: `Hello ${to.name},\n\n${step.body}\n\nThe suggestion: ${row.title}\n${row.idea}\n\nWhat it improves: ${row.benefit}`,
    links: [{ label: 'Open the suggestion', url: suggestionUrl(publicUrl, row.id) }],
    idempotencyKey: `suggestion:${row.id}:${step.key}:${to.id}`,
  });
}
