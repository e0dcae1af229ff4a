import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../tests/support/test-database';
import { fixedClock } from '../platform/clock';
import { outbox } from '../platform/mail/schema';
import { seedDemo } from '../demo/seed-demo';
import { charterVersions } from '../charter/schema';
import { listSubjectClocks } from '../service-levels/list-subject-clocks';
import { complianceReport } from '../service-levels/compliance-report';
import { localDate } from '../platform/settings/unit-today';
import { questions } from './schema';

// Seeded on a Sunday and on a Wednesday: the outcomes hold whatever day the demo loads.
describe.each([new Date('2026-12-06T15:00:00Z'), new Date('2026-09-16T13:00:00Z')])('IN-1 CH-3 the demo questions, seeded at %s', (seededAt) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemo(database.db, fixedClock(seededAt));
  });
  afterAll(() => database.drop());

  it('CH-4 the demo charter was in force months before the demo history begins', async () => {
    const [v1] = await database.db.select().from(charterVersions);
    expect(v1!.publishedAt!.getTime()).toBeLessThan(seededAt.getTime() - 90 * 86_400_000);
  });

  it('IN-1 every channel, answered mostly in time, one late, one at risk, one breached and open, one just in', async () => {
    const rows = await database.db.select().from(questions);
    expect(new Set(rows.map((q) => q.channel))).toEqual(new Set(['web', 'email', 'phone']));
    const clocks = await listSubjectClocks(database.db, 'question', rows.map((q) => q.id), seededAt);
    const states = rows.map((q) => clocks.get(q.id)?.[0]?.state).sort();
    expect(states).toEqual(['at_risk', 'breached', 'breached', 'met', 'met', 'met', 'met', 'met', 'on_track']);
    expect(rows.filter((q) => q.status === 'answered')).toHaveLength(6);
    // History, not news: the answers' mails are not waiting to be sent.
    expect(await database.db.select().from(outbox).where(sql`${outbox.idempotencyKey} LIKE 'question-answer:%'`)).toEqual([]);
  });

  it('CH-3 the service-level report counts them over the last thirty days', async () => {
    const from = localDate(new Date(seededAt.getTime() - 30 * 86_400_000), 'America/New_York');
    const report = await complianceReport(database.db, { from, to: localDate(seededAt, 'America/New_York'), now: seededAt });
    const web = report.serviceLevels.find((l) => l.key === 'question.first-response.web');
    expect(web?.total).toMatchObject({ started: 5, met: 2, breached: 1, running: 2, runningBreached: 1 });
    expect(report.breaches.some((b) => b.serviceLevelKey === 'question.first-response.web' && b.stoppedAt !== null)).toBe(true);
  });
});
