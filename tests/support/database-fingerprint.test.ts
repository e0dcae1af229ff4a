import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './test-database';
import { fingerprintDatabase, fingerprintDiff } from './database-fingerprint';
import { createBusinessUnit } from './factories';

// The guard rails' "nothing was written" rests on this: the cheap fingerprint must see every
// committed insert, update (even to the same values) and delete, and nothing that rolled back.
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

describe('the database fingerprint', () => {
  it('changes on a committed insert, update to the same values, and delete — in the table written only', async () => {
    const unit = await createBusinessUnit(database.db, { code: 'FPR', name: 'Fingerprints' });
    const steps = [
      `INSERT INTO business_units (code, name) VALUES ('FP2', 'Second')`,
      `UPDATE business_units SET name = name WHERE id = '${unit.id}'`,
      `DELETE FROM business_units WHERE code = 'FP2'`,
    ];
    for (const statement of steps) {
      const before = await fingerprintDatabase(database);
      await database.execute(statement, []);
      expect(fingerprintDiff(before, await fingerprintDatabase(database)), statement).toEqual(['public.business_units']);
    }
  });

  it('does not change when a write rolls back, or on reads', async () => {
    const before = await fingerprintDatabase(database);
    await expect(
      database.db.transaction(async (tx) => {
        await tx.execute(`INSERT INTO business_units (code, name) VALUES ('FP3', 'Rolled back')`);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    await database.execute('SELECT count(*) FROM business_units', []);
    expect(fingerprintDiff(before, await fingerprintDatabase(database))).toEqual([]);
  });

  it('with content: true, sees the same rows written again as the same (a restored backup)', async () => {
    await database.execute(`INSERT INTO business_units (code, name) VALUES ('FP4', 'Again')`, []);
    const content = await fingerprintDatabase(database, { content: true });
    const versions = await fingerprintDatabase(database);
    await database.execute(`CREATE TEMP TABLE fp_copy AS SELECT * FROM business_units WHERE code = 'FP4'`, []);
    await database.execute(`DELETE FROM business_units WHERE code = 'FP4'`, []);
    await database.execute(`INSERT INTO business_units SELECT * FROM fp_copy`, []);
    expect(fingerprintDiff(content, await fingerprintDatabase(database, { content: true }))).toEqual([]);
    expect(fingerprintDiff(versions, await fingerprintDatabase(database))).toEqual(['public.business_units']);
  });
});
