import type { Db } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import { enqueueMail } from '../platform/mail/enqueue-mail';
import { findVersionInForce } from '../charter/find-version-in-force';
import { formatBusinessMinutes, workingDayMinutes } from '../charter/web/format-business-time';
import { insertQuestion } from './ask-question';
import type { GuestQuestionInput, GuestQuestionReceipt } from './question-schemas';
import { questionView } from './read-question';
import { firstResponseOf } from './first-response';

/**
 * Someone without an account asks on the public form (IN-1). The question is kept with the name
 * and e-mail they give — never linked to a person's record by that e-mail, since anyone can type
 * anyone's address — and its first-response clock starts like any web question's. The guest has
 * no page to come back to, so a receipt is mailed with the reference and the promised time.
 */
export async function askAsGuest(db: Db, clock: Clock, input: GuestQuestionInput): Promise<GuestQuestionReceipt> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const id = await insertQuestion(tx, clock, null, {
      asker: { id: null, name: input.name, email: input.email, businessUnitId: null },
      channel: 'web',
      subject: input.subject,
      body: input.body,
      askedAt: now,
      loggedBy: null,
    });
    const question = await questionView(tx, id, now);
    const first = firstResponseOf(question.clocks);
    const charter = await findVersionInForce(tx, now);
    const target = first && charter ? formatBusinessMinutes(first.targetBusinessMinutes, workingDayMinutes(charter.calendar)) : null;
    const due = first?.dueAt && charter ? formatInZone(new Date(first.dueAt), charter.calendar.timeZone) : null;
    const promise = target && due ? `We promise a first answer within ${target}, that is by ${due}.` : 'We will answer as soon as we can.';
    await enqueueMail(tx, {
      to: { email: input.email, name: input.name },
      subject: `We received your question [${question.reference}]: ${input.subject}`,
      body: `Hello ${input.name},\n\nThank you for asking the training unit. Your question has the reference ${question.reference}; quote it if you write or call us about it.\n\n${promise} The answer will come to this address.\n\nYour question:\n${input.body}`,
      idempotencyKey: `question-received:${id}`,
    });
    return { reference: question.reference, subject: question.subject, askedAt: question.askedAt, firstResponseDueAt: first?.dueAt ?? null, firstResponseTarget: target };
  });
}

/** "Monday, November 30, 2026 at 10:30 AM EST": the promise in the unit's own time zone, named. */
function formatInZone(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'long', month: 'long', day: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).format(date);
}
