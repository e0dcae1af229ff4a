import type { Database } from '../../src/platform/db/database';

export type Fingerprint = Record<string, string>;

/**
 * One entry per table in the given schemas, that changes whenever a row is
 * written. The guard rails use it to prove a rejected request wrote nothing,
 * thousands of times per run, so by default it reads each table's row count
 * and the newest row version's transaction id (xmin): an insert or a delete
 * changes the count or the newest xmin, an update writes a row version with a
 * newer xmin — even one that stores the same values, which a rejected request
 * has no business doing either. Rolled-back writes leave no visible version.
 * `content: true` digests every row's values instead (slower): a restored
 * backup has the same content under new transaction ids.
 */
export async function fingerprintDatabase(
  database: Pick<Database, 'execute'>,
  options: { schemas?: string[]; excludeTables?: string[]; content?: boolean } = {},
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
      const digest = options.content ? `coalesce(md5(string_agg(x::text, E'\\n' ORDER BY x::text)), '')` : `coalesce(max(x.xmin::text::bigint), 0)::text`;
      return `SELECT '${t}' AS t, count(*)::text AS n, ${digest} AS h FROM ${q} x`;
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
