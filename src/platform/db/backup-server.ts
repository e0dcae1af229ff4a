import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { fileStamp, summarizeDatabase, type Progress } from './backup-common';

// A server database is backed up with pg_dump's custom format (compressed, restorable table by
// table) and restored with pg_restore in one transaction: a restore that fails half-way leaves
// the database as it was. The tools must be at least the server's major version, so we look
// for a matching pair before running anything rather than let pg_dump refuse half-way.

type Tool = { path: string; major: number; version: string };

export async function backupServer(url: string, file: string, progress: Progress): Promise<string> {
  const server = await serverInfo(url);
  const tool = findTool('pg_dump', server.major);
  progress(`Dumping the ${server.label} with ${tool.path} (${tool.version})…`);
  await run(tool, ['--format=custom', '--verbose', `--file=${file}`, `--dbname=${withoutPassword(url)}`], url, progress, /dumping contents of table "?([^"]+)"?/);
  progress('Checking the written file…');
  const tables = await checkArchive(findTool('pg_restore', server.major), file, progress);
  return `${tables} tables with data`;
}

export async function restoreServer(url: string, file: string, force: boolean, progress: Progress): Promise<{ into: string; setAside: string | undefined; summary: string }> {
  const server = await serverInfo(url);
  const restore = findTool('pg_restore', server.major);
  progress(`Checking ${file}…`);
  await checkArchive(restore, file, progress);

  const client = new pg.Client({ connectionString: url, application_name: 'stride-restore' });
  await client.connect();
  try {
    // Replacing tables under a running Stride would mix two databases' rows.
    const { rows: running } = await client.query<{ name: string; n: number }>(
      `SELECT application_name AS name, count(*)::int AS n FROM pg_stat_activity
       WHERE datname = current_database() AND pid <> pg_backend_pid() AND application_name IN ('stride', 'pgboss') GROUP BY 1`,
    );
    if (running.length > 0) {
      throw new Error(
        `Stride is still connected to the ${server.label} (${running.map((r) => `${r.n} ${r.name}`).join(', ')} connections). Stop every Stride process that uses it, then restore again.`,
      );
    }
    const { rows: tables } = await client.query<{ t: string }>(
      `SELECT n.nspname || '.' || c.relname AS t FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%' ORDER BY 1`,
    );
    let saved: string | undefined;
    let aside = new Map<string, string>();
    if (tables.length > 0) {
      const safety = path.join(path.dirname(file), `${server.database}-before-restore-${fileStamp()}.dump`);
      if (!force) {
        throw new Error(
          `The ${server.label} already has ${tables.length} tables (${tables.slice(0, 3).map((r) => r.t).join(', ')}, …). Restoring would replace them: ` +
            `add --force to save them first to ${safety} and then replace them.`,
        );
      }
      progress(`Saving the current contents to ${safety} first…`);
      await run(findTool('pg_dump', server.major), ['--format=custom', `--file=${safety}`, `--dbname=${withoutPassword(url)}`], url, progress);
      await checkArchive(restore, safety, progress);
      saved = safety;
      aside = await moveSchemasAside(client);
      progress(`Moved the current schemas aside until the restore has succeeded (${[...aside.values()].join(', ')}).`);
    }

    progress(`Restoring into the ${server.label} with ${restore.path} (${restore.version})…`);
    try {
      await run(
        restore,
        // --no-owner/--no-acl: the roles of the server the backup came from need not exist here.
        ['--no-owner', '--no-acl', '--single-transaction', '--exit-on-error', '--verbose', `--dbname=${withoutPassword(url)}`, file],
        url,
        progress,
        /processing data for table "?([^"]+)"?/,
      );
    } catch (e) {
      if (aside.size > 0) await putSchemasBack(client, aside);
      throw new Error(`${(e as Error).message}\nThe restore was rolled back: the ${server.label} is as it was.`);
    }
    for (const name of aside.values()) await client.query(`DROP SCHEMA ${client.escapeIdentifier(name)} CASCADE`);
    // pg_restore leaves the planner without statistics until autovacuum comes round.
    await client.query('ANALYZE');
    return { into: `the ${server.label}`, setAside: saved, summary: await summarizeDatabase((text) => client.query(text)) };
  } finally {
    await client.end();
  }
}

