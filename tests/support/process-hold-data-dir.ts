// Child process for tests: opens a Stride data directory the way the app does
// (openDatabase with dataDir, which takes the lock), says READY, and holds it
// until SIGTERM, when it closes the database and exits 0.
import { openDatabase } from '../../src/platform/db/database';

const dataDir = process.argv[2];
if (!dataDir) {
  console.error('usage: process-hold-data-dir.ts <dataDir>');
  process.exit(2);
}
const database = await openDatabase({ dataDir });
await database.execute('SELECT 1');
// The handler goes in before READY: the parent may signal the moment it reads it.
process.on('SIGTERM', () => {
  void database.close().then(
    () => process.exit(0),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
});
console.log(`READY ${process.pid}`);
// Keep the event loop alive until told to stop.
setInterval(() => {}, 60_000);
