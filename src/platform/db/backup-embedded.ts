import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { lockDataDir, type DataDirLock } from './data-dir-lock';
import { fileStamp, summarizeDatabase, type Progress } from './backup-common';

// The embedded database is a PostgreSQL data directory that only its owning process may touch.
// A backup is PGlite's own dump of that directory (a gzipped tar), taken after a checkpoint with
// the data-directory lock held, so no Stride is writing meanwhile. A restore loads the dump into
// a fresh directory beside the current one and swaps the two only once it opens cleanly.

export async function backupEmbedded(dataDir: string, file: string, progress: Progress): Promise<string> {
  const pgDir = path.resolve(dataDir, 'pg');
  // Checked before locking: locking creates the folder, and opening an empty one would create a database.
  if (!fs.existsSync(path.join(pgDir, 'PG_VERSION'))) {
    throw new Error(`There is no embedded database in ${pgDir} to back up. Is STRIDE_DATA_DIR set to the folder Stride uses?`);
  }
  const lock = takeLock(dataDir, 'back up');
  let client: PGlite | undefined;
  try {
    progress(`Opening the embedded database in ${pgDir}…`);
    client = await PGlite.create(pgDir);
    const summary = await summarizeDatabase((text) => client!.query(text));
    // Everything written so far goes into the table files: the copy needs no recovery to open.
    await client.exec('CHECKPOINT');
    progress(`Writing the backup (${summary})…`);
    const dump = await client.dumpDataDir('gzip');
    const bytes = Buffer.from(await dump.arrayBuffer());
    const fd = fs.openSync(file, 'w');
    try {
      fs.writeSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    progress('Checking the written file…');
    readEmbeddedBackup(file);
    return summary;
  } finally {
    await client?.close();
    lock.release();
  }
}

export async function restoreEmbedded(dataDir: string, file: string, force: boolean, progress: Progress): Promise<{ into: string; setAside: string | undefined; summary: string }> {
  progress(`Checking ${file}…`);
  const { tar, files } = readEmbeddedBackup(file);
  const pgDir = path.resolve(dataDir, 'pg');
  const lock = takeLock(dataDir, 'restore');
  const stamp = fileStamp();
  const staging = `${pgDir}.restoring-${stamp}`;
  try {
    const occupied = fs.existsSync(pgDir) && fs.readdirSync(pgDir).length > 0;
    if (occupied && !force) {
      throw new Error(
        `${pgDir} already holds a database. Restoring would replace it: add --force to move it aside to ${pgDir}.replaced-<time> first (nothing is deleted).`,
      );
    }
    // Left by a restore that was interrupted; never a database anyone used.
    for (const entry of fs.readdirSync(path.dirname(pgDir))) {
      if (entry.startsWith(`${path.basename(pgDir)}.restoring-`)) fs.rmSync(path.join(path.dirname(pgDir), entry), { recursive: true, force: true });
    }
    progress(`Loading ${files} files into ${staging}…`);
    fs.mkdirSync(staging, { recursive: true });
    let summary: string;
    let client: PGlite | undefined;
    try {
      client = await PGlite.create({ dataDir: staging, loadDataDir: new Blob([new Uint8Array(tar.buffer as ArrayBuffer, tar.byteOffset, tar.byteLength)]) });
      summary = await summarizeDatabase((text) => client!.query(text));
      await client.exec('CHECKPOINT');
    } catch (e) {
      await client?.close().catch(() => {});
      fs.rmSync(staging, { recursive: true, force: true });
      throw new Error(`The backup could not be opened, so nothing was changed: ${(e as Error).message}`);
    }
    await client.close();
    let setAside: string | undefined;
    if (occupied) {
      setAside = `${pgDir}.replaced-${stamp}`;
      fs.renameSync(pgDir, setAside);
      progress(`Moved the previous database aside to ${setAside}.`);
    } else {
      fs.rmSync(pgDir, { recursive: true, force: true });
    }
    fs.renameSync(staging, pgDir);
    return { into: pgDir, setAside, summary };
  } finally {
    lock.release();
  }
}

function takeLock(dataDir: string, verb: string): DataDirLock {
  try {
    return lockDataDir(dataDir);
  } catch (e) {
    const message = (e as Error).message;
    const pid = /\(pid (\d+)\)/.exec(message)?.[1];
    if (!pid) throw e;
    throw new Error(
      `Stride is running on ${path.resolve(dataDir)} (pid ${pid}). Stop it, then ${verb} again: ` +
        'the embedded database belongs to one process at a time, and a copy taken while it writes would not be consistent.',
    );
  }
}

/**
 * Reads and checks an embedded backup without touching any database: gzip's checksum catches a
 * damaged or truncated file, the tar headers' checksums a file that is not an archive, and the
 * PG_VERSION entry an archive that is not a data directory. PGlite itself would fail on these
 * in ways that are hard to read, or with an error nobody can catch.
 */
export function readEmbeddedBackup(file: string): { tar: Buffer; files: number; pgVersion: string } {
  let tar: Buffer;
  try {
    tar = zlib.gunzipSync(fs.readFileSync(file));
  } catch (e) {
    throw new Error(`${file} is damaged or incomplete (${(e as Error).message}); it cannot be restored.`);
  }
  const entries = tarEntries(tar, file);
  const version = entries.get('PG_VERSION');
  if (!version) throw new Error(`${file} is an archive, but not of a database directory (no PG_VERSION).`);
  return { tar, files: entries.size, pgVersion: version.toString('utf8').trim() };
}

function tarEntries(tar: Buffer, file: string): Map<string, Buffer> {
  const entries = new Map<string, Buffer>();
  const text = (b: Buffer) => b.toString('utf8').replace(/\0[\s\S]*$/, '');
  let offset = 0;
  for (;;) {
    if (offset + 512 > tar.length) throw new Error(`${file} is damaged: its archive ends in the middle of an entry.`);
    const header = tar.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    const stored = Number.parseInt(text(header.subarray(148, 156)).trim(), 8);
    let sum = 0;
    for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 0x20 : header[i]!;
    if (stored !== sum) throw new Error(`${file} is damaged or not an embedded-database backup (bad archive header at byte ${offset}).`);
    const size = Number.parseInt(text(header.subarray(124, 136)).trim() || '0', 8);
    const prefix = text(header.subarray(345, 500));
    const name = (prefix ? `${prefix}/` : '') + text(header.subarray(0, 100));
    const start = offset + 512;
    if (start + size > tar.length) throw new Error(`${file} is damaged: its archive ends in the middle of ${name}.`);
    entries.set(name.replace(/^\/+/, ''), tar.subarray(start, start + size));
    offset = start + Math.ceil(size / 512) * 512;
  }
  return entries;
}
