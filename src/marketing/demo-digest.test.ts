import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../tests/support/test-database';
import { fixedClock } from '../platform/clock';
import { outbox } from '../platform/mail/schema';
import { seedDemo } from '../demo/seed-demo';
import { people } from '../people/schema';
import { demoSubscribers } from './demo-digest';
import { readDigestPreferences } from './read-preferences';
import { sendDueDigests } from './send-due-digests';
import { digestSubscriptions } from './schema';

const seededAt = new Date('2026-09-14T13:00:00Z'); // a Monday, 09:00 in New York
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db, fixedClock(seededAt));
});
afterAll(() => database.drop());

describe('CA-6 the demo digest subscribers', () => {
  it('opts in exactly the four demo subscribers, on the interests and rhythm they chose; nobody else', async () => {
    const rows = await database.db.select({ subscription: digestSubscriptions, name: people.name, employeeId: people.employeeId }).from(digestSubscriptions).innerJoin(people, eq(people.id, digestSubscriptions.personId));
    expect(rows.map((r) => r.name).sort()).toEqual(['Arjun Mehta', 'Ewa Kowalska', 'Jasmine Carter', 'Marcus Johnson']);
    const everyone = await database.db.select({ id: people.id }).from(people);
    expect(everyone.length).toBeGreaterThan(50);
    for (const subscriber of demoSubscribers) {
      const row = rows.find((r) => r.employeeId === subscriber.employeeId)!;
      expect(subscriber.who.startsWith(row.name)).toBe(true);
      expect(row.subscription).toMatchObject({ subscribed: true, frequency: subscriber.frequency, optedInAt: seededAt, nextDueOn: '2026-09-14' });
      expect((await readDigestPreferences(database.db, row.subscription.personId, seededAt)).interestIds).toHaveLength(subscriber.interests.length);
    }
  });

  it('gives the next morning’s run something to send to each of them', async () => {
    const run = await sendDueDigests(database.db, fixedClock(new Date('2026-09-15T07:00:00Z')), 'http://localhost:3000');
    expect(run).toMatchObject({ considered: 4, sent: 4 });
    const mails = await database.db.select().from(outbox).where(like(outbox.idempotencyKey, 'marketing-digest:%'));
    const jasmine = mails.find((m) => m.toAddress === 'jasmine.carter@northwind.example')!;
    // She has completed Calming Difficult Calls and applied for Handling Complaints (the demo after
    // the event): the digest offers neither again, only what is new to her.
    expect(jasmine.subject).toMatch(/^Your weekly course digest: \d+ new courses?( and \d+ upcoming sessions?)?$/);
    expect(jasmine.textBody).not.toContain('Calming Difficult Calls');
    expect(jasmine.textBody).toContain('on the interests you chose: Communication & writing, Customer service.');
  });
});
