import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../tests/support/test-database';
import { fixedClock } from '../platform/clock';
import { addBusinessTime } from '../service-levels/business-calendar';
import { listServiceLevels } from '../service-levels/list-service-levels';
import { charterDraftSchema } from './charter-schema';
import { demoCharter, seedDemoCharter } from './demo-charter';
import { charterVersions } from './schema';
import { seedDemo } from '../demo/seed-demo';
import { people } from '../people/schema';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

describe('CH-1 CH-2 the demo charter of Northwind Utilities', () => {
  const charter = charterDraftSchema.parse(demoCharter);

  it('validates, with every section written', () => {
    expect(charter.content.productsAndServices.length).toBeGreaterThanOrEqual(5);
    expect(charter.content.requestHandling.map((r) => r.requestType)).toContain('Training requests');
    expect(charter.content.partnership.steps.length).toBeGreaterThan(0);
    expect(charter.calendar.timeZone).toBe('America/New_York');
  });

  it('has the service levels CH-2 asks for', () => {
    expect(charter.serviceLevels.map((l) => l.key)).toEqual([
      'question.first-response.web',
      'question.first-response.email',
      'question.first-response.phone',
      'training-request.triage',
      'certificate.sent',
      'development.small',
      'development.medium',
      'development.large',
      'feedback.acknowledged',
      'feedback.resolved',
      'problem-report.answered',
    ]);
  });

  it('counts on Mon–Fri 08:30–17:00 with the US federal holidays of 2026 and 2027', () => {
    expect(charter.calendar.holidays).toHaveLength(23);
    // Thanksgiving 2026: an hour of work that starts Wednesday 16:30 ends Friday 09:00.
    const due = addBusinessTime(charter.calendar, new Date('2026-11-25T16:30:00-05:00'), 60);
    expect(due.toISOString()).toBe(new Date('2026-11-27T09:00:00-05:00').toISOString());
  });

  it('is published as version 1 once, however often the seed runs', async () => {
    const clock = fixedClock(new Date('2026-01-02T14:00:00Z'));
    expect(await seedDemoCharter(database.db, clock)).toBe(true);
    expect(await seedDemoCharter(database.db, clock)).toBe(false);
    const versions = await database.db.select().from(charterVersions);
    expect(versions.map((v) => [v.version, v.status])).toEqual([[1, 'published']]);
    expect(await listServiceLevels(database.db, versions[0]!.id)).toHaveLength(11);
  });
});

describe('CH-1 the demo organization comes with its charter', () => {
  it('is published as version 1 by the unit lead when the demo is loaded', async () => {
    const fresh = await createTestDatabase();
    try {
      await seedDemo(fresh.db);
      const versions = await fresh.db.select().from(charterVersions);
      expect(versions.map((v) => [v.version, v.status])).toEqual([[1, 'published']]);
      const [lead] = await fresh.db.select({ id: people.id }).from(people).where(eq(people.employeeId, 'N0010'));
      expect(versions[0]?.publishedBy).toBe(lead?.id);
    } finally {
      await fresh.drop();
    }
  });
});