// pg_restore --clean would drop the current objects one by one, but it cannot drop the keys of
// a partitioned table's partitions (pg-boss's job table: "cannot drop inherited constraint"),
// and its drops would be lost with everything else if the restore failed. Renaming the schemas
// aside is one quick transaction, and renaming them back undoes it.
async function moveSchemasAside(client: pg.Client): Promise<Map<string, string>> {
  const suffix = `_replaced_${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}`;
  const { rows } = await client.query<{ name: string }>(
    `SELECT nspname AS name FROM pg_namespace WHERE nspname NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg\\_%' ORDER BY 1`,
  );
  const moved = new Map<string, string>();
  await client.query('BEGIN');
  try {
    for (const { name } of rows) {
      const aside = name.slice(0, 63 - suffix.length) + suffix;
      await client.query(`ALTER SCHEMA ${client.escapeIdentifier(name)} RENAME TO ${client.escapeIdentifier(aside)}`);
      moved.set(name, aside);
    }
    // Every database has a public schema, so pg_dump leaves it out of an archive.
    await client.query('CREATE SCHEMA public');
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  }
  return moved;
}

async function putSchemasBack(client: pg.Client, moved: Map<string, string>): Promise<void> {
  await client.query('BEGIN');
  try {
    // The failed restore ran in one transaction, so the public schema made for it is still empty.
    await client.query('DROP SCHEMA public');
    for (const [name, aside] of moved) await client.query(`ALTER SCHEMA ${client.escapeIdentifier(aside)} RENAME TO ${client.escapeIdentifier(name)}`);
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK');
    throw new Error(`The restore failed, and the previous schemas could not be renamed back (${(e as Error).message}); they are intact as ${[...moved.values()].join(', ')}.`);
  }
}

