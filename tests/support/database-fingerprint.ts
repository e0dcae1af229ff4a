import type { Database } from '../../src/platform/db/database';

export type Fingerprint = Record<string, string>;

/**
 * A digest of every row of every table in the given schemas, one entry per
 * table. Two fingerprints are equal exactly when the data is: the guard rails
 * use it to prove a rejected request wrote nothing and a backup restores
 * everything.
 */
export async function fingerprintDatabase(
  database: Pick<Database, 'execute'>,
  options: { schemas?: string[]; excludeTables?: string[] } = {},
): Promise<Fingerprint> {
  const schemas = options.schemas ?? ['public'];
  const exclude = new Set(options.excludeTables ?? []);
  const { rows } = await database.execute(
    `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
     WHERE table_type = 'BASE TABLE' AND table_schema = ANY($1::text[]) ORDER BY 1, 2`,
    [schemas],
  );
  const tables = rows.map((r) => `${String(r.schema)}.${String(r.name)}`).filter((t) => !exclude.has(t) && !exclude.has(t.split('.')[1]!));
  if (tables.length === 0) return {};
  // One round trip: each table's rows as text, sorted, hashed.
  const select = tables
    .map((t) => {
      const [schema, name] = t.split('.');
      const q = `"${schema}"."${name}"`;
      return `SELECT '${t}' AS t, count(*)::text AS n, coalesce(md5(string_agg(x::text, E'\\n' ORDER BY x::text)), '') AS h FROM ${q} x`;
    })
    .join(' UNION ALL ');
  const result = await database.execute(select, [] as unknown[]);
  const out: Fingerprint = {};
  for (const r of result.rows) out[String(r.t)] = `${String(r.n)}:${String(r.h)}`;
  return out;
}

/** The tables whose content differs, for a readable assertion message. */
export function fingerprintDiff(before: Fingerprint, after: Fingerprint): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((n) => before[n] !== after[n]).sort();
}
