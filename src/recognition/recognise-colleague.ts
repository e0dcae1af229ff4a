import type { Db } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import type { Actor } from '../platform/auth/actor';
import { AppError } from '../platform/http/app-error';
import { recordAudit } from '../platform/audit/record-audit';
import { enqueueMail } from '../platform/mail/enqueue-mail';
import { findPersonById } from '../people/find-people';
import { getPersonDetail } from '../people/get-person';
import type { RecogniseInput, RecognitionView } from './recognition-schemas';
import { recognitions } from './schema';

/**
 * Someone recognises a colleague for a concrete act that created value for a customer or a
 * colleague (FB-4); the colleague and their manager are told, in the same transaction.
 */
export async function recogniseColleague(db: Db, clock: Clock, publicUrl: string, actor: Actor, input: RecogniseInput): Promise<RecognitionView> {
  if (input.personId === actor.id) throw AppError.invalid([{ field: 'personId', message: 'Recognise a colleague, not yourself.' }]);
  return db.transaction(async (tx) => {
    const person = await findPersonById(tx, input.personId);
    if (!person || !person.active) throw AppError.invalid([{ field: 'personId', message: 'There is no such colleague; choose someone from the list.' }]);
    const now = clock.now();
    const [row] = await tx.insert(recognitions).values({ fromId: actor.id, toId: person.id, act: input.act, value: input.value, at: now }).returning();
    const words = `What ${person.name} did:\n${input.act}\n\nThe value it created:\n${input.value}`;
    const link = [{ label: 'See recognitions', url: `${publicUrl}/recognition` }];
    await enqueueMail(tx, { to: { email: person.email, name: person.name }, subject: `${actor.name} recognised you`, body: `Hello ${person.name},\n\n${actor.name} wanted you to know that what you did made a difference.\n\n${words}`, links: link, idempotencyKey: `recognition:${row!.id}:person` });
    const managerRef = (await getPersonDetail(tx, person.id)).manager;
    const manager = managerRef ? await findPersonById(tx, managerRef.id) : undefined;
    if (manager?.active && manager.id !== actor.id) {
      await enqueueMail(tx, { to: { email: manager.email, name: manager.name }, subject: `${actor.name} recognised ${person.name}`, body: `Hello ${manager.name},\n\n${actor.name} recognised ${person.name}, who reports to you.\n\n${words}`, links: link, idempotencyKey: `recognition:${row!.id}:manager` });
    }
    await recordAudit(tx, { actorId: actor.id, action: 'recognition.given', entity: 'recognition', entityId: row!.id, after: { toId: person.id } });
    return { id: row!.id, from: { id: actor.id, name: actor.name }, to: { id: person.id, name: person.name }, act: row!.act, value: row!.value, at: now.toISOString() };
  });
}
