import type { Db, DbOrTx } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import type { Actor } from '../platform/auth/actor';
import { AppError } from '../platform/http/app-error';
import { recordAudit } from '../platform/audit/record-audit';
import { getPersonDetail } from '../people/get-person';
import { recordClockEvent } from '../service-levels/record-clock-event';
import type { AskQuestionInput, LogQuestionInput, QuestionView } from './question-schemas';
import { questionView, referenceOf } from './read-question';
import { questions, type QuestionChannel } from './schema';

export type NewQuestion = {
  asker: { id: string | null; name: string; email: string; businessUnitId: string | null };
  channel: QuestionChannel;
  subject: string;
  body: string;
  askedAt: Date;
  loggedBy: string | null;
};

/**
 * Writes the question and starts its first-response clock from `askedAt`, by the charter in force
 * then, with the channel picking the service level (IN-1, CH-2): all in one transaction. A guest's
 * question has no acting person (`actorId` null) and no asker id.
 */
export async function insertQuestion(tx: DbOrTx, clock: Clock, actorId: string | null, input: NewQuestion): Promise<string> {
  const [row] = await tx
    .insert(questions)
    .values({
      askerId: input.asker.id,
      askerName: input.asker.name,
      askerEmail: input.asker.email,
      channel: input.channel,
      subject: input.subject,
      body: input.body,
      businessUnitId: input.asker.businessUnitId,
      loggedBy: input.loggedBy,
      askedAt: input.askedAt,
      createdAt: clock.now(),
    })
    .returning();
  const question = row!;
  await recordClockEvent(tx, clock, {
    type: 'question.asked',
    subject: { type: 'question', id: question.id },
    at: input.askedAt,
    attributes: { channel: input.channel },
    businessUnitId: input.asker.businessUnitId,
  });
  await recordAudit(tx, {
    actorId,
    action: input.loggedBy ? 'question.logged' : 'question.asked',
    entity: 'question',
    entityId: question.id,
    after: { reference: referenceOf(question.number), channel: input.channel, askerId: input.asker.id, subject: input.subject, askedAt: input.askedAt.toISOString() },
  });
  return question.id;
}

/** A signed-in person asks the unit on the web form. */
export async function askQuestion(db: Db, clock: Clock, actor: Actor, input: AskQuestionInput): Promise<QuestionView> {
  return db.transaction(async (tx) => {
    const person = await getPersonDetail(tx, actor.id);
    const id = await insertQuestion(tx, clock, actor.id, {
      asker: { id: person.id, name: person.name, email: person.email, businessUnitId: person.businessUnit?.id ?? null },
      channel: 'web',
      subject: input.subject,
      body: input.body,
      askedAt: clock.now(),
      loggedBy: null,
    });
    return questionView(tx, id, clock.now());
  });
}

/**
 * Staff log a phone call or an e-mail on the asker's behalf, with the time it happened: the clock
 * runs from the contact, not from when it was typed in.
 */
export async function logQuestion(db: Db, clock: Clock, actor: Actor, input: LogQuestionInput): Promise<QuestionView> {
  const now = clock.now();
  const askedAt = input.askedAt ? new Date(input.askedAt) : now;
  if (askedAt > now) throw AppError.invalid([{ field: 'askedAt', message: 'The contact cannot have happened in the future.' }]);
  return db.transaction(async (tx) => {
    let asker: NewQuestion['asker'];
    if (input.askerId) {
      const person = await getPersonDetail(tx, input.askerId).catch((error: unknown) => {
        if (error instanceof AppError && error.code === 'not_found') throw AppError.invalid([{ field: 'askerId', message: 'There is no such person; choose someone from the list.' }]);
        throw error;
      });
      asker = { id: person.id, name: person.name, email: person.email, businessUnitId: person.businessUnit?.id ?? null };
    } else {
      asker = { id: null, name: input.askerName!, email: input.askerEmail!, businessUnitId: null };
    }
    const id = await insertQuestion(tx, clock, actor.id, { asker, channel: input.channel, subject: input.subject, body: input.body, askedAt, loggedBy: actor.id });
    return questionView(tx, id, now);
  });
}
