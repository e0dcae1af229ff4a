import { loadConfig } from '../platform/config';
import { describeDemo, startStride } from './start-stride';
import { DEMO_PASSWORD } from '../demo/demo-organization';
import { demoPeople } from '../demo/demo-organization';

async function main() {
  const config = loadConfig();
  const stride = await startStride(config);
  // Handlers first: a supervisor may signal as soon as it reads the banner.
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await stride.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const engine = stride.database.engine === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL server';
  console.log(`\nStride is running at ${stride.url}  (${engine})`);
  if (stride.demo) console.log(`The demo organization was loaded.\n${describeDemo(stride.demo)}`);
  else if (config.demo) {
    const signIns = demoPeople().filter((p) => p.signIn);
    console.log(`Demo sign-ins, if this is the demo organization (password: ${DEMO_PASSWORD}):`);
    for (const p of signIns) console.log(`  ${p.signIn!.padEnd(11)}  ${p.email}`);
  }
  if (!config.smtpUrl) console.log('Mail stays in the outbox (admins: Admin → Outbox) until SMTP_URL is set.');
  console.log('Stop with Ctrl+C.\n');
}

main().catch((e: unknown) => {
  console.error(`\n${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
