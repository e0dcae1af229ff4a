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
  | ServerOptions
  | { dataDir: string }
  | { pglite: PGlite };

export type ServerOptions = {
  databaseUrl: string;
  poolSize?: number;
  /** How long to wait for a connection before answering "unavailable". */
  connectTimeoutMs?: number;
  /** The longest a query may take, measured by the client: bounds a request when the network stalls. */
  queryTimeoutMs?: number;
};

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if ('databaseUrl' in options) return openServer(options);
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

async function openServer(options: ServerOptions): Promise<Database> {
  const url = options.databaseUrl;
  const queryTimeoutMs = options.queryTimeoutMs ?? 30_000;
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
    // The client-side limit catches a network that swallows packets (no error ever comes back);
    // the server-side one, a little shorter, cancels a slow query or a lock wait cleanly first,
    // leaving the connection usable.
    query_timeout: queryTimeoutMs,
    statement_timeout: Math.max(1000, queryTimeoutMs - 2000),
    // A client that vanished mid-transaction must not hold its row locks until TCP notices.
    idle_in_transaction_session_timeout: 60_000,
    keepAlive: true,
    // Lets a restore see that Stride is still connected (pg_stat_activity).
    application_name: 'stride',
  });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => {});
  // pg removes the pool's listener while a client is checked out (a transaction), and a client
  // emits 'error' when its socket dies even if a query is waiting: without this, an outage in
  // the middle of a transaction would crash the process. The waiting query reports the error.
  pool.on('connect', (client) => client.on('error', () => {}));
  const guarded = new GuardedPool(pool);
  return {
    engine: 'postgres',
    db: drizzlePg(guarded as unknown as pg.Pool) as unknown as Db,
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

/**
 * What Drizzle sees instead of the pool (it recognises a pool by the class name). Drizzle's
 * transaction releases its client only after BEGIN succeeded, and releases it without the error:
 * when the connection fails, the pool would leak a client on every failed BEGIN until it had none
 * left and never recovered, or take back a client still waiting for an answer. So a checked-out
 * client whose connection fails is handed back with the error, which makes the pool discard it.
 */
class GuardedPool {
  constructor(private readonly pool: pg.Pool) {}

  query(...args: Parameters<pg.Pool['query']>) {
    return (this.pool.query as (...a: unknown[]) => unknown).apply(this.pool, args);
  }

  async connect() {
    const client = await this.pool.connect();
    let released = false;
    const release = (err?: Error | boolean) => {
      if (released) return;
      released = true;
      client.release(err);
    };
    return {
      query: async (...args: unknown[]) => {
        try {
          return await (client.query as (...a: unknown[]) => Promise<unknown>).apply(client, args);
        } catch (e) {
          if (!(e instanceof pg.DatabaseError) && isDatabaseUnavailable(e)) release(e as Error);
          throw e;
        }
      },
      release,
    };
  }
}

// Connection failures mean the database is down or unreachable, not that the request was bad:
// socket errors, pg's own timeouts, and the SQLSTATEs of a server that is shutting down,
// starting, out of connections or cancelled a statement on its time limit.
const unavailableCodes = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN',
  '57P01', '57P02', '57P03', '57014', '53300', '25P03',
]);
const unavailableMessages = /Connection terminated|timeout exceeded when trying to connect|Query read timeout|is not queryable|connect ECONNREFUSED/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  let e: unknown = error;
  for (let depth = 0; e && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    // Class 08: connection exceptions.
    if (typeof code === 'string' && (unavailableCodes.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
    const message = (e as { message?: unknown }).message;
    if (typeof message === 'string' && unavailableMessages.test(message)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
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
