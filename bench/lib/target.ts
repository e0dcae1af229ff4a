import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, migrateDatabase, type Database } from '../../src/platform/db/database';
import type { Args } from './args';

// Where the bench writes and reads: a PostgreSQL server (DATABASE_URL or --database-url) or an
// embedded PGlite data directory (--data, ./bench-data by default, git-ignored). --engine pglite
// picks the data directory even when DATABASE_URL is set.

export type Target = { engine: 'postgres'; databaseUrl: string; label: string } | { engine: 'pglite'; dataDir: string; label: string };

const forbidden = ['postgres', 'test', 'template0', 'template1'];

export function targetOf(args: Args, env: NodeJS.ProcessEnv = process.env): Target {
  const url = args.get('database-url') ?? env.DATABASE_URL;
  if (args.get('engine') !== 'pglite' && url) {
    const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
    // The bench drops and fills whole databases: never one that tests or people rely on.
    if (forbidden.includes(name)) throw new Error(`Refusing to use database "${name}": create a dedicated one (createdb -h 127.0.0.1 -U postgres stride_bench)`);
    return { engine: 'postgres', databaseUrl: url, label: `PostgreSQL (${name})` };
  }
  const dataDir = path.resolve(args.get('data') ?? 'bench-data');
  return { engine: 'pglite', dataDir, label: `PGlite (${dataDir})` };
}

/** The environment a Stride child process needs to open this target. */
export function targetEnv(target: Target): Record<string, string> {
  return target.engine === 'postgres' ? { DATABASE_URL: target.databaseUrl } : { STRIDE_DATA_DIR: target.dataDir };
}

const openRaw = (target: Target): Promise<Database> =>
  target.engine === 'postgres' ? openDatabase({ databaseUrl: target.databaseUrl, poolSize: 4 }) : openDatabase({ dataDir: target.dataDir });

/** Opens the target and brings its schema up to this checkout's migrations (data seeded by an older one stays usable). */
export async function openTarget(target: Target): Promise<Database> {
  const database = await openRaw(target);
  await migrateDatabase(database);
  return database;
}

/** Empties the target (every schema Stride and pg-boss write) and applies Stride's migrations. */
export async function resetTarget(target: Target): Promise<Database> {
  if (target.engine === 'pglite') fs.rmSync(target.dataDir, { recursive: true, force: true });
  // Not migrated first: the data is about to go, and a migration's backfill over a full-size
  // database (decisions 030, 032) would take minutes for nothing.
  const database = await openRaw(target);
  if (target.engine === 'postgres') {
    await database.execute('DROP SCHEMA IF EXISTS public CASCADE; DROP SCHEMA IF EXISTS drizzle CASCADE; DROP SCHEMA IF EXISTS pgboss CASCADE; CREATE SCHEMA public;');
  }
  await migrateDatabase(database);
  return database;
}
