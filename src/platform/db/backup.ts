import fs from 'node:fs';
import path from 'node:path';
import { backupEmbedded, restoreEmbedded } from './backup-embedded';
import { backupServer, restoreServer } from './backup-server';
import type { Progress } from './backup-common';

// One command per direction for whichever engine Stride is configured for. Each engine's own
// tool makes the copy (PGlite's data-directory dump, pg_dump), so a restore gives back exactly
// what was there; neither side ever deletes data: an existing database is kept aside or dumped
// first, and a backup file is written under another name and renamed only once complete.

export type BackupTarget = { engine: 'pglite'; dataDir: string } | { engine: 'postgres'; databaseUrl: string };

export type BackupOptions = { out: string; force?: boolean; onProgress?: Progress };
export type RestoreOptions = { from: string; force?: boolean; onProgress?: Progress };

export type BackupReport = { engine: BackupTarget['engine']; file: string; bytes: number; ms: number; summary: string };
export type RestoreReport = BackupReport & { into: string; setAside: string | undefined };

/** The target from the configuration: a server when DATABASE_URL is set, else the data directory. */
export function backupTargetOf(config: { dataDir: string; databaseUrl: string | undefined }): BackupTarget {
  return config.databaseUrl ? { engine: 'postgres', databaseUrl: config.databaseUrl } : { engine: 'pglite', dataDir: config.dataDir };
}

export async function backupDatabase(target: BackupTarget, options: BackupOptions): Promise<BackupReport> {
  const started = performance.now();
  const out = path.resolve(options.out);
  const progress = options.onProgress ?? (() => {});
  if (fs.existsSync(out) && !options.force) {
    throw new Error(`${out} already exists. Choose another name, or add --force to replace it.`);
  }
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const partial = `${out}.partial`;
  try {
    const summary = target.engine === 'pglite' ? await backupEmbedded(target.dataDir, partial, progress) : await backupServer(target.databaseUrl, partial, progress);
    fs.renameSync(partial, out);
    return { engine: target.engine, file: out, bytes: fs.statSync(out).size, ms: Math.round(performance.now() - started), summary };
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

export async function restoreDatabase(target: BackupTarget, options: RestoreOptions): Promise<RestoreReport> {
  const started = performance.now();
  const from = path.resolve(options.from);
  const progress = options.onProgress ?? (() => {});
  const bytes = checkBackupFile(from, target.engine);
  const result =
    target.engine === 'pglite'
      ? await restoreEmbedded(target.dataDir, from, !!options.force, progress)
      : await restoreServer(target.databaseUrl, from, !!options.force, progress);
  return { engine: target.engine, file: from, bytes, ms: Math.round(performance.now() - started), ...result };
}

export type BackupKind = 'embedded' | 'server' | 'sql' | 'unknown';

/** What a file looks like from its first bytes. */
export function backupKindOf(file: string): BackupKind {
  const head = Buffer.alloc(64);
  const fd = fs.openSync(file, 'r');
  const n = fs.readSync(fd, head, 0, head.length, 0);
  fs.closeSync(fd);
  const start = head.subarray(0, n);
  if (start[0] === 0x1f && start[1] === 0x8b) return 'embedded';
  if (start.subarray(0, 5).toString('latin1') === 'PGDMP') return 'server';
  if (/^(--|SET |CREATE |\\connect)/.test(start.toString('utf8'))) return 'sql';
  return 'unknown';
}

/** Refuses a missing, empty or wrong-engine file before anything is touched; returns its size. */
export function checkBackupFile(file: string, engine: BackupTarget['engine']): number {
  let size: number;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new Error(`${file} is not a file.`);
    size = stat.size;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`There is no backup file at ${file}.`);
    throw e;
  }
  if (size === 0) throw new Error(`${file} is empty: it is not a backup (a backup interrupted while being written?).`);
  const kind = backupKindOf(file);
  const expected = engine === 'pglite' ? 'embedded' : 'server';
  if (kind === expected) return size;
  const configured =
    engine === 'pglite'
      ? 'Stride is configured for the embedded database (DATABASE_URL is not set)'
      : 'Stride is configured for a PostgreSQL server (DATABASE_URL)';
  if (kind === 'embedded') throw new Error(`${file} is a backup of an embedded database, but ${configured}. Restore it with DATABASE_URL unset (STRIDE_DATA_DIR chooses where).`);
  if (kind === 'server') throw new Error(`${file} is a PostgreSQL server backup (pg_dump), but ${configured}. Restore it with DATABASE_URL set to the server database.`);
  if (kind === 'sql') throw new Error(`${file} is a plain SQL script, not a Stride backup. Restore it with psql, or make a backup with \`npm run stride -- backup\`.`);
  throw new Error(`${file} is not a Stride backup (neither an embedded-database archive nor a pg_dump archive).`);
}
