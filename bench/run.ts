import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from './lib/args';
import { openTarget, targetEnv, targetOf, type Target } from './lib/target';
import { prepareFixtures, queueBenchMail, type Fixtures } from './lib/fixtures';
import { openSqlFloor } from './lib/floor-sql';
import { load, type LoadResult } from './lib/load';
import { startStrideServer, rssMb, watchRss } from './lib/stride-process';
import { freePort, spawnNode } from '../tests/support/process-spawn';
import { readScenarios, type ReadScenario } from './scenarios/read-scenarios';
import { applyRace, checkRace } from './scenarios/apply-race';
import { deferOtherMail, mailDispatch, sentWithPrefix } from './scenarios/mail-dispatch';
import { renderReport, type ReadRow, type Report } from './lib/report';
import type { Latency } from './lib/stats';

// `npm run bench -- [--seconds 15] [--race-sessions 50] [--race-applicants 1000] [--mail 100000]
//  [--data ./bench-data | DATABASE_URL=…]`: issue 10's scenarios against Stride's real server on
// the seeded data, with the floor measured in the same run. See docs/PERFORMANCE.md.

export type BenchOptions = {
  seconds: number;
  floorSeconds: number;
  warmupSeconds: number;
  connections: { search: number; pages: number; dashboard: number };
  learners: number;
  raceSessions: number;
  raceApplicants: number;
  seats: number;
  raceConnections: number;
  mail: number;
  /** Skip scenarios by key (search, course, learning, dashboard-org, dashboard-unit, race, mail). */
  skip: string[];
  log(line: string): void;
};

export function optionsOf(args: ReturnType<typeof parseArgs>, log: (line: string) => void): BenchOptions {
  const seconds = args.number('seconds', 15);
  return {
    seconds,
    floorSeconds: args.number('floor-seconds', Math.max(2, Math.round(seconds / 2))),
    warmupSeconds: args.number('warmup-seconds', 2),
    connections: { search: args.number('search-connections', 32), pages: args.number('page-connections', 32), dashboard: args.number('dashboard-connections', 8) },
    learners: args.number('learners', 200),
    raceSessions: args.number('race-sessions', 50),
    raceApplicants: args.number('race-applicants', 1000),
    seats: args.number('seats', 20),
    raceConnections: args.number('race-connections', 1000),
    mail: args.number('mail', 100_000),
    skip: (args.get('skip') ?? '').split(',').filter(Boolean),
    log,
  };
}

async function withDatabase<T>(target: Target, f: (db: Awaited<ReturnType<typeof openTarget>>) => Promise<T>): Promise<T> {
  const database = await openTarget(target);
  try {
    return await f(database);
  } finally {
    await database.close();
  }
}

async function sizesIn(target: Target): Promise<Record<string, number>> {
  return withDatabase(target, async (db) => {
    const { rows } = await db.execute(`SELECT (SELECT count(*) FROM people)::int AS people, (SELECT count(*) FROM business_units)::int AS units, (SELECT count(*) FROM courses)::int AS courses,
      (SELECT count(*) FROM course_sessions)::int AS sessions, (SELECT count(*) FROM enrolments)::int AS enrolments,
      (SELECT count(*) FROM follow_ups WHERE answered_at IS NOT NULL)::int AS "answered follow-ups", (SELECT count(*) FROM training_requests)::int AS requests`);
    return rows[0] as Record<string, number>;
  });
}

/** The floor: (b) the captured SQL through the driver, then (a) a bare Fastify route serving Stride's own answer. */
async function measureFloor(target: Target, scenarios: ReadScenario[], o: BenchOptions): Promise<Map<string, { bare: LoadResult; sql: Latency; statements: number }>> {
  const floor = await openSqlFloor(target);
  const bodies: Record<string, unknown> = {};
  const sql = new Map<string, { latency: Latency; statements: number }>();
  try {
    for (const s of scenarios) {
      const captured = await floor.capture(Array.from({ length: 20 }, () => s.next()));
      const failed = captured.find((c) => c.status !== 200);
      if (failed) throw new Error(`${s.key}: Stride answered ${failed.status} to ${failed.request.path}: ${JSON.stringify(failed.body).slice(0, 300)}`);
      bodies[s.key] = captured[0]!.body;
      const statements = Math.round(captured.reduce((n, c) => n + c.statements.length, 0) / captured.length);
      const latency = await floor.time(captured, s.connections, o.floorSeconds);
      sql.set(s.key, { latency, statements });
      o.log(`floor (b) ${s.key}: ${statements} statements, p50 ${latency.p50.toFixed(2)} ms`);
    }
  } finally {
    await floor.close();
  }
  const file = path.join(os.tmpdir(), `stride-bench-bodies-${process.pid}.json`);
  fs.writeFileSync(file, JSON.stringify(bodies));
  const port = await freePort();
  const bare = spawnNode(['bench/floor/bare-server.ts'], { env: { ...process.env, PORT: String(port), BENCH_FLOOR_BODIES: file } });
  const out = new Map<string, { bare: LoadResult; sql: Latency; statements: number }>();
  try {
    await bare.waitForOutput(/listening/);
    for (const s of scenarios) {
      const result = await load(`http://127.0.0.1:${port}`, { connections: s.connections, seconds: o.floorSeconds, next: () => ({ path: `/floor/${s.key}` }) });
      out.set(s.key, { bare: result, sql: sql.get(s.key)!.latency, statements: sql.get(s.key)!.statements });
      o.log(`floor (a) ${s.key}: p50 ${result.p50.toFixed(2)} ms`);
    }
  } finally {
    await bare.stop(2000);
    fs.rmSync(file, { force: true });
  }
  return out;
}

