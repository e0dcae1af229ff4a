import type { Db } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import type { Actor } from '../platform/auth/actor';
import { recordAudit } from '../platform/audit/record-audit';
import { AppError } from '../platform/http/app-error';
import { hashToken, newToken } from '../platform/auth/tokens';
import { storeFiles } from '../platform/files/store-files';
import { recordClockEvent } from '../service-levels/record-clock-event';
import { feedbackFilePolicy, type FeedbackReceipt, type SubmitFeedbackInput } from './feedback-schemas';
import { feedbackReference } from './feedback-references';
import { followUrl, mailSender } from './feedback-mails';
import { FEEDBACK, feedbackView } from './read-feedback';
import { feedback, feedbackEvents } from './schema';

/**
 * Anyone tells the unit what went wrong or right (FB-1), and the acknowledgement and resolution
 * clocks start. Anonymous means the identity never reaches the database: whoever is signed in,
 * the actor is not read at all on that path — not for the row, the event, the clock, the audit
 * entry or a mail. Every sender gets a private link (the token is returned once; its hash is kept).
 */
export async function submitFeedback(db: Db, clock: Clock, publicUrl: string, actor: Actor | null, input: SubmitFeedbackInput): Promise<FeedbackReceipt> {
  const sender = input.anonymous ? null : senderOf(actor, input);
  const token = newToken();
  const now = clock.now();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(feedback)
      .values({
        kind: input.kind,
        category: input.category,
        about: input.about,
        body: input.body,
        anonymous: input.anonymous,
        senderId: sender?.id ?? null,
        senderName: sender?.name ?? null,
        senderEmail: sender?.email ?? null,
        followTokenHash: hashToken(token),
        receivedAt: now,
      })
      .returning();
    const item = row!;
    await storeFiles(tx, clock, { type: FEEDBACK, id: item.id }, input.attachments, feedbackFilePolicy);
    await tx.insert(feedbackEvents).values({ feedbackId: item.id, type: 'received', actorId: sender?.id ?? null, at: now });
    await recordClockEvent(tx, clock, { type: 'feedback.received', subject: { type: FEEDBACK, id: item.id }, at: now, attributes: { kind: input.kind, category: input.category } });
    await recordAudit(tx, {
      actorId: sender?.id ?? null,
      action: 'feedback.received',
      entity: FEEDBACK,
      entityId: item.id,
      after: { reference: feedbackReference(item.number), kind: input.kind, category: input.category, anonymous: input.anonymous, attachments: input.attachments.length },
    });
    const view = await feedbackView(tx, item, now, true);
    const acknowledgeDueAt = view.clocks.find((c) => c.key === 'feedback.acknowledged')?.dueAt ?? null;
    await mailSender(tx, item, {
      key: 'received',
      subject: 'We received your feedback',
      body: `Thank you for telling us. Your feedback has the reference ${view.reference}. We will tell you who looks into it within the time our service charter promises, and then what we found and what we changed. You can follow it with the link below.`,
      link: followUrl(publicUrl, token),
    });
    return { id: item.id, reference: view.reference, anonymous: item.anonymous, followToken: token, acknowledgeDueAt };
  });
}

/** A named sender: the signed-in person from their record, or a guest's name and e-mail. */
function senderOf(actor: Actor | null, input: SubmitFeedbackInput): { id: string | null; name: string; email: string } {
  if (actor) return { id: actor.id, name: actor.name, email: actor.email };
  const fields = [];
  if (!input.name) fields.push({ field: 'name', message: 'Give your name so we can answer you, or send it anonymously.' });
  if (!input.email) fields.push({ field: 'email', message: 'Give the e-mail the answer goes to, or send it anonymously.' });
  if (fields.length) throw AppError.invalid(fields);
  return { id: null, name: input.name!, email: input.email! };
}
