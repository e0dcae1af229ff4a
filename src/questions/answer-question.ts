import { eq } from 'drizzle-orm';
import type { Db } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import type { Actor } from '../platform/auth/actor';
import { recordAudit } from '../platform/audit/record-audit';
import { enqueueMail } from '../platform/mail/enqueue-mail';
import { recordClockEvent } from '../service-levels/record-clock-event';
import type { QuestionView } from './question-schemas';
import { findVisibleQuestion, questionView, referenceOf } from './read-question';
import { questionMessages, questions } from './schema';

/**
 * Staff answer a question in Stride: the answer is kept, mailed to the asker (the outbox adds the
 * unit's contact details), and the first answer stops the first-response clock (IN-1, CH-3).
 */
export async function answerQuestion(db: Db, clock: Clock, actor: Actor, id: string, body: string): Promise<QuestionView> {
  return db.transaction(async (tx) => {
    const question = await findVisibleQuestion(tx, actor, id, true);
    const now = clock.now();
    const [message] = await tx.insert(questionMessages).values({ questionId: id, authorId: actor.id, body, at: now }).returning({ id: questionMessages.id });
    const mailKey = `question-answer:${message!.id}`;
    const reference = referenceOf(question.number);
    await enqueueMail(tx, {
      to: { email: question.askerEmail, name: question.askerName },
      subject: `Re: ${question.subject} [${reference}]`,
      body: `Hello ${question.askerName},\n\n${actor.name} answered your question ${reference}:\n\n${body}\n\nYour question:\n${question.body}`,
      idempotencyKey: mailKey,
    });
    await tx.update(questionMessages).set({ mailKey }).where(eq(questionMessages.id, message!.id));
    if (question.status === 'open') await tx.update(questions).set({ status: 'answered' }).where(eq(questions.id, id));
    // Stops the running first-response clock; a later answer finds none running and changes nothing.
    await recordClockEvent(tx, clock, { type: 'question.answered', subject: { type: 'question', id }, at: now });
    await recordAudit(tx, { actorId: actor.id, action: 'question.answered', entity: 'question', entityId: id, before: { status: question.status }, after: { status: question.status === 'open' ? 'answered' : question.status, messageId: message!.id } });
    return questionView(tx, id, now);
  });
}