export async function runBench(target: Target, o: BenchOptions): Promise<Report> {
  const started = performance.now();
  const sizes = await sizesIn(target);
  o.log(`bench on ${target.label}: ${JSON.stringify(sizes)}`);
  const fixtures: Fixtures = await withDatabase(target, (db) =>
    prepareFixtures(db, { learners: o.learners, applicants: o.raceApplicants, raceSessions: o.skip.includes('race') ? 0 : o.raceSessions, seats: o.seats }),
  );
  const scenarios = readScenarios(fixtures, o.connections).filter((s) => !o.skip.includes(s.key));
  const floor = await measureFloor(target, scenarios, o);

  const env = targetEnv(target);
  const server = await startStrideServer(env);
  o.log(`Stride serves after ${(server.coldStartMs / 1000).toFixed(1)} s`);
  const rssIdleMb = rssMb(server.pid);
  const rss = watchRss(server.pid);
  const reads: ReadRow[] = [];
  let race: Report['race'];
  try {
    for (const s of scenarios) {
      await load(server.origin, { connections: s.connections, seconds: o.warmupSeconds, next: s.next });
      const stride = await load(server.origin, { connections: s.connections, seconds: o.seconds, next: s.next });
      const f = floor.get(s.key)!;
      reads.push({ key: s.key, label: s.label, connections: s.connections, targetP95: s.targetP95, stride, bare: f.bare, sql: f.sql, statements: f.statements });
      o.log(`${s.key}: p50 ${stride.p50.toFixed(1)} p95 ${stride.p95.toFixed(1)} ms, ${stride.perSecond.toFixed(0)}/s, statuses ${JSON.stringify(stride.statuses)}`);
    }
    if (!o.skip.includes('race')) {
      const result = await applyRace(server.origin, fixtures, o.raceConnections);
      o.log(`race: ${result.applications} in ${result.seconds.toFixed(1)} s, statuses ${JSON.stringify(result.load.statuses)}`);
      race = { ...result, check: { ok: false, sessions: 0, problems: ['not checked'] }, sessions: o.raceSessions, applicants: fixtures.applicantCookies.length, seats: o.seats, targetPerSecond: 500 };
    }
  } finally {
    await server.child.stop(30_000);
  }
  const rssPeakMb = rss.stop();

  let mail: Report['mail'];
  const prefix = await withDatabase(target, async (db) => {
    if (race) race.check = await checkRace(db, fixtures, o.seats);
    if (o.skip.includes('mail')) return undefined;
    const deferred = await deferOtherMail(db);
    return { prefix: await queueBenchMail(db, fixtures.run, o.mail), deferred };
  });
  if (race) o.log(`race check: ${race.check.ok ? 'ok' : race.check.problems.slice(0, 3).join('; ')}`);
  if (prefix) {
    o.log(`mail: ${o.mail} queued; delivering`);
    const result = await mailDispatch(env, prefix.prefix, o.mail, Math.floor(o.mail / 2), () => withDatabase(target, (db) => sentWithPrefix(db, prefix.prefix)));
    mail = { ...result, deferred: prefix.deferred };
    o.log(`mail: ${JSON.stringify(mail)}`);
  }
  return {
    engine: target.engine === 'postgres' ? 'PostgreSQL server' : 'Embedded PGlite',
    target: target.label,
    sizes,
    seconds: o.seconds,
    reads,
    race,
    mail,
    coldStartMs: server.coldStartMs,
    rssIdleMb,
    rssPeakMb,
    totalSeconds: (performance.now() - started) / 1000,
  };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const target = targetOf(args);
  const t0 = performance.now();
  const log = (line: string) => console.error(`[${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s] ${line}`);
  const report = await runBench(target, optionsOf(args, log));
  const markdown = renderReport(report);
  console.log(markdown);
  if (!args.has('no-write')) {
    const dir = path.resolve('bench/results');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${target.engine}-${new Date().toISOString().slice(0, 10)}.md`);
    fs.writeFileSync(file, `${markdown}\n`);
    log(`written to ${path.relative(process.cwd(), file)}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.dirname, 'run.ts')) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exit(1);
  });
}
