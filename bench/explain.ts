import { parseArgs } from './lib/args';
import { openTarget, targetOf } from './lib/target';
import { prepareFixtures } from './lib/fixtures';
import { openSqlFloor } from './lib/floor-sql';
import { readScenarios } from './scenarios/read-scenarios';

// `npm run bench:explain -- [--scenario search] [--top 3]`: what limits a read scenario. Captures
// the SQL Stride runs for a few sample requests (as the floor does) and prints each statement's
// EXPLAIN ANALYZE time, slowest first, with the plans of the slowest. Run it while Stride is stopped.

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const target = targetOf(args);
  const database = await openTarget(target);
  const fixtures = await prepareFixtures(database, { learners: 20, applicants: 0, raceSessions: 0, seats: 1 }).finally(() => database.close());
  const floor = await openSqlFloor(target);
  try {
    for (const s of readScenarios(fixtures, { search: 1, pages: 1, dashboard: 1 })) {
      if (args.get('scenario') && args.get('scenario') !== s.key) continue;
      const captured = await floor.capture(Array.from({ length: args.number('samples', 3) }, () => s.next()));
      const timed = [];
      for (const c of captured) for (const st of c.statements) timed.push({ st, ...(await floor.explain(st)) });
      timed.sort((a, b) => (b.ms || 0) - (a.ms || 0));
      const total = timed.reduce((n, t) => n + (t.ms || 0), 0) / captured.length;
      console.log(`\n### ${s.key}: ${captured[0]!.statements.length} statements, ${total.toFixed(1)} ms of execution per request`);
      for (const t of timed.slice(0, args.number('top', 3))) console.log(`\n${t.ms.toFixed(2)} ms: ${t.st.text.replace(/\s+/g, ' ').slice(0, 400)}\n${t.plan}`);
    }
  } finally {
    await floor.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exit(1);
});
