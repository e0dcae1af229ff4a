import { parseArgs } from 'node:util';
import { loadConfig } from '../platform/config';
import { migrateDatabase, openDatabase } from '../platform/db/database';
import { backupDatabase, backupTargetOf, restoreDatabase } from '../platform/db/backup';
import { fileStamp, formatBytes, formatDuration } from '../platform/db/backup-common';
import { createFirstAdmin } from '../account/create-first-admin';

const usage = `Usage:
  npm run stride -- create-admin --email you@example.org --name "Your Name" --password "a long password"
      Creates (or promotes) an admin who can sign in. For an empty Stride started with STRIDE_DEMO=0.

  npm run stride -- backup [--out FILE] [--force]
      Backs up the database Stride is configured for: the embedded one in STRIDE_DATA_DIR (stop
      Stride first) or the server at DATABASE_URL (pg_dump; Stride may keep running). --force
      replaces an existing FILE.

  npm run stride -- restore --from FILE [--force]
      Restores a backup into an empty STRIDE_DATA_DIR or server database (stop Stride first).
      --force replaces a database that is there, after moving it aside (embedded) or saving it
      next to FILE (server); nothing is deleted.`;

async function createAdmin(args: string[]) {
  const { values } = parseArgs({ args, options: { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' }, 'employee-id': { type: 'string' } } });
  const config = loadConfig();
  const database = config.databaseUrl ? await openDatabase({ databaseUrl: config.databaseUrl }) : await openDatabase({ dataDir: config.dataDir });
  try {
    await migrateDatabase(database);
    const person = await createFirstAdmin(database.db, { email: values.email ?? '', name: values.name ?? '', password: values.password ?? '', employeeId: values['employee-id'] });
    console.log(`${person.name} <${person.email}> is an admin and can sign in.`);
  } finally {
    await database.close();
  }
}

async function backup(args: string[]) {
  const { values } = parseArgs({ args, options: { out: { type: 'string' }, force: { type: 'boolean' } } });
  const target = backupTargetOf(loadConfig());
  const out = values.out ?? `stride-${fileStamp()}${target.engine === 'pglite' ? '.tar.gz' : '.dump'}`;
  const report = await backupDatabase(target, { out, force: values.force, onProgress: (line) => console.log(line) });
  console.log(`Backup written to ${report.file}: ${formatBytes(report.bytes)} in ${formatDuration(report.ms)} (${report.summary}).`);
}

async function restore(args: string[]) {
  const { values } = parseArgs({ args, options: { from: { type: 'string' }, force: { type: 'boolean' } } });
  if (!values.from) throw new Error('Which backup? Give it with --from FILE.');
  const target = backupTargetOf(loadConfig());
  const report = await restoreDatabase(target, { from: values.from, force: values.force, onProgress: (line) => console.log(line) });
  console.log(`Restored ${report.file} (${formatBytes(report.bytes)}) into ${report.into} in ${formatDuration(report.ms)}: ${report.summary}.`);
  if (report.setAside) console.log(`The database that was there is kept in ${report.setAside}.`);
  console.log('Start Stride as usual; it applies any newer migrations on start.');
}

const commands: Record<string, (args: string[]) => Promise<void>> = { 'create-admin': createAdmin, backup, restore };

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  const run = command ? commands[command] : undefined;
  if (!run) {
    console.log(usage);
    process.exit(command && !['help', '--help', '-h'].includes(command) ? 2 : 0);
  }
  await run(rest);
}

main().catch((e: unknown) => {
  const fields = (e as { fields?: { field: string; message: string }[] }).fields;
  console.error(e instanceof Error ? e.message : String(e));
  for (const f of fields ?? []) console.error(`  --${f.field}: ${f.message}`);
  process.exit(1);
});
