import { like } from 'drizzle-orm';
import type { Db, DbOrTx } from '../platform/db/database';
import { fixedClock, type Clock } from '../platform/clock';
import { outbox } from '../platform/mail/schema';
import { findPersonById } from '../people/find-people';
import { recogniseColleague } from './recognise-colleague';

// A few recognitions over the last weeks (FB-4): concrete acts and who they helped. No counts.
const DAY = 86_400_000;
const demo = [
  { from: 'N0021', to: 'N0100', daysAgo: 18, act: 'Stayed on the line for forty minutes with an elderly customer whose heating failed, and arranged the emergency visit herself.', value: 'The customer had heat that night; her daughter wrote to thank us.' },
  { from: 'N0011', to: 'N0014', daysAgo: 11, act: 'Rebuilt the lockout/tagout exercises around the three near-misses from the north district.', value: 'Technicians practise the situations they actually meet; Ewa’s crew asked for the same in the south.' },
  { from: 'N0031', to: 'N0124', daysAgo: 6, act: 'Spotted a mislabelled isolation point during a routine job and reported it before the next crew arrived.', value: 'Prevented a possible contact with a live line for the crew after him.' },
  { from: 'N0100', to: 'N0011', daysAgo: 3, act: 'Found me a seat in a full session the same afternoon after my manager’s approval came late.', value: 'I completed the course before my new role started.' },
];

export async function seedDemoRecognitions(tx: DbOrTx, clock: Clock, ids: ReadonlyMap<string, string>): Promise<void> {
  const db = tx as unknown as Db;
  for (const r of demo) {
    const from = (await findPersonById(tx, ids.get(r.from)!))!;
    await recogniseColleague(db, fixedClock(new Date(clock.now().getTime() - r.daysAgo * DAY)), 'http://localhost', from, { personId: ids.get(r.to)!, act: r.act, value: r.value });
  }
  await tx.delete(outbox).where(like(outbox.idempotencyKey, 'recognition:%'));
}
