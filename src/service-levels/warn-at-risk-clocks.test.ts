import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, like } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../tests/support/test-database';
import { createPerson, setUnitContact, type TestPerson } from '../../tests/support/factories';
import { fixedClock } from '../platform/clock';
import type { JobHandler, Jobs } from '../platform/jobs/jobs';
import { outbox } from '../platform/mail/schema';
import { seedDemoCharter } from '../charter/demo-charter';
import { recordClockEvent } from './record-clock-event';
import { clocks } from './schema';
import { registerServiceLevelJobs, warnAtRiskClocks, WARN_AT_RISK_JOB } from './warn-at-risk-clocks';
import { registerSubjectReferences } from './subject-references';

let database: TestDatabase;
let owner: TestPerson;
let coordinator: TestPerson;
const clock = fixedClock(new Date('2026-01-02T14:00:00Z'));
const newYork = (local: string) => new Date(`${local}-04:00`);

beforeAll(async () => {
  database = await createTestDatabase();
  await setUnitContact(database.db);
  await seedDemoCharter(database.db, clock);
  owner = await createPerson(database.db, { name: 'Samuel Mensah', roles: ['coordinator'] });
  coordinator = await createPerson(database.db, { name: 'Chloé Martin', roles: ['coordinator'] });
});
afterAll(() => database.drop());

async function ask(id: string, at: Date, ownerId?: string) {
  await database.db.transaction((tx) =>
    recordClockEvent(tx, clock, { type: 'question.asked', subject: { type: 'question', id }, at, attributes: { channel: 'web' }, ...(ownerId ? { ownerId } : {}) }),
  );
}

const warningsFor = async (clockId: string) => database.db.select().from(outbox).where(like(outbox.idempotencyKey, `clock-warning:${clockId}%`));
const clockOf = async (subjectId: string) => (await database.db.select().from(clocks).where(eq(clocks.subjectId, subjectId)))[0]!;

describe('CH-3 a warning to the owner before a breach, once', () => {
  it('mails the owner when 75% of the target is used, and never again however often the job runs', async () => {
    const id = randomUUID();
    // Monday 1 June 2026, 08:30 New York: 360 of 480 working minutes are used at 14:30.
    await ask(id, newYork('2026-06-01T08:30:00'), owner.id);
    const { id: clockId } = await clockOf(id);

    clock.set(newYork('2026-06-01T14:29:00'));
    await warnAtRiskClocks(database.db, clock);
    expect(await warningsFor(clockId)).toEqual([]);

    clock.set(newYork('2026-06-01T14:30:00'));
    expect(await warnAtRiskClocks(database.db, clock)).toBe(1);
    for (const later of ['14:35', '14:40', '16:00']) {
      clock.set(newYork(`2026-06-01T${later}:00`));
      expect(await warnAtRiskClocks(database.db, clock)).toBe(0);
    }
    const mails = await warningsFor(clockId);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ idempotencyKey: `clock-warning:${clockId}`, toAddress: owner.email });
    expect(mails[0]!.subject).toBe('At risk: First response to a question — web form — due Monday, June 1, 2026 at 4:30 PM EDT');
    expect(mails[0]!.textBody).toContain('75% of its target of 8 working hours is used');
    expect(mails[0]!.textBody).toContain('learning@test.example'); // the unit's contact details (CA-7)
    expect((await clockOf(id)).warnedAt).toEqual(newYork('2026-06-01T14:30:00'));
  });

  it('does not warn about a paused clock or a stopped one', async () => {
    const paused = randomUUID();
    const answered = randomUUID();
    await ask(paused, newYork('2026-06-02T08:30:00'), owner.id);
    await ask(answered, newYork('2026-06-02T08:30:00'), owner.id);
    await database.db.transaction(async (tx) => {
      await recordClockEvent(tx, clock, { type: 'question.waiting-on-customer', subject: { type: 'question', id: paused }, at: newYork('2026-06-02T09:00:00') });
      await recordClockEvent(tx, clock, { type: 'question.answered', subject: { type: 'question', id: answered }, at: newYork('2026-06-02T09:00:00') });
    });
    clock.set(newYork('2026-06-02T16:59:00'));
    await warnAtRiskClocks(database.db, clock);
    expect(await warningsFor((await clockOf(paused)).id)).toEqual([]);
    expect(await warningsFor((await clockOf(answered)).id)).toEqual([]);
  });

  it('without an owner, warns everyone holding the owner role', async () => {
    const id = randomUUID();
    await ask(id, newYork('2026-06-03T08:30:00'));
    clock.set(newYork('2026-06-03T15:00:00'));
    await warnAtRiskClocks(database.db, clock);
    await warnAtRiskClocks(database.db, clock);
    const { id: clockId } = await clockOf(id);
    const mails = await warningsFor(clockId);
    expect(mails.map((m) => m.toAddress).sort()).toEqual([owner.email, coordinator.email].sort());
  });

  it('names the subject as people quote it, from the capability that owns it, never by its database id', async () => {
    const id = randomUUID();
    // The app shell registers each capability's referencer; this one stands in for the questions'.
    registerSubjectReferences('question', async (_db, ids) => new Map(ids.map((i) => [i, i === id ? 'Q-000042' : 'Q-000000'])));
    await ask(id, newYork('2026-06-05T08:30:00'), owner.id);
    clock.set(newYork('2026-06-05T15:00:00'));
    await warnAtRiskClocks(database.db, clock);
    const [mail] = await warningsFor((await clockOf(id)).id);
    expect(mail!.textBody).toContain('for question Q-000042 is at risk');
    expect(mail!.textBody).not.toContain(id);
  });

  it('runs every five minutes as a scheduled job', async () => {
    const handlers = new Map<string, JobHandler<unknown>>();
    const schedules: [string, string][] = [];
    const jobs = {
      work: async (name: string, handler: JobHandler<unknown>) => void handlers.set(name, handler),
      schedule: async (name: string, cron: string) => void schedules.push([name, cron]),
    } as unknown as Jobs;
    await registerServiceLevelJobs(jobs, database.db, clock);
    expect(schedules).toEqual([[WARN_AT_RISK_JOB, '*/5 * * * *']]);
    const id = randomUUID();
    await ask(id, newYork('2026-06-04T08:30:00'), owner.id);
    clock.set(newYork('2026-06-04T15:00:00'));
    await handlers.get(WARN_AT_RISK_JOB)!({});
    await handlers.get(WARN_AT_RISK_JOB)!({});
    expect(await warningsFor((await clockOf(id)).id)).toHaveLength(1);
  });
});
