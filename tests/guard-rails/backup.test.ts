import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase, type Database, type Db } from '../../src/platform/db/database';
import { backupDatabase, backupKindOf, restoreDatabase, type BackupTarget } from '../../src/platform/db/backup';
import { startJobs } from '../../src/platform/jobs/jobs';
import { recordAudit } from '../../src/platform/audit/record-audit';
import { enqueueMail } from '../../src/platform/mail/enqueue-mail';
import { createBusinessUnit, createPerson, setUnitContact } from '../support/factories';
import { fingerprintDatabase, fingerprintDiff, type Fingerprint } from '../support/database-fingerprint';
import { spawnNode, strideEnv } from '../support/process-spawn';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

// Issue 3, item 5: a documented, tested command to back up and restore each engine whose round
// trip yields identical data; and refusals that keep a user from losing data by mistake.

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'stride-backup-test-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const place = (name: string) => path.join(root, name);

/** Rows a backup must carry exactly: non-Latin text, emoji, quotes, newlines, nulls, nested JSON, time zones. */
async function writeVariedData(database: Database): Promise<void> {
  const db: Db = database.db;
  await setUnitContact(db);
  const unit = await createBusinessUnit(db, { name: 'Łódź – Forschung & Entwicklung 研究所' });
  const manager = await createPerson(db, { name: 'Zoë Ångström-Łukasiewicz 李小龍 🚀', businessUnitId: unit.id, timeZone: 'Asia/Kathmandu', roles: ['admin'] });
  await createPerson(db, { name: `Seán O'Brien "the second"`, jobTitle: 'Line one\nline two\ttabbed', managerId: manager.id, businessUnitId: null, password: false });
  await recordAudit(db, {
    actorId: manager.id,
    action: 'test',
    entity: 'person',
    entityId: manager.id,
    before: null,
    after: { nested: { emoji: '🎉', list: [1, null, 'x', { deep: true }] }, empty: '', quote: `"'\\`, big: 12345678901234 },
  });
  await db.transaction((tx) =>
    enqueueMail(tx, {
      to: { email: 'zoe@example.org', name: 'Zoë' },
      subject: 'Grüße — 你好',
      body: 'Ünïcödé body\nwith lines',
      idempotencyKey: `backup-test-${randomBytes(4).toString('hex')}`,
      headers: { 'X-Stride-Test': 'ja ✓' },
      attachments: [{ filename: 'invite.ics', contentType: 'text/calendar', content: 'BEGIN:VCALENDAR\nEND:VCALENDAR' }],
    }),
  );
  // pg-boss's own schema, with a job waiting, travels with the backup too.
  const jobs = await startJobs(database);
  await jobs.send('backup-test', { note: 'queued before the backup', at: null }, { startAfter: new Date(Date.now() + 86_400_000) });
  await jobs.stop();
}

async function fingerprintOf(database: Database): Promise<Fingerprint> {
  const { rows } = await database.execute(`SELECT nspname FROM pg_namespace WHERE nspname = 'pgboss'`, [] as unknown[]);
  return fingerprintDatabase(database, { schemas: ['public', 'drizzle', ...(rows.length > 0 ? ['pgboss'] : [])], content: true });
}

function expectSame(before: Fingerprint, after: Fingerprint) {
  expect(fingerprintDiff(before, after), 'tables whose rows differ').toEqual([]);
  expect(Object.keys(after).length).toBeGreaterThan(10);
}

/** Runs `npm run stride -- <args>` as a user would, with the given configuration. */
async function cli(args: string[], env: Record<string, string>) {
  const child = spawnNode(['src/app/cli.ts', ...args], { env: strideEnv(env) });
  const exit = await child.exited;
  return { code: exit.code, output: child.output() };
}

