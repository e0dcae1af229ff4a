import { createHash } from 'node:crypto';
import type { DbOrTx } from '../db/database';
import { getUnitSettings } from '../settings/unit-settings';
import { renderMessage } from './render-message';
import { outbox } from './schema';
import { notifyMailQueued } from './mail-signal';

/** `encoding: 'base64'` for binary content (a PDF); text (an invitation) goes as it is. */
export type MailAttachment = { filename: string; contentType: string; content: string; method?: string; encoding?: 'base64' };

export type OutgoingMail = {
  to: { email: string; name?: string };
  subject: string;
  /** Plain text; the HTML part and the unit's contact footer are derived from it. */
  body: string;
  links?: { label: string; url: string }[];
  /** Same key, same message: queuing twice (a retried job, a double click) sends once. */
  idempotencyKey: string;
  headers?: Record<string, string>;
  attachments?: MailAttachment[];
};

/**
 * Writes a message to the outbox. Call it inside the transaction of the change
 * that causes the message: both commit, or neither does.
 */
export async function enqueueMail(tx: DbOrTx, mail: OutgoingMail): Promise<void> {
  await enqueueMails(tx, [mail]);
}

/** Several messages in one statement (a crowd's confirmations); the same rules as one. */
export async function enqueueMails(tx: DbOrTx, mails: OutgoingMail[]): Promise<void> {
  if (mails.length === 0) return;
  const unit = await getUnitSettings(tx);
  const domain = unit.contactEmail.split('@')[1] ?? 'stride.local';
  await tx
    .insert(outbox)
    .values(
      mails.map((mail) => {
        const { text, html } = renderMessage(mail.body, unit, mail.links);
        const digest = createHash('sha256').update(mail.idempotencyKey).digest('hex').slice(0, 32);
        return {
          idempotencyKey: mail.idempotencyKey,
          messageId: `<${digest}@${domain}>`,
          toAddress: mail.to.email,
          toName: mail.to.name ?? null,
          subject: mail.subject,
          textBody: text,
          htmlBody: html,
          headers: mail.headers ?? {},
          attachments: mail.attachments ?? [],
        };
      }),
    )
    .onConflictDoNothing({ target: outbox.idempotencyKey });
  notifyMailQueued();
}
