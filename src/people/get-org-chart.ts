import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import { AppError } from '../platform/http/app-error';
import { businessUnits, people } from './schema';

// One level at a time, so the chart opens instantly at any organization size.
const nodeColumns = {
  id: people.id,
  name: people.name,
  jobTitle: people.jobTitle,
  businessUnit: businessUnits.name,
  reportCount: sql<number>`(SELECT count(*)::int FROM people d WHERE d.manager_id = ${people.id} AND d.active)`,
};

function nodes(db: DbOrTx) {
  return db.select(nodeColumns).from(people).leftJoin(businessUnits, eq(businessUnits.id, people.businessUnitId));
}

const normalize = <T extends { reportCount: unknown }>(n: T) => ({ ...n, reportCount: Number(n.reportCount) });

export async function getOrgChart(db: DbOrTx, rootId: string | undefined) {
  if (!rootId) {
    const reports = await nodes(db).where(and(isNull(people.managerId), eq(people.active, true))).orderBy(asc(people.name));
    return { root: null, chain: [], reports: reports.map(normalize) };
  }
  const [root] = await nodes(db).where(eq(people.id, rootId));
  if (!root) throw AppError.notFound('This person');
  const chainIds = await db.execute<{ id: string; depth: number }>(sql`
    WITH RECURSIVE up(id, manager_id, depth) AS (
      SELECT id, manager_id, 0 FROM people WHERE id = ${rootId}
      UNION ALL SELECT p.id, p.manager_id, u.depth + 1 FROM people p JOIN up u ON p.id = u.manager_id WHERE u.depth < 50
    ) SELECT id, depth FROM up WHERE depth > 0 ORDER BY depth DESC`);
  const ids = (chainIds as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
  const chainRows = ids.length ? await nodes(db).where(sql`${people.id} IN ${ids}`) : [];
  const chain = ids.map((id) => chainRows.find((c) => c.id === id)).filter((c) => c !== undefined);
  const reports = await nodes(db).where(and(eq(people.managerId, rootId), eq(people.active, true))).orderBy(asc(people.name));
  return { root: normalize(root), chain: chain.map(normalize), reports: reports.map(normalize) };
}
