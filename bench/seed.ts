import path from 'node:path';
import { parseArgs } from './lib/args';
import { resetTarget, targetOf, type Target } from './lib/target';
import { sizesOf, type Sizes } from './seed/sizes';
import { seedOrganization } from './seed/seed-organization';
import { seedCatalog } from './seed/seed-catalog';
import { seedEnrolments } from './seed/seed-enrolments';
import { seedRequests } from './seed/seed-requests';

// `npm run bench:seed -- [--scale 0.01] [--seed 1] [--data ./bench-data | DATABASE_URL=…]`:
// empties the target, applies Stride's migrations and writes the enterprise organization of issue 10
// through Stride's Drizzle tables. See docs/PERFORMANCE.md.

/** Empties `target` and writes the organization; returns the seconds it took. */
export async function seedBench(target: Target, sizes: Sizes, seed: number, now: Date, log: (line: string) => void): Promise<number> {
  const started = performance.now();
  log(`seeding ${target.label}, seed ${seed}, now ${now.toISOString()}: ${JSON.stringify(sizes)}`);
  const database = await resetTarget(target);
  try {
    log('migrated; people and business units');
    const org = await seedOrganization(database, sizes, seed);
    log(`${org.units.length} units, ${org.people.length} people; catalog`);
    const catalog = await seedCatalog(database, org, sizes, seed, now);
    log(`${catalog.courses.length} courses, ${catalog.sessions.length} sessions; enrolments`);
    const enrolled = await seedEnrolments(database, org, catalog, sizes, seed, now, log);
    log(`enrolments by state ${JSON.stringify(enrolled)}; requests`);
    const requests = await seedRequests(database, org, catalog, sizes, seed, now);
    log(`requests by state ${JSON.stringify(requests)}; analyzing`);
    await database.execute('ANALYZE');
    const seconds = (performance.now() - started) / 1000;
    log(`done in ${seconds.toFixed(1)} s`);
    return seconds;
  } finally {
    await database.close();
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const log = (line: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}`);
  // Dates hang on the seed day (06:00 UTC) unless --now says otherwise: the same seed on the same day gives the same rows.
  const now = args.get('now') ? new Date(args.get('now')!) : new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000 + 6 * 3600_000);
  await seedBench(targetOf(args), sizesOf(args), args.number('seed', 1), now, log);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.dirname, 'seed.ts')) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exit(1);
  });
}
