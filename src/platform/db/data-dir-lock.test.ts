import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { deadPid, freePort, spawnNode, strideEnv, type SpawnedNode } from '../../../tests/support/process-spawn';
import { lockDataDir } from './data-dir-lock';
import { openDatabase, type Database } from './database';

const dirs: string[] = [];
const children = new Set<SpawnedNode>();
const opened = new Set<Database>();

function tempDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stride-lock-'));
  dirs.push(dir);
  return dir;
}

function spawned(p: SpawnedNode): SpawnedNode {
  children.add(p);
  return p;
}

async function open(dataDir: string): Promise<Database> {
  const database = await openDatabase({ dataDir });
  opened.add(database);
  return database;
}

async function close(database: Database): Promise<void> {
  opened.delete(database);
  await database.close();
}

const lockFile = (dataDir: string) => path.join(dataDir, 'stride.lock');

afterEach(async () => {
  await Promise.all([...children].map((c) => c.stop()));
  children.clear();
  for (const d of [...opened]) await close(d);
});
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('the data directory lock (embedded database)', () => {
  it('refuses a second process while the owner is alive, and lets it in once the owner has stopped', async () => {
    const dataDir = tempDataDir();
    const holder = spawned(spawnNode(['tests/support/process-hold-data-dir.ts', dataDir]));
    await holder.waitForOutput(/READY \d+/);
    expect(fs.readFileSync(lockFile(dataDir), 'utf8')).toBe(String(holder.pid));

    const refusal = openDatabase({ dataDir });
    await expect(refusal).rejects.toThrow(/in use by another Stride process/);
    await expect(refusal).rejects.toThrow(`(pid ${holder.pid})`);
    // The refused attempt leaves the owner's lock alone.
    expect(fs.readFileSync(lockFile(dataDir), 'utf8')).toBe(String(holder.pid));

    expect(await holder.stop()).toEqual({ code: 0, signal: null });
    expect(fs.existsSync(lockFile(dataDir))).toBe(false);
    const database = await open(dataDir);
    expect((await database.execute('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  });

  it('takes over a stale lock file left by a process that died', async () => {
    const dataDir = tempDataDir();
    const dead = await deadPid();
    fs.writeFileSync(lockFile(dataDir), String(dead));

    const database = await open(dataDir);
    expect(fs.readFileSync(lockFile(dataDir), 'utf8')).toBe(String(process.pid));
    await close(database);
    expect(fs.existsSync(lockFile(dataDir))).toBe(false);
  });

  it('takes over a lock file with no pid in it (a crash while writing it)', () => {
    const dataDir = tempDataDir();
    fs.writeFileSync(lockFile(dataDir), '');
    const lock = lockDataDir(dataDir);
    expect(fs.readFileSync(lockFile(dataDir), 'utf8')).toBe(String(process.pid));
    lock.release();
    expect(fs.existsSync(lockFile(dataDir))).toBe(false);
  });

  it('releases the lock on close(), so the next open works and keeps the data', async () => {
    const dataDir = tempDataDir();
    const first = await open(dataDir);
    expect(fs.readFileSync(lockFile(dataDir), 'utf8')).toBe(String(process.pid));
    await first.execute('CREATE TABLE kept (v text); INSERT INTO kept VALUES (\'still here\')');
    await close(first);
    expect(fs.existsSync(lockFile(dataDir))).toBe(false);

    const second = await open(dataDir);
    expect((await second.execute('SELECT v FROM kept')).rows).toEqual([{ v: 'still here' }]);
  });

  it('does not leave an exit listener behind for each lock released', () => {
    const dataDir = tempDataDir();
    const before = process.listenerCount('exit');
    for (let i = 0; i < 20; i++) lockDataDir(dataDir).release();
    expect(process.listenerCount('exit')).toBe(before);
  });

  it(
    'a second full Stride boot on the same data directory exits non-zero with a clear message',
    async () => {
      const dataDir = tempDataDir();
      const [portA, portB] = [await freePort(), await freePort()];
      const env = (port: number) => strideEnv({ PORT: String(port), HOST: '127.0.0.1', STRIDE_DATA_DIR: dataDir, STRIDE_DEMO: '0', LOG_LEVEL: 'warn' });

      const first = spawned(spawnNode(['src/app/main.ts'], { env: env(portA) }));
      await first.waitForOutput(/Stride is running at http:\/\/localhost:(\d+)/, 90_000);

      const second = spawned(spawnNode(['src/app/main.ts'], { env: env(portB) }));
      const exit = await Promise.race([
        second.exited,
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`the second Stride did not exit; output:\n${second.output()}`)), 60_000)),
      ]);
      expect(exit.code).not.toBe(0);
      expect(exit.code).not.toBeNull();
      expect(second.stderr()).toMatch(/The data directory .* is in use by another Stride process \(pid \d+\)/);
      expect(second.stderr()).not.toMatch(/^\s+at /m); // a message, not a stack trace
      expect(second.stdout()).not.toContain('Stride is running');

      // The first one is unharmed and still serves.
      const health = await fetch(`http://127.0.0.1:${portA}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok', database: 'pglite' });
      await expect(fetch(`http://127.0.0.1:${portB}/healthz`)).rejects.toThrow();

      expect(await first.stop()).toEqual({ code: 0, signal: null });
      expect(fs.existsSync(lockFile(dataDir))).toBe(false);
    },
    180_000,
  );
});
