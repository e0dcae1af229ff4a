import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../tests/support/test-database';
import { fixedClock } from '../platform/clock';
import { seedDemo } from '../demo/seed-demo';
import { standardDraftInput } from './standard-content';
import { standardChecks, standardVersions } from './schema';
import { demoDeliveryMethodology, demoDesignModel, demoStyleGuideV1, demoStyleGuideV2 } from './demo-standards-content';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db, fixedClock(new Date('2026-11-16T15:00:00Z')));
}, 120_000);
afterAll(() => database.drop());

describe('the demo standards', () => {
  it('ST-1 every demo standard is one an editor could have saved', () => {
    for (const content of [demoDesignModel, demoDeliveryMethodology, demoStyleGuideV1, demoStyleGuideV2]) {
      expect(standardDraftInput.safeParse({ content, changeSummary: '' }).success, content.kind).toBe(true);
    }
  });

  it('ST-1 ST-2 the demo has its three standards in force, a revised style guide, a draft, and checks in every state', async () => {
    const rows = await database.db.select().from(standardVersions);
    const state = rows.map((r) => `${r.kind} ${r.version} ${r.status}`).sort();
    expect(state).toEqual([
      'delivery-methodology 1 published',
      'delivery-methodology 2 draft',
      'design-model 1 published',
      'style-guide 1 superseded',
      'style-guide 2 published',
    ]);
    const checks = await database.db.select().from(standardChecks);
    expect(new Set(checks.map((c) => c.result))).toEqual(new Set(['passed', 'waived', 'failed']));
    expect(new Set(checks.map((c) => c.subjectType))).toEqual(new Set(['course', 'session']));
    const waived = await database.db.select().from(standardChecks).where(eq(standardChecks.result, 'waived'));
    expect(waived.every((c) => c.reason.length > 0)).toBe(true);
  });
});
