import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seedBench } from '../../bench/seed';
import { runBench, type BenchOptions } from '../../bench/run';
import { renderReport } from '../../bench/lib/report';
import { FULL_SIZES } from '../../bench/seed/sizes';
import type { Target } from '../../bench/lib/target';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

// Issue 10's benchmark at a toy size (about 100 people, a second per scenario), so a change that
// breaks the harness fails `npm test`; the real run is `npm run bench` (docs/PERFORMANCE.md).
// It checks what the bench checks: the apply race's seats and waitlist, and mail none lost or
// doubled across a SIGKILL and a restart — and that every scenario and the floor produced numbers.

const scaled = Object.fromEntries(Object.entries(FULL_SIZES).map(([k, v]) => [k, Math.max(1, Math.round(v * 0.001))])) as typeof FULL_SIZES;
const sizes = { ...scaled, units: 3, courses: 10, sessions: 20, people: 120 };

describe('bench smoke (issue 10)', () => {
  let server: TestDatabase | undefined;
  let dataDir: string | undefined;
  afterAll(async () => {
    await server?.drop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('seeds a tiny organization and runs every scenario with its correctness checks', async () => {
    let target: Target;
    if (process.env.TEST_DATABASE_URL) {
      // Its own database on the test server (dropped after), emptied and filled by the seed.
      server = await createTestDatabase();
      target = { engine: 'postgres', databaseUrl: server.url!, label: 'PostgreSQL (smoke)' };
    } else {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stride-bench-smoke-'));
      target = { engine: 'pglite', dataDir, label: 'PGlite (smoke)' };
    }
    const log = () => {};
    const seconds = await seedBench(target, sizes, 7, new Date(), log);
    expect(seconds).toBeGreaterThan(0);

    const options: BenchOptions = {
      seconds: 0.6, floorSeconds: 0.3, warmupSeconds: 0.2, connections: { search: 4, pages: 4, dashboard: 2 }, learners: 10,
      raceSessions: 2, raceApplicants: 30, seats: 5, raceConnections: 30, mail: 300, skip: [], log,
    };
    const report = await runBench(target, options);

    expect(report.reads.map((r) => r.key)).toEqual(['search', 'course', 'learning', 'dashboard-org', 'dashboard-unit']);
    for (const row of report.reads) {
      expect(row.stride.count, row.key).toBeGreaterThan(0);
      expect(Object.keys(row.stride.statuses), row.key).toEqual(['200']);
      expect(row.bare.count, row.key).toBeGreaterThan(0);
      expect(row.statements, row.key).toBeGreaterThan(0);
      expect(Number.isFinite(row.sql.p50), row.key).toBe(true);
    }
    expect(report.race!.load.statuses).toEqual({ 201: 60 });
    expect(report.race!.check).toEqual({ ok: true, sessions: 2, problems: [] });
    expect(report.mail).toMatchObject({ count: 300, delivered: 300, outboxSent: 300, ok: true });
    // At-least-once: only what was in flight at the kill may arrive twice, with its Message-ID (decision 003).
    expect(report.mail!.doubled).toBeLessThanOrEqual(50);
    expect(report.mail!.beforeKill.delivered).toBeGreaterThanOrEqual(150);
    expect(report.coldStartMs).toBeGreaterThan(0);
    expect(report.rssPeakMb).toBeGreaterThan(0);
    expect(renderReport(report)).toContain('| Catalog search');
  }, 240_000);
});