describe('embedded database backups', { timeout: 120_000 }, () => {
  const source = place('source');
  const sourceTarget: BackupTarget = { engine: 'pglite', dataDir: source };
  let before: Fingerprint;

  beforeAll(async () => {
    const database = await openDatabase({ dataDir: source });
    try {
      await migrateDatabase(database);
      await writeVariedData(database);
      before = await fingerprintOf(database);
    } finally {
      await database.close();
    }
  });

  async function fingerprintDir(dataDir: string): Promise<Fingerprint> {
    const database = await openDatabase({ dataDir });
    try {
      return await fingerprintOf(database);
    } finally {
      await database.close();
    }
  }

  it('backs up and restores into a new data directory with identical data', async () => {
    const lines: string[] = [];
    const backup = await backupDatabase(sourceTarget, { out: place('one.tar.gz'), onProgress: (l) => lines.push(l) });
    expect(backup).toMatchObject({ engine: 'pglite', file: place('one.tar.gz'), bytes: fs.statSync(place('one.tar.gz')).size });
    expect(lines.join('\n')).toMatch(/Writing the backup/);
    expect(backupKindOf(backup.file)).toBe('embedded');
    expect(fs.existsSync(`${backup.file}.partial`)).toBe(false);

    const restored = await restoreDatabase({ engine: 'pglite', dataDir: place('restored') }, { from: backup.file });
    expect(restored.setAside).toBeUndefined();
    expect(restored.summary).toBe(backup.summary);
    expectSame(before, await fingerprintDir(place('restored')));
    console.log(`embedded: backup ${backup.bytes} bytes in ${backup.ms} ms (${backup.summary}); restore in ${restored.ms} ms`);
  });

  it('backs up and restores through the command line', async () => {
    const backup = await cli(['backup', '--out', place('cli.tar.gz')], { STRIDE_DATA_DIR: source });
    expect(backup.code, backup.output).toBe(0);
    expect(backup.output).toMatch(/Writing the backup/);
    expect(backup.output).toMatch(/Backup written to .*cli\.tar\.gz: [\d.]+ MB in [\d.]+ m?s \(\d+ tables, \d+ rows\)/);

    const restore = await cli(['restore', '--from', place('cli.tar.gz')], { STRIDE_DATA_DIR: place('cli-restored') });
    expect(restore.code, restore.output).toBe(0);
    expect(restore.output).toMatch(/Restored .*cli\.tar\.gz/);
    expectSame(before, await fingerprintDir(place('cli-restored')));
  });

  it('refuses to back up or restore while a running Stride holds the data directory', async () => {
    const holder = spawnNode(['tests/support/process-hold-data-dir.ts', source], { env: strideEnv({}) });
    try {
      await holder.waitForOutput(/READY/);
      const running = new RegExp(`Stride is running on .*source \\(pid ${holder.pid}\\)\\. Stop it, then back up again`);
      await expect(backupDatabase(sourceTarget, { out: place('while-running.tar.gz') })).rejects.toThrow(running);
      expect(fs.existsSync(place('while-running.tar.gz'))).toBe(false);
      await expect(restoreDatabase(sourceTarget, { from: place('one.tar.gz'), force: true })).rejects.toThrow(/Stride is running on .*Stop it, then restore again/);

      const viaCli = await cli(['backup', '--out', place('while-running.tar.gz')], { STRIDE_DATA_DIR: source });
      expect(viaCli.code).toBe(1);
      expect(viaCli.output).toMatch(/Stride is running on .*Stop it/);
    } finally {
      await holder.stop();
    }
    expectSame(before, await fingerprintDir(source));
  });

  it('will not overwrite a backup file unless told to', async () => {
    const out = place('exists.tar.gz');
    fs.writeFileSync(out, 'an older backup');
    await expect(backupDatabase(sourceTarget, { out })).rejects.toThrow(/already exists.*--force/);
    expect(fs.readFileSync(out, 'utf8')).toBe('an older backup');
    await backupDatabase(sourceTarget, { out, force: true });
    expect(backupKindOf(out)).toBe('embedded');
  });

  it('restores over a database only with --force, and then keeps the old one aside', async () => {
    const target: BackupTarget = { engine: 'pglite', dataDir: place('occupied') };
    await restoreDatabase(target, { from: place('one.tar.gz') });
    const database = await openDatabase({ dataDir: place('occupied') });
    await createPerson(database.db, { name: 'Written after the backup' });
    const changed = await fingerprintOf(database);
    await database.close();

    await expect(restoreDatabase(target, { from: place('one.tar.gz') })).rejects.toThrow(/already holds a database.*add --force/);
    expectSame(changed, await fingerprintDir(place('occupied')));

    const forced = await restoreDatabase(target, { from: place('one.tar.gz'), force: true });
    expect(forced.setAside).toMatch(/occupied\/pg\.replaced-/);
    expectSame(before, await fingerprintDir(place('occupied')));
    // Nothing was lost: the replaced database opens, with the row written after the backup.
    const kept = await PGlite.create(forced.setAside!);
    const { rows } = await kept.query(`SELECT count(*)::int AS n FROM people WHERE name = 'Written after the backup'`);
    await kept.close();
    expect(rows).toEqual([{ n: 1 }]);
  });

  it('refuses a missing, empty, foreign or damaged file before touching anything', async () => {
    const good = fs.readFileSync(place('one.tar.gz'));
    const tar = zlib.gunzipSync(good);
    const damaged = Buffer.from(good);
    for (let i = 200_000; i < 200_064; i++) damaged[i] = damaged[i]! ^ 0xff;
    const notADataDir = Buffer.from(tar.subarray(0, 512 * 3));
    notADataDir.write('README\0\0\0\0\0\0\0\0\0\0', 0, 'latin1'); // rename the first entry, then fix its checksum
    let sum = 0;
    for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 0x20 : notADataDir[i]!;
    notADataDir.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
    const cases: [string, Buffer | undefined, RegExp][] = [
      ['missing.tar.gz', undefined, /There is no backup file/],
      ['empty.tar.gz', Buffer.alloc(0), /is empty/],
      ['fake-server.dump', Buffer.concat([Buffer.from('PGDMP'), randomBytes(100)]), /PostgreSQL server backup \(pg_dump\).*embedded database/],
      ['script.sql', Buffer.from('--\n-- PostgreSQL database dump\n--\n'), /plain SQL script/],
      ['random.bin', randomBytes(4096), /not a Stride backup/],
      ['truncated.tar.gz', good.subarray(0, Math.floor(good.length / 2)), /damaged or incomplete/],
      ['flipped.tar.gz', damaged, /damaged or incomplete/],
      ['gzipped-text.tar.gz', zlib.gzipSync(Buffer.from('hello, this is not a tar archive'.repeat(40))), /damaged or not an embedded-database backup/],
      ['no-pg-version.tar.gz', zlib.gzipSync(Buffer.concat([notADataDir.subarray(0, 512), Buffer.alloc(1024)])), /not of a database directory/],
    ];
    for (const [name, content, message] of cases) {
      if (content) fs.writeFileSync(place(name), content);
      const into = place(`never-${name}`);
      await expect(restoreDatabase({ engine: 'pglite', dataDir: into }, { from: place(name) }), name).rejects.toThrow(message);
      expect(fs.existsSync(path.join(into, 'pg')), `${name} left a database behind`).toBe(false);
    }
    const viaCli = await cli(['restore', '--from', place('truncated.tar.gz')], { STRIDE_DATA_DIR: place('never-cli') });
    expect(viaCli.code).toBe(1);
    expect(viaCli.output).toMatch(/damaged or incomplete/);
  });
});

const serverUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!serverUrl)('PostgreSQL server backups (skipped unless TEST_DATABASE_URL is set)', { timeout: 120_000 }, () => {
  let source: TestDatabase;
  let before: Fingerprint;
  const created: string[] = [];

  /** A new, empty database on the test server; dropped after the file. */
  async function emptyDatabase(): Promise<string> {
    const name = `stride_restore_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    created.push(name);
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    return url.toString();
  }

  async function fingerprintUrl(url: string): Promise<Fingerprint> {
    const database = await openDatabase({ databaseUrl: url, poolSize: 1 });
    try {
      return await fingerprintOf(database);
    } finally {
      await database.close();
    }
  }

  beforeAll(async () => {
    source = await createTestDatabase();
    await writeVariedData(source);
    before = await fingerprintOf(source);
  });

  afterAll(async () => {
    await source?.drop();
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    for (const name of created) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it('backs up with pg_dump and restores with pg_restore into another database with identical data', async () => {
    const lines: string[] = [];
    const backup = await backupDatabase({ engine: 'postgres', databaseUrl: source.url! }, { out: place('server.dump'), onProgress: (l) => lines.push(l) });
    expect(backupKindOf(backup.file)).toBe('server');
    expect(lines.join('\n')).toMatch(/public\.people/);
    const target = await emptyDatabase();
    const restored = await restoreDatabase({ engine: 'postgres', databaseUrl: target }, { from: backup.file });
    expect(restored.setAside).toBeUndefined();
    expectSame(before, await fingerprintUrl(target));
    console.log(`server: backup ${backup.bytes} bytes in ${backup.ms} ms; restore in ${restored.ms} ms (${restored.summary})`);
  });

  it('backs up and restores through the command line', async () => {
    const backup = await cli(['backup', '--out', place('server-cli.dump')], { DATABASE_URL: source.url! });
    expect(backup.code, backup.output).toBe(0);
    expect(backup.output).toMatch(/Backup written to .*server-cli\.dump/);
    const target = await emptyDatabase();
    const restore = await cli(['restore', '--from', place('server-cli.dump')], { DATABASE_URL: target });
    expect(restore.code, restore.output).toBe(0);
    expectSame(before, await fingerprintUrl(target));
  });

  it('restores over a database only with --force, after saving what was there', async () => {
    const target = await emptyDatabase();
    const targetTarget: BackupTarget = { engine: 'postgres', databaseUrl: target };
    await restoreDatabase(targetTarget, { from: place('server.dump') });
    const database = await openDatabase({ databaseUrl: target, poolSize: 1 });
    await createPerson(database.db, { name: 'Written after the backup' });
    const changed = await fingerprintOf(database);
    await database.close();

    await expect(restoreDatabase(targetTarget, { from: place('server.dump') })).rejects.toThrow(/already has \d+ tables.*add --force to save them first/);
    expectSame(changed, await fingerprintUrl(target));

    const forced = await restoreDatabase(targetTarget, { from: place('server.dump'), force: true });
    expect(forced.setAside).toMatch(/-before-restore-.*\.dump$/);
    expect(backupKindOf(forced.setAside!)).toBe('server');
    expectSame(before, await fingerprintUrl(target));
    // The saved copy is itself a backup that restores what was replaced.
    const again = await emptyDatabase();
    await restoreDatabase({ engine: 'postgres', databaseUrl: again }, { from: forced.setAside! });
    expectSame(changed, await fingerprintUrl(again));
  });

  it('puts the previous database back when a forced restore fails half-way', async () => {
    const target = await emptyDatabase();
    const targetTarget: BackupTarget = { engine: 'postgres', databaseUrl: target };
    await restoreDatabase(targetTarget, { from: place('server.dump') });
    const database = await openDatabase({ databaseUrl: target, poolSize: 1 });
    await createPerson(database.db, { name: 'Must survive a failed restore' });
    const changed = await fingerprintOf(database);
    await database.close();

    // A pg_restore that reads archives fine but whose restore the server rejects part-way.
    const bin = place('failing-restore-bin');
    fs.mkdirSync(bin, { recursive: true });
    const real = spawnSync('sh', ['-c', 'command -v pg_restore'], { encoding: 'utf8' }).stdout.trim();
    fs.writeFileSync(
      path.join(bin, 'pg_restore'),
      `#!/bin/sh\nfor a in "$@"; do if [ "$a" = "--single-transaction" ]; then echo 'pg_restore: error: could not execute query: ERROR:  simulated failure' >&2; exit 1; fi; done\nexec ${real} "$@"\n`,
      { mode: 0o755 },
    );
    const savedPath = process.env.PATH;
    try {
      process.env.PATH = `${bin}:${savedPath}`;
      await expect(restoreDatabase(targetTarget, { from: place('server.dump'), force: true })).rejects.toThrow(/simulated failure[\s\S]*rolled back/);
    } finally {
      process.env.PATH = savedPath;
    }
    expectSame(changed, await fingerprintUrl(target));
    const admin = new pg.Client({ connectionString: target });
    await admin.connect();
    const { rows } = await admin.query(`SELECT nspname FROM pg_namespace WHERE nspname LIKE '%\\_replaced\\_%'`);
    await admin.end();
    expect(rows).toEqual([]);
  });

  it('refuses to restore while Stride is connected, or from a foreign or damaged file, and changes nothing', async () => {
    const target = await emptyDatabase();
    const targetTarget: BackupTarget = { engine: 'postgres', databaseUrl: target };
    const running = await openDatabase({ databaseUrl: target, poolSize: 1 });
    await running.execute('SELECT 1');
    await expect(restoreDatabase(targetTarget, { from: place('server.dump'), force: true })).rejects.toThrow(/Stride is still connected to .*Stop every Stride process/);
    await running.close();

    const good = fs.readFileSync(place('server.dump'));
    fs.writeFileSync(place('server-truncated.dump'), good.subarray(0, Math.floor(good.length * 0.6)));
    await expect(restoreDatabase(targetTarget, { from: place('server-truncated.dump') })).rejects.toThrow(/damaged or incomplete/);
    fs.writeFileSync(place('embedded-kind.tar.gz'), zlib.gzipSync(Buffer.from('not really')));
    await expect(restoreDatabase(targetTarget, { from: place('embedded-kind.tar.gz') })).rejects.toThrow(/backup of an embedded database.*PostgreSQL server/);
    expect(await fingerprintUrl(target)).toEqual({});
  });

  it('passes over an old pg_dump on PATH for one matching the server, and explains a version mismatch', async () => {
    const bin = place('fake-bin');
    fs.mkdirSync(bin, { recursive: true });
    const fake = (version: string) =>
      `#!/bin/sh\nif [ "$1" = "--version" ]; then echo "pg_dump (PostgreSQL) ${version}"; exit 0; fi\n` +
      `echo "pg_dump: error: aborting because of server version mismatch" >&2\necho "pg_dump: detail: server version: 15.20; pg_dump version: 14.11" >&2\nexit 1\n`;
    const savedPath = process.env.PATH;
    try {
      process.env.PATH = `${bin}:${savedPath}`;
      fs.writeFileSync(path.join(bin, 'pg_dump'), fake('9.6'), { mode: 0o755 });
      const lines: string[] = [];
      await backupDatabase({ engine: 'postgres', databaseUrl: source.url! }, { out: place('matching-tool.dump'), onProgress: (l) => lines.push(l) });
      expect(lines.join('\n')).not.toContain(bin);

      // A tool that claims to fit but is refused by the server: the message says what to do.
      fs.writeFileSync(path.join(bin, 'pg_dump'), fake('99.0'), { mode: 0o755 });
      await expect(backupDatabase({ engine: 'postgres', databaseUrl: source.url! }, { out: place('mismatch.dump') })).rejects.toThrow(
        /The server runs PostgreSQL 15\.20, but .*pg_dump is version 14\.11: pg_dump must be the server's major version or newer/,
      );
      expect(fs.existsSync(place('mismatch.dump'))).toBe(false);
    } finally {
      process.env.PATH = savedPath;
    }
  });
});
