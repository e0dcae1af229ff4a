/** Reports a step of a long operation, one line at a time. */
export type Progress = (line: string) => void;

export type Query = (text: string) => Promise<{ rows: Record<string, unknown>[] }>;

/** "12 tables, 3,456 rows": exact counts over every user table, to compare a backup with its restore. */
export async function summarizeDatabase(query: Query): Promise<string> {
  const { rows } = await query(
    `SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS t FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%' ORDER BY 1`,
  );
  const tables = rows.map((r) => String(r.t));
  if (tables.length === 0) return 'no tables';
  const counted = await query(`SELECT sum(n)::bigint AS n FROM (${tables.map((t) => `SELECT count(*) AS n FROM ${t}`).join(' UNION ALL ')}) x`);
  const total = Number(counted.rows[0]?.n ?? 0);
  return `${tables.length} tables, ${total.toLocaleString('en-US')} rows`;
}

/** A sortable, file-name-safe moment: 2026-05-01T10-22-33Z. */
export function fileStamp(date = new Date()): string {
  return date.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}
