import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../tests/support/test-database';
import { fixedClock } from '../platform/clock';
import { AppError } from '../platform/http/app-error';
import { auditLog } from '../platform/audit/schema';
import { recordClockEvent } from '../service-levels/record-clock-event';
import { clocks, serviceLevels } from '../service-levels/schema';
import { listServiceLevels } from '../service-levels/list-service-levels';
import type { CharterDraftInput } from './charter-schema';
import { demoCharter } from './demo-charter';
import { findVersionInForce } from './find-version-in-force';
import { publishCharterDraft } from './publish-charter-draft';
import { saveCharterDraft } from './save-charter-draft';
import { charterVersions } from './schema';

let database: TestDatabase;
const clock = fixedClock(new Date('2026-01-05T12:00:00Z'));
const V2_PUBLISHED = new Date('2026-03-02T14:00:00Z');

/** Version 2 halves the web first-response target. */
const version2: CharterDraftInput = {
  ...demoCharter,
  changeSummary: 'Web questions now get a first response within 4 working hours.',
  serviceLevels: demoCharter.serviceLevels.map((level) => (level.key === 'question.first-response.web' ? { ...level, targetBusinessMinutes: 240 } : level)),
};

const inTx = <T>(work: (tx: Parameters<Parameters<TestDatabase['db']['transaction']>[0]>[0]) => Promise<T>) => database.db.transaction(work);

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

async function askOnTheWeb(id: string, at: Date) {
  await inTx((tx) => recordClockEvent(tx, clock, { type: 'question.asked', subject: { type: 'question', id }, at, attributes: { channel: 'web' } }));
  const [row] = await database.db
    .select({ target: serviceLevels.targetBusinessMinutes, dueAt: clocks.dueAt, versionId: serviceLevels.charterVersionId })
    .from(clocks)
    .innerJoin(serviceLevels, eq(serviceLevels.id, clocks.serviceLevelId))
    .where(eq(clocks.subjectId, id));
  return row!;
}

describe('CH-4 a charter change makes a new version; clocks keep the version they started under', () => {
  it('no clock starts before any charter is published', async () => {
    const id = randomUUID();
    const result = await inTx((tx) => recordClockEvent(tx, clock, { type: 'question.asked', subject: { type: 'question', id }, at: clock.now(), attributes: { channel: 'web' } }));
    expect(result.started).toEqual([]);
  });

  it('keeps one draft: saving again edits it, and a draft is not in force', async () => {
    const first = await inTx((tx) => saveCharterDraft(tx, clock, null, { ...demoCharter, changeSummary: 'Draft' }));
    const second = await inTx((tx) => saveCharterDraft(tx, clock, null, demoCharter));
    expect(second).toEqual(first);
    expect(first.version).toBe(1);
    expect(await findVersionInForce(database.db, new Date('2030-01-01'))).toBeUndefined();
    const published = await inTx((tx) => publishCharterDraft(tx, clock, null));
    expect(published).toMatchObject({ version: 1, publishedAt: clock.now() });
  });

  it('publishing version 2 supersedes version 1 without rewriting it', async () => {
    const [before] = await database.db.select().from(charterVersions).where(eq(charterVersions.version, 1));
    const levelsBefore = await listServiceLevels(database.db, before!.id);
    clock.set(new Date('2026-02-20T12:00:00Z'));
    const draft = await inTx((tx) => saveCharterDraft(tx, clock, null, version2));
    expect(draft.version).toBe(2);
    clock.set(V2_PUBLISHED);
    await inTx((tx) => publishCharterDraft(tx, clock, null));
    const versions = await database.db.select().from(charterVersions).orderBy(asc(charterVersions.version));
    expect(versions.map((v) => [v.version, v.status])).toEqual([[1, 'superseded'], [2, 'published']]);
    const [after] = versions;
    expect({ ...after, status: 'published' }).toEqual({ ...before, status: 'published' });
    expect(await listServiceLevels(database.db, before!.id)).toEqual(levelsBefore);
    expect((await findVersionInForce(database.db, new Date('2026-03-01T00:00:00Z')))?.version).toBe(1);
    expect((await findVersionInForce(database.db, V2_PUBLISHED))?.version).toBe(2);
    const actions = (await database.db.select().from(auditLog).where(eq(auditLog.entity, 'charter-version'))).map((a) => a.action);
    expect(actions).toEqual(['charter.draft-created', 'charter.draft-updated', 'charter.published', 'charter.draft-created', 'charter.published']);
  });

  it('a clock started under version 1 keeps its target; one started after version 2 gets the new one', async () => {
    // Monday 2026-03-02, New York (EST, UTC−5). Logged after version 2, but asked before it was published.
    const underV1 = await askOnTheWeb(randomUUID(), new Date('2026-03-02T08:30:00-05:00'));
    const underV2 = await askOnTheWeb(randomUUID(), new Date('2026-03-02T09:30:00-05:00'));
    expect(underV1.target).toBe(480);
    expect(underV1.dueAt.toISOString()).toBe('2026-03-02T21:30:00.000Z'); // 16:30 EST
    expect(underV2.target).toBe(240);
    expect(underV2.dueAt.toISOString()).toBe('2026-03-02T18:30:00.000Z'); // 13:30 EST
    expect(underV1.versionId).not.toBe(underV2.versionId);
  });

  it('refuses a draft field by field and leaves nothing behind', async () => {
    const bad = {
      ...demoCharter,
      calendar: { ...demoCharter.calendar, week: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } },
      serviceLevels: [{ ...demoCharter.serviceLevels[0]!, targetBusinessMinutes: 0, stopEvents: [] }],
    };
    const error = await inTx((tx) => saveCharterDraft(tx, clock, null, bad)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).fields).toEqual([
      { field: 'calendar.week', message: 'The calendar has no working hours; add at least one working period.' },
      { field: 'serviceLevels.0.targetBusinessMinutes', message: 'The target must be more than zero business minutes.' },
      { field: 'serviceLevels.0.stopEvents', message: 'A clock that never stops cannot be met; name at least one event that stops it.' },
    ]);
    expect(await database.db.select().from(charterVersions).where(eq(charterVersions.status, 'draft'))).toEqual([]);
  });

  it('publishing without a draft is a conflict', async () => {
    await expect(inTx((tx) => publishCharterDraft(tx, clock, null))).rejects.toMatchObject({ code: 'conflict' });
  });
});
