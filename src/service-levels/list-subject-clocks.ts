import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import { findVersionCalendars } from '../charter/find-version-calendars';
import { clockState } from './clock-state';
import { clocks, serviceLevels } from './schema';
import type { SubjectClockView } from './subject-clock-view';

/**
 * The live service-level state (CH-3) of each subject's clocks, by subject id, oldest first.
 * Capabilities show their subjects' clocks through this instead of reading the engine's tables.
 */
export async function listSubjectClocks(tx: DbOrTx, subjectType: string, subjectIds: string[], now: Date): Promise<Map<string, SubjectClockView[]>> {
  const result = new Map<string, SubjectClockView[]>(subjectIds.map((id) => [id, []]));
  if (subjectIds.length === 0) return result;
  const rows = await tx
    .select({ clock: clocks, level: serviceLevels })
    .from(clocks)
    .innerJoin(serviceLevels, eq(serviceLevels.id, clocks.serviceLevelId))
    .where(and(eq(clocks.subjectType, subjectType), inArray(clocks.subjectId, subjectIds)))
    .orderBy(asc(clocks.startedAt));
  const calendars = await findVersionCalendars(tx, rows.map((r) => r.level.charterVersionId));
  for (const { clock, level } of rows) {
    const calendar = calendars.get(level.charterVersionId);
    if (!calendar) continue;
    const state = clockState(clock, level, calendar, now);
    result.get(clock.subjectId)?.push({
      key: level.key,
      name: level.name,
      targetBusinessMinutes: level.targetBusinessMinutes,
      state: state.state,
      startedAt: clock.startedAt.toISOString(),
      dueAt: state.dueAt?.toISOString() ?? null,
      stoppedAt: clock.stoppedAt?.toISOString() ?? null,
      elapsedBusinessMinutes: Math.round(state.elapsedBusinessMinutes * 100) / 100,
      remainingBusinessMinutes: Math.round(state.remainingBusinessMinutes * 100) / 100,
    });
  }
  return result;
}