async function serverInfo(url: string): Promise<{ major: number; version: string; database: string; label: string }> {
  const u = new URL(url);
  const database = decodeURIComponent(u.pathname.replace(/^\//, '')) || decodeURIComponent(u.username) || 'postgres';
  const label = `database ${database} on ${u.hostname}:${u.port || 5432}`;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000, application_name: 'stride-restore' });
  try {
    await client.connect();
    const { rows } = await client.query<{ num: string; version: string }>(`SELECT current_setting('server_version_num') AS num, current_setting('server_version') AS version`);
    return { major: Math.floor(Number(rows[0]!.num) / 10_000), version: rows[0]!.version, database, label };
  } catch (e) {
    throw new Error(`Cannot connect to the ${label}: ${(e as Error).message}`);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Where the PostgreSQL client tools usually live, beside the one on PATH, newest first. */
function versionedCandidates(name: string): string[] {
  const found: { major: number; file: string }[] = [];
  const scan = (parent: string, pattern: RegExp, bin: (entry: string) => string) => {
    let entries: string[] = [];
    try {
      entries = fs.readdirSync(parent);
    } catch {
      return;
    }
    for (const entry of entries) {
      const m = pattern.exec(entry);
      if (m) found.push({ major: Number(m[1]), file: path.join(bin(entry), name) });
    }
  };
  scan('/usr/lib/postgresql', /^(\d+)$/, (e) => `/usr/lib/postgresql/${e}/bin`); // Debian, Ubuntu
  scan('/usr', /^pgsql-(\d+)$/, (e) => `/usr/${e}/bin`); // RHEL, Fedora (PGDG)
  for (const prefix of ['/opt/homebrew/opt', '/usr/local/opt']) scan(prefix, /^postgresql@(\d+)$/, (e) => `${prefix}/${e}/bin`); // Homebrew
  return found.sort((a, b) => b.major - a.major).map((f) => f.file);
}

function toolVersion(file: string): Tool | undefined {
  const r = spawnSync(file, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  const m = r.status === 0 ? /\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?/.exec(r.stdout) : null;
  return m ? { path: file, major: Number(m[1]), version: `${m[1]}${m[2] ? `.${m[2]}` : ''}` } : undefined;
}

/** The tool on PATH if it is recent enough for the server, else the oldest installed one that is. */
function findTool(name: 'pg_dump' | 'pg_restore', serverMajor: number): Tool {
  const onPath = toolVersion(name);
  if (onPath && onPath.major >= serverMajor) return onPath;
  const fits = versionedCandidates(name)
    .map(toolVersion)
    .filter((t): t is Tool => !!t && t.major >= serverMajor)
    .sort((a, b) => a.major - b.major);
  if (fits[0]) return fits[0];
  const install = `Install the PostgreSQL ${serverMajor} client tools (Debian/Ubuntu: apt-get install postgresql-client-${serverMajor}; macOS: brew install postgresql@${serverMajor}) or put their bin folder first on PATH.`;
  if (!onPath) throw new Error(`${name} was not found on PATH; Stride runs it to back up and restore a PostgreSQL server. ${install}`);
  throw new Error(`${name} ${onPath.version} (${onPath.path}) is older than the server (PostgreSQL ${serverMajor}) and cannot read or write its backups. ${install}`);
}

/** Runs a client tool with the password in the environment (not on a command line others can read). */
function run(tool: Tool, args: string[], url: string | undefined, progress: Progress, tablePattern?: RegExp): Promise<void> {
  const password = url ? decodeURIComponent(new URL(url).password) : '';
  const env = { ...process.env, ...(password ? { PGPASSWORD: password } : {}), PGAPPNAME: 'stride-backup' };
  return new Promise((resolve, reject) => {
    const child = spawn(tool.path, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    const problems: string[] = [];
    let pending = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const table = tablePattern?.exec(line)?.[1];
        if (table) progress(`  ${table}`);
        else if (/(error|fatal|detail|hint):/i.test(line)) problems.push(line.replace(/^pg_(dump|restore): /, ''));
      }
    });
    child.once('error', (e) => reject(new Error(`Could not run ${tool.path}: ${e.message}`)));
    child.once('close', (code) => {
      if (pending && /(error|fatal|detail|hint):/i.test(pending)) problems.push(pending);
      if (code === 0) return resolve();
      reject(new Error(explain(tool, problems, code)));
    });
  });
}

function explain(tool: Tool, problems: string[], code: number | null): string {
  const text = problems.join('\n');
  const mismatch = /server version: ([\d.]+)[^;]*; \S+ version: ([\d.]+)/.exec(text);
  if (mismatch) {
    return `The server runs PostgreSQL ${mismatch[1]}, but ${tool.path} is version ${mismatch[2]}: pg_dump must be the server's major version or newer. Install the matching client tools or put their bin folder first on PATH.`;
  }
  if (/unsupported version .* in file header/.test(text)) {
    return `This backup was written by a newer pg_dump than ${tool.path} (${tool.version}) can read. Restore it with pg_restore from the same or a newer PostgreSQL version (put its bin folder first on PATH).`;
  }
  if (/input file does not appear to be a valid archive|did not find magic string|could not read (from )?input file|unexpected end of file|corrupt|invalid (stored|compressed) (block|data)/i.test(text)) {
    return `The backup file is damaged or incomplete; nothing was changed.\n${text}`;
  }
  return `${path.basename(tool.path)} failed (exit ${code ?? 'signal'})${text ? `:\n${text}` : '.'}`;
}

/**
 * Reads the whole archive without restoring it (to a script sent nowhere): proves the file is a
 * complete, undamaged pg_dump archive before anything is changed. Returns how many tables have data.
 */
async function checkArchive(tool: Tool, file: string, progress: Progress): Promise<number> {
  const list = spawnSync(tool.path, ['--list', file], { encoding: 'utf8' });
  if (list.status !== 0) throw new Error(explain(tool, list.stderr.split('\n').filter(Boolean), list.status));
  await run(tool, [`--file=${os.devNull}`, file], undefined, progress);
  return list.stdout.split('\n').filter((l) => / TABLE DATA /.test(l)).length;
}

/** The URL for libpq's tools: the password goes through the environment, and node-postgres's `ssl=true` becomes libpq's sslmode. */
function withoutPassword(url: string): string {
  const u = new URL(url);
  u.password = '';
  const ssl = u.searchParams.get('ssl');
  if (ssl !== null) {
    u.searchParams.delete('ssl');
    if (!u.searchParams.has('sslmode') && ssl !== 'false' && ssl !== '0') u.searchParams.set('sslmode', 'require');
  }
  return u.toString();
}
