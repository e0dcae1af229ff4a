import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../tests/support/test-database';
import { inArray } from 'drizzle-orm';
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
    // Other demos (requests) may start projects of their own: these are the development demo's.
    const titles = ['Outage calls: one escalation path', 'Storm restoration briefing', 'Meter exchange safety refresh'];
    const projects = await db.select().from(developmentProjects).where(inArray(developmentProjects.title, titles));
    expect(projects.map((p) => p.title).sort()).toEqual([...titles].sort());
    const stages = await db.select().from(projectStages).where(inArray(projectStages.projectId, projects.map((p) => p.id)));
    const active = stages.filter((s) => s.state === 'active').map((s) => s.name).sort();
    expect(active).toEqual(['Analysis', 'Design', 'Development']);
    // Only the meter exchange project is late.
    expect(stages.filter((s) => s.state === 'active' && s.dueOn < '2026-11-16')).toHaveLength(1);
    const partners = await db.select().from(stagePartners);
    expect(partners.filter((p) => p.decision === 'signed-off').length).toBeGreaterThanOrEqual(4);
    expect(partners.some((p) => p.decision === 'changes-requested')).toBe(true);
    expect((await db.select().from(stageComments)).length).toBeGreaterThanOrEqual(6);
    const reports = await db.select().from(problemReports);
    expect(reports.map((r) => r.state).sort()).toEqual(['answered', 'fixed', 'received']);
  });
});
