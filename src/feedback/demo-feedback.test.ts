import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../tests/support/test-database';
import { fixedClock } from '../platform/clock';
import { outbox } from '../platform/mail/schema';
import { seedDemo } from '../demo/seed-demo';
import { listSubjectClocks } from '../service-levels/list-subject-clocks';
import { suggestionEvents, suggestions } from '../suggestions/schema';
import { recognitions } from '../recognition/schema';
import { feedbackTrend } from './feedback-trend';
import { feedback } from './schema';

// Seeded on a Sunday: the demo shows every state whatever day it loads.
describe('FB-1 FB-2 FB-4 the demo organization’s feedback, suggestions and recognitions', () => {
  const seededAt = new Date('2026-12-06T15:00:00Z');
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemo(database.db, fixedClock(seededAt));
  }, 120_000);
  afterAll(() => database.drop());

  it('FB-1 feedback in every state, anonymous ones without a sender, on the charter’s clocks, with a trend over months', async () => {
    const rows = await database.db.select().from(feedback);
    expect(new Set(rows.map((f) => f.status))).toEqual(new Set(['received', 'acknowledged', 'investigating', 'responded', 'closed']));
    expect(rows.filter((f) => f.anonymous).every((f) => f.senderId === null && f.senderEmail === null)).toBe(true);
    expect(rows.some((f) => !f.anonymous)).toBe(true);
    const clocks = await listSubjectClocks(database.db, 'feedback', rows.map((f) => f.id), seededAt);
    const acknowledgements = rows.map((f) => clocks.get(f.id)?.find((c) => c.key === 'feedback.acknowledged')?.state);
    expect(acknowledgements.filter((s) => s === 'met')).toHaveLength(rows.length - 1);
    expect(acknowledgements).toContain('on_track');
    const trend = await feedbackTrend(database.db, seededAt, 12);
    expect(new Set(trend.rows.map((r) => r.month)).size).toBeGreaterThanOrEqual(5);
    expect(await database.db.select().from(outbox).where(sql`${outbox.idempotencyKey} LIKE 'feedback:%'`)).toEqual([]);
  });

  it('FB-2 suggestions at each step, one manager reminded; FB-4 a few recognitions', async () => {
    const rows = await database.db.select().from(suggestions);
    expect(new Set(rows.map((s) => s.status))).toEqual(new Set(['submitted', 'escalated', 'answered', 'adopted', 'piloted', 'declined']));
    expect((await database.db.select().from(suggestionEvents)).filter((e) => e.type === 'reminded')).toHaveLength(1);
    expect(await database.db.select().from(recognitions)).toHaveLength(4);
    expect(await database.db.select().from(outbox).where(sql`${outbox.idempotencyKey} LIKE 'suggestion:%' OR ${outbox.idempotencyKey} LIKE 'recognition:%'`)).toEqual([]);
  });
});
