import { parseArgs } from 'node:util';
import { loadConfig } from '../platform/config';
import { migrateDatabase, openDatabase } from '../platform/db/database';
import { createFirstAdmin } from '../account/create-first-admin';

const usage = `Usage:
  npm run stride -- create-admin --email you@example.org --name "Your Name" --password "a long password"
      Creates (or promotes) an admin who can sign in. For an empty Stride started with STRIDE_DEMO=0.`;

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  if (command !== 'create-admin') {
    console.log(usage);
    process.exit(command ? 2 : 0);
  }
  const { values } = parseArgs({ args: rest, options: { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' }, 'employee-id': { type: 'string' } } });
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

main().catch((e: unknown) => {
  const fields = (e as { fields?: { field: string; message: string }[] }).fields;
  console.error(e instanceof Error ? e.message : String(e));
  for (const f of fields ?? []) console.error(`  --${f.field}: ${f.message}`);
  process.exit(1);
});
