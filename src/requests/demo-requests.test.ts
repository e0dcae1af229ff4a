import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../tests/support/test-database';
import { fixedClock } from '../platform/clock';
import { outbox } from '../platform/mail/schema';
import { seedDemo } from '../demo/seed-demo';
import { requestStates } from './request-values';
import { portfolio } from './portfolio';
import { primeSegments, requestEffort, requestSurveyInvites, strategicGoals, trainingRequests } from './schema';
import { recommendationViews } from './recommendation-view';

describe('RQ-1..7 the demo organization’s requests', () => {
  const seededAt = new Date('2026-12-06T15:00:00Z');
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemo(database.db, fixedClock(seededAt));
  }, 180_000);
  afterAll(() => database.drop());

  it('RQ-2 RQ-7 requests in every state, goals (one retired), prime segments, effort and a questionnaire with answers', async () => {
    const rows = await database.db.select().from(trainingRequests);
    expect(new Set(rows.map((r) => r.state))).toEqual(new Set(requestStates));
    const goals = await database.db.select().from(strategicGoals);
    expect(goals.filter((g) => g.active)).toHaveLength(3);
    expect(goals.filter((g) => !g.active)).toHaveLength(1);
    expect(await database.db.select().from(primeSegments)).toHaveLength(2);
    expect((await database.db.select().from(requestEffort)).length).toBeGreaterThanOrEqual(5);
    const invites = await database.db.select().from(requestSurveyInvites);
    expect(invites.filter((i) => i.answers)).toHaveLength(5);
    expect(invites.filter((i) => !i.answers)).toHaveLength(1);
    expect(await database.db.select().from(outbox).where(sql`${outbox.idempotencyKey} LIKE 'training-request:%'`)).toEqual([]);
  });

  it('RQ-5 RQ-4 the call team’s request ended in a procedure change and a job aid, no course, explained, reconciled and closed; the portfolio counts it without training', async () => {
    const [story] = await database.db.select().from(trainingRequests).where(sql`${trainingRequests.title} = 'Customer service training for the call team'`);
    expect(story).toMatchObject({ state: 'closed', reconciliation: expect.stringContaining('procedure comes first') });
    const [rec] = await recommendationViews(database.db, story!.id);
    expect(rec).toMatchObject({ nonTraining: true, response: 'accepted', explanation: expect.stringContaining('three escalation guides disagree') });
    expect(rec!.interventions.map((i) => i.kind)).toEqual(['procedure_change', 'job_aid']);
    const view = await portfolio(database.db, { from: '2026-10-01', to: '2026-12-06' });
    expect(view.byUnit.find((u) => u.name === 'Customer Care')).toMatchObject({ prime: true, decided: 1, nonTraining: 1 });
    expect(view.totals.decided).toBeGreaterThanOrEqual(2);
    expect(view.totals.hours).toBeGreaterThan(10);
  });
});
