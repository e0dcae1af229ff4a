import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import { getUnitSettings } from '../platform/settings/unit-settings';
import { localMidnight } from '../platform/settings/local-midnight';
import { rowsOf } from '../platform/measures/month-tallies';
import { listBusinessUnits } from '../people/list-business-units';
import type { PortfolioQuery, PortfolioRow, PortfolioView } from './portfolio-schemas';
import { withTraining } from './value-measures';
import { primeSegments, strategicGoals } from './schema';

// RQ-7: the portfolio — for a period, the requests submitted, the decisions accepted (and of those,
// how many ended without training) and the unit's hours, by strategic goal and by business unit.
// Decisions are counted as the value dashboard counts them (by the day accepted) so both agree;
// hours by the day they were worked, whenever the request came in.

type Tally = { requests: number; decided: number; nonTraining: number; hours: number };
const none: Tally = { requests: 0, decided: 0, nonTraining: 0, hours: 0 };

async function tallyBy(db: DbOrTx, column: 'goal_id' | 'business_unit_id', start: Date, end: Date, q: PortfolioQuery): Promise<Map<string | null, Tally>> {
  const group = sql.raw(`r.${column}`);
  const result = await db.execute(sql`
    WITH effort AS (
      SELECT e.request_id, sum(e.minutes)::int AS minutes FROM request_effort e
      WHERE e.worked_on BETWEEN ${q.from}::date AND ${q.to}::date GROUP BY e.request_id
    )
    SELECT ${group} AS grp,
      count(*) FILTER (WHERE r.submitted_at >= ${start} AND r.submitted_at < ${end})::int AS requests,
      count(*) FILTER (WHERE r.accepted_at >= ${start} AND r.accepted_at < ${end})::int AS decided,
      count(*) FILTER (WHERE r.accepted_at >= ${start} AND r.accepted_at < ${end} AND NOT ${withTraining})::int AS non_training,
      coalesce(sum(effort.minutes), 0)::int AS minutes
    FROM training_requests r LEFT JOIN effort ON effort.request_id = r.id
    WHERE r.state <> 'draft'
    GROUP BY ${group}`);
  return new Map(
    rowsOf(result).map((r) => [r.grp == null ? null : String(r.grp), { requests: Number(r.requests), decided: Number(r.decided), nonTraining: Number(r.non_training), hours: Number(r.minutes) / 60 }]),
  );
}

const active = (t: Tally) => t.requests + t.decided + t.hours > 0;

export async function portfolio(db: DbOrTx, q: PortfolioQuery): Promise<PortfolioView> {
  const { timeZone } = await getUnitSettings(db);
  const start = localMidnight(q.from, timeZone, 0);
  const end = localMidnight(q.to, timeZone, 1);
  const [byGoal, byUnit, goals, units, prime] = await Promise.all([
    tallyBy(db, 'goal_id', start, end, q),
    tallyBy(db, 'business_unit_id', start, end, q),
    db.select().from(strategicGoals).orderBy(strategicGoals.title),
    listBusinessUnits(db),
    db.select({ id: primeSegments.businessUnitId }).from(primeSegments),
  ]);
  const primeIds = new Set(prime.map((p) => p.id));
  const row = (id: string | null, name: string, t: Tally | undefined): PortfolioRow => ({ id, name, ...(t ?? none) });

  // Every current goal and every prime segment shows, even at zero: an empty row is a finding.
  const goalRows = goals.filter((g) => g.active || active(byGoal.get(g.id) ?? none)).map((g) => ({ ...row(g.id, g.title, byGoal.get(g.id)), active: g.active }));
  const noGoal = byGoal.get(null);
  if (noGoal && active(noGoal)) goalRows.push({ ...row(null, 'No goal named', noGoal), active: true });
  const unitRows = units.filter((u) => primeIds.has(u.id) || active(byUnit.get(u.id) ?? none)).map((u) => ({ ...row(u.id, u.name, byUnit.get(u.id)), prime: primeIds.has(u.id) }));
  const noUnit = byUnit.get(null);
  if (noUnit && active(noUnit)) unitRows.push({ ...row(null, 'No business unit', noUnit), prime: false });

  const totals = [...byGoal.values()].reduce((sum, t) => ({ requests: sum.requests + t.requests, decided: sum.decided + t.decided, nonTraining: sum.nonTraining + t.nonTraining, hours: sum.hours + t.hours }), none);
  return { from: q.from, to: q.to, byGoal: goalRows, byUnit: unitRows, totals: { ...totals, nonTrainingShare: totals.decided ? totals.nonTraining / totals.decided : null } };
}
