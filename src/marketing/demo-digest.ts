import type { DbOrTx } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import { listInterests } from '../catalog/list-interests';
import { utcDay } from './digest-schedule';
import type { DigestFrequency } from './marketing-values';
import { digestInterests, digestSubscriptions } from './schema';

// A few of Northwind's people have opted in to the digest (CA-6), so the demo shows "My interests"
// filled in and the morning run has someone to write to. Everyone else has chosen nothing, and so
// gets nothing: the digest is never on by default.
export const demoSubscribers: { employeeId: string; who: string; frequency: DigestFrequency; interests: string[] }[] = [
  { employeeId: 'N0100', who: 'Jasmine Carter, customer service agent (the demo learner)', frequency: 'weekly', interests: ['Customer service', 'Communication & writing'] },
  { employeeId: 'N0021', who: 'Marcus Johnson, call centre team manager (the demo supervisor)', frequency: 'monthly', interests: ['Customer service', 'Leadership & coaching'] },
  { employeeId: 'N0031', who: 'Ewa Kowalska, field supervisor', frequency: 'monthly', interests: ['Leadership & coaching', 'Safety'] },
  { employeeId: 'N0140', who: 'Arjun Mehta, grid engineer', frequency: 'weekly', interests: ['Grid & engineering', 'Safety'] },
];

/** Opts the demo subscribers in, in the caller's transaction, after the demo catalog (its interests) is loaded. */
export async function seedDemoDigest(tx: DbOrTx, clock: Clock, people: ReadonlyMap<string, string>): Promise<number> {
  const now = clock.now();
  const interestIds = new Map((await listInterests(tx)).map((i) => [i.name, i.id]));
  let seeded = 0;
  for (const subscriber of demoSubscribers) {
    const personId = people.get(subscriber.employeeId);
    const chosen = subscriber.interests.map((name) => interestIds.get(name)).filter((id): id is string => !!id);
    if (!personId || chosen.length === 0) continue;
    await tx.insert(digestSubscriptions).values({ personId, subscribed: true, frequency: subscriber.frequency, optedInAt: now, nextDueOn: utcDay(now), createdAt: now, updatedAt: now });
    await tx.insert(digestInterests).values(chosen.map((interestId) => ({ personId, interestId })));
    seeded += 1;
  }
  return seeded;
}
