import { and, asc, eq, gte, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import { findVersionInForce } from '../charter/find-version-in-force';
import { findVersionCalendars } from '../charter/find-version-calendars';
import { listBusinessUnits } from '../people/list-business-units';
import { findPersonById } from '../people/find-people';
import { businessMillisecondsBetween } from './business-calendar';
import { clockState } from './clock-state';
import { localMidnight } from '../platform/settings/local-midnight';
import { findClockEventType } from './clock-events';
import { listServiceLevels } from './list-service-levels';
import { findSubjectReferences } from './subject-references';
import { clockEvents, clocks, serviceLevels } from './schema';
import type { ComplianceBreach, ComplianceFigures, ComplianceReport, ComplianceServiceLevel } from './compliance-schemas';

const MINUTE = 60_000;
export const NO_UNIT_NAME = 'No business unit';

export type ComplianceReportInput = {
  /** First and last day of the period (YYYY-MM-DD), both included, in the charter calendar's time zone. */
  from: string;
  to: string;
  businessUnitId?: string | undefined;
  serviceLevelKey?: string | undefined;
  now: Date;
};

/**
 * Compliance per service level, period and business unit (CH-3): of the clocks started in the
 * period, how many met or breached their target, the median and 90th percentile business time
 * of the stopped ones, and every breach with its cause. Each clock is judged by the target of the
 * charter version it started under (CH-4); service levels are followed across versions by key.
 */
export async function complianceReport(db: DbOrTx, input: ComplianceReportInput): Promise<ComplianceReport> {
  const inForce = await findVersionInForce(db, input.now);
  const timeZone = inForce?.calendar.timeZone ?? 'UTC';
  const periodStart = localMidnight(input.from, timeZone, 0);
  const periodEnd = localMidnight(input.to, timeZone, 1);
  const where = and(
    gte(clocks.startedAt, periodStart),
    lt(clocks.startedAt, periodEnd),
    input.businessUnitId ? eq(clocks.businessUnitId, input.businessUnitId) : undefined,
    input.serviceLevelKey ? eq(clocks.serviceLevelKey, input.serviceLevelKey) : undefined,
  );

  const [byUnit, totals, versions, units, levelsInForce] = await Promise.all([
    figuresQuery(db, where, true),
    figuresQuery(db, where, false),
    versionsQuery(db, where),
    listBusinessUnits(db),
    inForce ? listServiceLevels(db, inForce.id) : Promise.resolve([]),
  ]);
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const unitRef = (id: string | null) => ({ id, name: id ? (unitName.get(id) ?? 'Unknown business unit') : NO_UNIT_NAME });
  const breaches = await findBreaches(db, where, input.now, unitRef);

  const keys = [
    ...levelsInForce.map((l) => l.key).filter((k) => !input.serviceLevelKey || k === input.serviceLevelKey),
    ...[...new Set(versions.map((v) => v.key))].sort(),
  ];
  const serviceLevelsOut: ComplianceServiceLevel[] = [...new Set(keys)].map((key) => {
    const seen = versions.filter((v) => v.key === key).sort((a, b) => a.firstStart.getTime() - b.firstStart.getTime());
    const latest = [...seen].sort((a, b) => b.lastStart.getTime() - a.lastStart.getTime())[0];
    const current = levelsInForce.find((l) => l.key === key);
    const runningBreached = (unitId?: string | null) =>
      breaches.filter((b) => b.serviceLevelKey === key && b.stoppedAt === null && (unitId === undefined || b.businessUnit.id === unitId)).length;
    const total = totals.find((t) => t.key === key);
    return {
      key,
      name: latest?.name ?? current?.name ?? key,
      targetsBusinessMinutes: [...new Set(seen.map((v) => v.target))],
      total: { ...(total ? toFigures(total) : emptyFigures()), businessUnit: null, runningBreached: runningBreached() },
      byBusinessUnit: input.businessUnitId
        ? []
        : byUnit
            .filter((row) => row.key === key)
            .map((row) => ({ ...toFigures(row), businessUnit: unitRef(row.unitId), runningBreached: runningBreached(row.unitId) }))
            .sort((a, b) => (a.businessUnit.id === null ? 1 : b.businessUnit.id === null ? -1 : a.businessUnit.name.localeCompare(b.businessUnit.name))),
    };
  });

  return {
    from: input.from,
    to: input.to,
    timeZone,
    periodStart: periodStart.toISOString(),
    periodEnd: periodEnd.toISOString(),
    generatedAt: input.now.toISOString(),
    businessUnitId: input.businessUnitId ?? null,
    serviceLevels: serviceLevelsOut,
    breaches,
  };
}

type FiguresRow = {
  key: string;
  unitId: string | null;
  started: number;
  running: number;
  met: number;
  breached: number;
  median: number | null;
  p90: number | null;
};

/** Counts and percentiles in the database: percentile_cont exists on PostgreSQL 15 and PGlite alike. */
function figuresQuery(db: DbOrTx, where: SQL | undefined, perUnit: boolean): Promise<FiguresRow[]> {
  const minutes = sql`(${clocks.elapsedBusinessMs}::double precision / ${MINUTE})`;
  const query = db
    .select({
      key: clocks.serviceLevelKey,
      unitId: perUnit ? clocks.businessUnitId : sql<string | null>`null::uuid`,
      started: sql<number>`count(*)`.mapWith(Number),
      running: sql<number>`count(*) filter (where ${clocks.stoppedAt} is null)`.mapWith(Number),
      met: sql<number>`count(*) filter (where ${clocks.outcome} = 'met')`.mapWith(Number),
      breached: sql<number>`count(*) filter (where ${clocks.outcome} = 'breached')`.mapWith(Number),
      // Running clocks have no elapsed time stored (null), which the aggregates leave out.
      median: sql<number | null>`percentile_cont(0.5) within group (order by ${minutes})`.mapWith(Number),
      p90: sql<number | null>`percentile_cont(0.9) within group (order by ${minutes})`.mapWith(Number),
    })
    .from(clocks)
    .where(where);
  return perUnit ? query.groupBy(clocks.serviceLevelKey, clocks.businessUnitId) : query.groupBy(clocks.serviceLevelKey);
}

function toFigures(row: FiguresRow): Omit<ComplianceFigures, 'businessUnit' | 'runningBreached'> {
  const stopped = row.met + row.breached;
  return {
    started: row.started,
    running: row.running,
    met: row.met,
    breached: row.breached,
    shareMet: stopped > 0 ? row.met / stopped : null,
    medianBusinessMinutes: row.median,
    p90BusinessMinutes: row.p90,
  };
}

function emptyFigures(): Omit<ComplianceFigures, 'businessUnit' | 'runningBreached'> {
  return { started: 0, running: 0, met: 0, breached: 0, shareMet: null, medianBusinessMinutes: null, p90BusinessMinutes: null };
}

/** The service-level rows (one per charter version) the period's clocks started under. */
function versionsQuery(db: DbOrTx, where: SQL | undefined) {
  return db
    .select({
      key: clocks.serviceLevelKey,
      name: serviceLevels.name,
      target: serviceLevels.targetBusinessMinutes,
      firstStart: sql<Date>`min(${clocks.startedAt})`.mapWith(clocks.startedAt),
      lastStart: sql<Date>`max(${clocks.startedAt})`.mapWith(clocks.startedAt),
    })
    .from(clocks)
    .innerJoin(serviceLevels, eq(serviceLevels.id, clocks.serviceLevelId))
    .where(where)
    .groupBy(clocks.serviceLevelKey, serviceLevels.id);
}

type UnitRef = (id: string | null) => { id: string | null; name: string };

/**
 * Stopped breaches, and running clocks past their target now. A running clock's stored due time
 * picks the candidates; its state on its own version's calendar decides (a clock due at 17:00 is
 * not late yet at 17:30 when no working time has passed since).
 */
async function findBreaches(db: DbOrTx, where: SQL | undefined, now: Date, unitRef: UnitRef): Promise<ComplianceBreach[]> {
  const rows = await db
    .select({ clock: clocks, level: serviceLevels })
    .from(clocks)
    .innerJoin(serviceLevels, eq(serviceLevels.id, clocks.serviceLevelId))
    .where(
      and(
        where,
        or(
          eq(clocks.outcome, 'breached'),
          and(isNull(clocks.stoppedAt), lt(clocks.dueAt, sql`coalesce(${clocks.pausedAt}, ${now.toISOString()}::timestamptz)`)),
        ),
      ),
    )
    .orderBy(asc(clocks.startedAt), asc(clocks.id));
  if (rows.length === 0) return [];
  const calendars = await findVersionCalendars(db, rows.map((r) => r.level.charterVersionId));
  const pauses = await findPauseEvents(db, rows);
  const references = await findSubjectReferences(db, rows.map((r) => r.clock));
  const owners = new Map<string, { id: string; name: string }>();
  for (const id of new Set(rows.map((r) => r.clock.ownerId).filter((o): o is string => o !== null))) {
    const person = await findPersonById(db, id);
    if (person) owners.set(id, { id: person.id, name: person.name });
  }

  const breaches: ComplianceBreach[] = [];
  for (const { clock, level } of rows) {
    const targetMs = level.targetBusinessMinutes * MINUTE;
    const calendar = calendars.get(level.charterVersionId);
    let lateMs: number;
    if (clock.stoppedAt) lateMs = (clock.elapsedBusinessMs ?? 0) - targetMs;
    else {
      if (!calendar) continue;
      lateMs = clockState(clock, level, calendar, now).elapsedBusinessMinutes * MINUTE - targetMs;
      if (lateMs <= 0) continue;
    }
    const end = clock.stoppedAt ?? now;
    const paused =
      clock.pausedBusinessMs > 0 ||
      clock.pausedAt !== null ||
      pauses.some((p) => p.subjectType === clock.subjectType && p.subjectId === clock.subjectId && level.pauseEvents.includes(p.type) && p.at >= clock.startedAt && p.at <= end);
    // A pause still going on counts up to now, as it will when the clock resumes.
    const ongoingPauseMs = !clock.stoppedAt && clock.pausedAt && calendar ? businessMillisecondsBetween(calendar, clock.pausedAt, now) : 0;
    const stopLabel = clock.stopEvent ? (findClockEventType(clock.stopEvent)?.label ?? clock.stopEvent) : null;
    breaches.push({
      clockId: clock.id,
      serviceLevelKey: clock.serviceLevelKey,
      subjectType: clock.subjectType,
      subjectId: clock.subjectId,
      subjectReference: references.get(`${clock.subjectType}:${clock.subjectId}`) ?? null,
      businessUnit: unitRef(clock.businessUnitId),
      targetBusinessMinutes: level.targetBusinessMinutes,
      startedAt: clock.startedAt.toISOString(),
      dueAt: clock.dueAt.toISOString(),
      stoppedAt: clock.stoppedAt?.toISOString() ?? null,
      lateBusinessMinutes: lateMs / MINUTE,
      stopEvent: clock.stopEvent,
      cause: stopLabel ? `Stopped late: ${stopLabel}` : clock.pausedAt ? 'Still open, paused after the due time' : 'Still open',
      owner: clock.ownerId ? (owners.get(clock.ownerId) ?? null) : null,
      paused,
      pausedBusinessMinutes: (clock.pausedBusinessMs + ongoingPauseMs) / MINUTE,
    });
  }
  return breaches;
}

const LOOKUP_CHUNK = 1_000;

/** Pause events of the breached clocks' subjects, in chunks that stay far below the bind-parameter limit. */
async function findPauseEvents(db: DbOrTx, rows: { clock: { subjectId: string }; level: { pauseEvents: string[] } }[]) {
  const types = [...new Set(rows.flatMap((r) => r.level.pauseEvents))];
  const subjects = [...new Set(rows.map((r) => r.clock.subjectId))];
  if (types.length === 0) return [];
  const found: { subjectType: string; subjectId: string; type: string; at: Date }[] = [];
  for (let i = 0; i < subjects.length; i += LOOKUP_CHUNK) {
    found.push(
      ...(await db
        .select({ subjectType: clockEvents.subjectType, subjectId: clockEvents.subjectId, type: clockEvents.type, at: clockEvents.at })
        .from(clockEvents)
        .where(and(inArray(clockEvents.subjectId, subjects.slice(i, i + LOOKUP_CHUNK)), inArray(clockEvents.type, types)))),
    );
  }
  return found;
}
