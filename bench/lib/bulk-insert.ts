import { getTableColumns, getTableName, type Table } from 'drizzle-orm';
import type { Database } from '../../src/platform/db/database';

// Bulk writes through Stride's own Drizzle tables: one INSERT … SELECT FROM unnest($1::type[], …)
// per batch, one array parameter per column. It is as fast as multi-row VALUES without their
// 65,535-parameter ceiling, and it works the same on PGlite and on a server (no COPY on PGlite).
// Column names and types come from the schema, so a renamed column breaks the seed at once.
// Array columns (text[]) cannot travel inside unnest; tables that have them use Drizzle's insert.

const BATCH = 5000;

export async function bulkInsert<T extends Table>(database: Database, table: T, rows: Partial<T['$inferInsert']>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.entries(getTableColumns(table)).filter(([key]) => key in (rows[0] as object));
  const names = columns.map(([, c]) => `"${c.name}"`).join(', ');
  const casts = columns.map(([, c], i) => {
    const type = c.getSQLType();
    if (type.endsWith(']')) throw new Error(`bulkInsert: ${getTableName(table)}.${c.name} is an array column`);
    return `$${i + 1}::${type}[]`;
  });
  const text = `INSERT INTO "${getTableName(table)}" (${names}) SELECT * FROM unnest(${casts.join(', ')})`;
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH) as Record<string, unknown>[];
    const params = columns.map(([key, c]) => {
      const json = c.getSQLType() === 'jsonb';
      return batch.map((r) => {
        const v = r[key];
        if (v === undefined || v === null) return null;
        if (json) return JSON.stringify(v);
        if (v instanceof Date) return v.toISOString();
        return v;
      });
    });
    await database.execute(text, params);
  }
}
