import type { DbOrTx } from '../platform/db/database';
import { enqueueMail } from '../platform/mail/enqueue-mail';
import { feedbackReference } from './feedback-references';
import type { FeedbackRow } from './read-feedback';

// Mails go to a named sender only: an anonymous one has no address here, by design. The private
// link is the anonymous sender's only way in, and the named sender's way in without signing in.

export const followUrl = (publicUrl: string, token: string) => `${publicUrl}/feedback/follow/${token}`;

type Step = { key: string; subject: string; body: string; link?: string };

export async function mailSender(tx: DbOrTx, row: FeedbackRow, step: Step): Promise<void> {
  if (row.anonymous || !row.senderEmail) return;
  const reference = feedbackReference(row.number);
  await enqueueMail(tx, {
    to: { email: row.senderEmail, name: row.senderName ?? undefined },
    subject: `${step.subject} [${reference}]`,
    body: `Hello ${row.senderName ?? ''},\n\n${step.body}\n\nWhat you told us:\n${row.body}`,
    ...(step.link ? { links: [{ label: 'Follow your feedback', url: step.link }] } : {}),
    idempotencyKey: `feedback:${row.id}:${step.key}`,
  });
}
