import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../tests/support/test-database';
import { fixedClock } from '../platform/clock';
import { seedDemo } from '../demo/seed-demo';
import { developmentProjects, problemReports, projectStages, stageComments, stagePartners } from './schema';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db, fixedClock(new Date('2026-11-16T15:00:00Z')));
}, 180_000);
afterAll(() => database.drop());

describe('the demo development', () => {
  it('DV-1 DV-2 DV-4 the demo has projects in several stages with partner comments and sign-offs, a late stage, and problem reports answered and fixed', async () => {
    const { db } = database;
    const projects = await db.select().from(developmentProjects);
    expect(projects).toHaveLength(3);
    const stages = await db.select().from(projectStages);
    const active = stages.filter((s) => s.state === 'active').map((s) => s.name).sort();
    expect(active).toEqual(['Analysis', 'Design', 'Development']);
    expect(stages.some((s) => s.state === 'active' && s.dueOn < '2026-11-16')).toBe(true);
    const partners = await db.select().from(stagePartners);
    expect(partners.filter((p) => p.decision === 'signed-off').length).toBeGreaterThanOrEqual(4);
    expect(partners.some((p) => p.decision === 'changes-requested')).toBe(true);
    expect((await db.select().from(stageComments)).length).toBeGreaterThanOrEqual(6);
    const reports = await db.select().from(problemReports);
    expect(reports.map((r) => r.state).sort()).toEqual(['answered', 'fixed', 'received']);
  });
});
