import path from 'node:path';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type { Logger } from 'drizzle-orm/logger';
import type { Database, Db } from '../../src/platform/db/database';
import { lockDataDir } from '../../src/platform/db/data-dir-lock';
import { systemClock } from '../../src/platform/clock';
import { buildApp } from '../../src/app/build-app';
import type { HttpRequest } from './load';
import { summarize, type Latency } from './stats';
import type { Target } from './target';

// Floor (b): the SQL a Stride request runs, run directly through the driver. The statements are
// not written down by hand: the real app (buildApp, in this process) answers each sample request
// once over a Drizzle instance whose logger records every statement with its parameters; the
// replay then sends exactly those, one after another, through pg's pool (10 connections, like
// Stride's) or PGlite's single connection, at the scenario's concurrency.

export type Statement = { text: string; params: unknown[] };
export type Captured = { request: HttpRequest; status: number; body: unknown; statements: Statement[] };

type Raw = { database: Database; query(text: string, params: unknown[]): Promise<unknown>; recording: Statement[] | null };

async function openRaw(target: Target): Promise<Raw> {
  const raw: Raw = { recording: null } as Raw;
  const logger: Logger = { logQuery: (text, params) => raw.recording?.push({ text, params }) };
  if (target.engine === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.databaseUrl, max: 10 });
    raw.query = (text, params) => pool.query(text, params);
    raw.database = {
      engine: 'postgres', connectionString: target.databaseUrl, db: drizzlePg(pool, { logger }) as unknown as Db,
      execute: async (text, params) => { const r = await pool.query(text, params); return { rows: r.rows, rowCount: r.rowCount ?? 0 }; },
      close: () => pool.end(),
    };
  } else {
    const lock = lockDataDir(target.dataDir);
    const client = await PGlite.create(path.join(target.dataDir, 'pg'));
    raw.query = (text, params) => client.query(text, params);
    raw.database = {
      engine: 'pglite', connectionString: undefined, db: drizzlePglite(client, { logger }) as unknown as Db,
      execute: async (text, params) => { const r = await client.query<Record<string, unknown>>(text, params); return { rows: r.rows, rowCount: r.affectedRows ?? 0 }; },
      close: async () => { await client.close(); lock.release(); },
    };
  }
  return raw;
}

export type SqlFloor = { capture(requests: HttpRequest[]): Promise<Captured[]>; time(samples: Captured[], connections: number, seconds: number): Promise<Latency>; close(): Promise<void> };

export async function openSqlFloor(target: Target): Promise<SqlFloor> {
  const raw = await openRaw(target);
  const { app } = await buildApp({ database: raw.database, clock: systemClock, publicUrl: 'http://127.0.0.1', serveWeb: false, logLevel: 'warn' });
  return {
    async capture(requests) {
      const out: Captured[] = [];
      for (const request of requests) {
        const statements: Statement[] = [];
        raw.recording = statements;
        const res = await app.inject({ method: request.method ?? 'GET', url: request.path, headers: request.headers });
        raw.recording = null;
        out.push({ request, status: res.statusCode, body: res.json(), statements });
      }
      return out;
    },
    async time(samples, connections, seconds) {
      const latencies: number[] = [];
      const end = performance.now() + seconds * 1000;
      let next = 0;
      const started = performance.now();
      await Promise.all(Array.from({ length: connections }, async () => {
        while (performance.now() < end) {
          const sample = samples[next++ % samples.length]!;
          const t0 = performance.now();
          for (const s of sample.statements) await raw.query(s.text, s.params);
          latencies.push(performance.now() - t0);
        }
      }));
      return summarize(latencies, (performance.now() - started) / 1000);
    },
    async close() {
      await app.close();
      await raw.database.close();
    },
  };
}
