import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import { findVersionCalendars } from '../charter/find-version-calendars';
import { clockState } from '../service-levels/clock-state';
import { clocks, serviceLevels } from '../service-levels/schema';
import type { QuestionClockView } from './question-schemas';

// Reads the service-levels tables directly: the engine has no "clocks of a subject" reader yet.
// TODO(service-levels): move this into the engine as listSubjectClocks and call it from here.

/** The live service-level state (CH-3) of each question's clocks, by question id. */
export async function findQuestionClocks(tx: DbOrTx, questionIds: string[], now: Date): Promise<Map<string, QuestionClockView[]>> {
  const result = new Map<string, QuestionClockView[]>(questionIds.map((id) => [id, []]));
  if (questionIds.length === 0) return result;
  const rows = await tx
    .select({ clock: clocks, level: serviceLevels })
    .from(clocks)
    .innerJoin(serviceLevels, eq(serviceLevels.id, clocks.serviceLevelId))
    .where(and(eq(clocks.subjectType, 'question'), inArray(clocks.subjectId, questionIds)))
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
