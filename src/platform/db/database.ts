import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { lockDataDir, type DataDirLock } from './data-dir-lock';

export type Db = PgDatabase<PgQueryResultHKT>;
/** A transaction handle; every use case accepts either a Db or a Tx. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export type SqlResult = { rows: Record<string, unknown>[]; rowCount: number };

/** One database, two engines: embedded PGlite or a PostgreSQL server. */
export type Database = {
  engine: 'pglite' | 'postgres';
  db: Db;
  /** Raw SQL for platform code (jobs, health). Several statements allowed when there are no params. */
  execute(text: string, params?: unknown[]): Promise<SqlResult>;
  /** Set for a server: pg-boss opens its own pool from it. */
  connectionString: string | undefined;
  close(): Promise<void>;
};

export const migrationsFolder = path.resolve(import.meta.dirname, '../../../drizzle');

export type OpenOptions =
  | { databaseUrl: string; poolSize?: number }
  | { dataDir: string }
  | { pglite: PGlite };

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if ('databaseUrl' in options) return openServer(options.databaseUrl, options.poolSize ?? 10);
  let lock: DataDirLock | undefined;
  let client: PGlite;
  if ('dataDir' in options) {
    lock = lockDataDir(options.dataDir);
    try {
      client = await PGlite.create(path.join(options.dataDir, 'pg'));
    } catch (e) {
      lock.release();
      throw e;
    }
  } else {
    client = options.pglite;
  }
  return {
    engine: 'pglite',
    db: drizzlePglite(client) as unknown as Db,
    connectionString: undefined,
    async execute(text, params) {
      if (!params || params.length === 0) {
        const results = await client.exec(text);
        const last = results[results.length - 1];
        return { rows: (last?.rows ?? []) as Record<string, unknown>[], rowCount: last?.affectedRows ?? 0 };
      }
      const r = await client.query<Record<string, unknown>>(text, params);
      return { rows: r.rows, rowCount: r.affectedRows ?? 0 };
    },
    async close() {
      await client.close();
      lock?.release();
    },
  };
}

async function openServer(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5000 });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => {});
  return {
    engine: 'postgres',
    db: drizzlePg(pool) as unknown as Db,
    connectionString: url,
    async execute(text, params) {
      const r = await pool.query(text, params as unknown[] | undefined);
      const last = Array.isArray(r) ? r[r.length - 1] : r;
      return { rows: last?.rows ?? [], rowCount: last?.rowCount ?? 0 };
    },
    async close() {
      await pool.end();
    },
  };
}

/** Applies the committed SQL migrations; several processes starting at once take turns. */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.engine === 'pglite') {
    await migratePglite(database.db as never, { migrationsFolder });
    return;
  }
  const client = new pg.Client({ connectionString: database.connectionString });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock(7428513)');
    await migratePg(database.db as never, { migrationsFolder });
  } finally {
    await client.query('SELECT pg_advisory_unlock(7428513)').catch(() => {});
    await client.end();
  }
}
