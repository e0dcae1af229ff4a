import { fixedClock } from '../../src/platform/clock';
import type { Db } from '../../src/platform/db/database';
import type { App } from '../../src/platform/http/types';
import { buildApp } from '../../src/app/build-app';
import { createTestDatabase, type TestDatabase } from './test-database';
import { TestClient } from './test-client';
import { TEST_PASSWORD, setUnitContact, type TestPerson } from './factories';

export type TestStride = {
  app: App;
  database: TestDatabase;
  db: Db;
  clock: ReturnType<typeof fixedClock>;
  client(): TestClient;
  signInAs(person: TestPerson): Promise<TestClient>;
  close(): Promise<void>;
};

/** A Stride app on its own fresh database, driven through HTTP injection. */
export async function createTestStride(options: { serveWeb?: boolean } = {}): Promise<TestStride> {
  const database = await createTestDatabase();
  await setUnitContact(database.db);
  const clock = fixedClock(new Date());
  const { app } = await buildApp({ database, clock, publicUrl: 'http://stride.test', serveWeb: options.serveWeb ?? false, logLevel: 'silent' });
  await app.ready();
  return {
    app,
    database,
    db: database.db,
    clock,
    client: () => new TestClient(app),
    async signInAs(person) {
      const c = new TestClient(app);
      const res = await c.post('/api/v1/session', { email: person.email, password: TEST_PASSWORD });
      if (res.status !== 200) throw new Error(`sign-in failed for ${person.email}: ${res.status} ${res.text}`);
      return c;
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
