import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../platform/auth/actor';
import type { Db, DbOrTx } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import { AppError, type FieldError } from '../platform/http/app-error';
import { recordAudit } from '../platform/audit/record-audit';
import { people } from '../people/schema';
import { recordClockEvent } from '../service-levels/record-clock-event';
import type { SessionRow } from '../catalog/session-view';
import { lockVisibleSession } from './enrolment-access';
import { moveEnrolment } from './enrolment-history';
import { runsEnrolments } from './enrolment-staff';
import { enrolmentStates } from './enrolment-values';
import { visibleSession } from './session-roster';
import { enrolments, sessionAttendance } from './schema';
import { localDate } from '../platform/settings/unit-today';

// Attendance and completion (AF-1, decision 018): a coordinator or the session's instructor marks
// who was there, day by day, in bulk from the roster; after the session, completion applies the
// course's rule: present on at least `completionMinPercent` % of the session days → completed
// (100, the default, is "every day"), otherwise → no_show.

export const attendanceInput = z.object({
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Give the day as YYYY-MM-DD.'),
  marks: z
    .array(z.object({ enrolmentId: z.uuid('Give the enrolment’s id.'), present: z.boolean('Say whether they were present.') }))
    .min(1, 'Mark at least one person.')
    .max(2000, 'Mark at most 2,000 people at once.'),
});
export type AttendanceInput = z.infer<typeof attendanceInput>;

export const attendanceView = z.object({
  sessionId: z.uuid(),
  days: z.array(z.string()),
  enrolments: z.array(
    z.object({
      enrolmentId: z.uuid(),
      person: z.object({ id: z.uuid(), name: z.string() }),
      state: z.enum(enrolmentStates),
      marks: z.array(z.object({ day: z.string(), present: z.boolean() })),
    }),
  ),
});
export type AttendanceView = z.infer<typeof attendanceView>;

export const completionView = z.object({
  sessionId: z.uuid(),
  completed: z.array(z.uuid()),
  noShow: z.array(z.uuid()),
});
export type CompletionView = z.infer<typeof completionView>;

type Deps = { db: Db; clock: Clock };

/** The calendar days a session runs on, in its own time zone (an end at midnight does not add a day). */
export function sessionDays(session: Pick<SessionRow, 'startsAt' | 'endsAt' | 'timeZone'>): string[] {
  const first = localDate(session.startsAt, session.timeZone);
  const last = localDate(new Date(session.endsAt.getTime() - 1), session.timeZone);
  const days: string[] = [];
  for (let d = new Date(`${first}T00:00:00Z`); days.length < 366; d = new Date(d.getTime() + 86_400_000)) {
    const iso = d.toISOString().slice(0, 10);
    if (iso > last) break;
    days.push(iso);
  }
  return days;
}

function mayRecord(actor: Actor, session: Pick<SessionRow, 'instructorId'>): void {
  if (!runsEnrolments(actor) && session.instructorId !== actor.id) throw AppError.forbidden('Attendance is recorded by the training unit’s coordinators and the session’s instructor.');
}

const attendedStates = ['confirmed', 'completed', 'no_show'] as const;

async function attendanceOf(db: DbOrTx, sessionId: string, days: string[]): Promise<AttendanceView> {
  const rows = await db
    .select({ id: enrolments.id, state: enrolments.state, personId: people.id, name: people.name })
    .from(enrolments)
    .innerJoin(people, eq(people.id, enrolments.personId))
    .where(and(eq(enrolments.sessionId, sessionId), inArray(enrolments.state, [...attendedStates])))
    .orderBy(asc(enrolments.position));
  const marks = rows.length ? await db.select().from(sessionAttendance).where(inArray(sessionAttendance.enrolmentId, rows.map((r) => r.id))).orderBy(asc(sessionAttendance.day)) : [];
  return {
    sessionId,
    days,
    enrolments: rows.map((r) => ({
      enrolmentId: r.id,
      person: { id: r.personId, name: r.name },
      state: r.state,
      marks: marks.filter((m) => m.enrolmentId === r.id).map((m) => ({ day: m.day, present: m.present })),
    })),
  };
}

/** Who is marked present or absent on each day of a session: for coordinators and the session's instructor. */
export async function readAttendance(db: Db, actor: Actor, sessionId: string): Promise<AttendanceView> {
  const { session } = await visibleSession(db, actor, sessionId);
  mayRecord(actor, session);
  return attendanceOf(db, sessionId, sessionDays(session));
}

/** Records (or corrects) one day's marks in bulk, all or nothing, with one audit entry. */
export async function recordAttendance(deps: Deps, actor: Actor, sessionId: string, input: AttendanceInput): Promise<AttendanceView> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const { session } = await lockVisibleSession(tx, actor, sessionId);
    mayRecord(actor, session);
    if (session.status === 'cancelled') throw new AppError('conflict', 'This session was cancelled; there is no attendance to record.');
    const days = sessionDays(session);
    const fields: FieldError[] = [];
    if (!days.includes(input.day)) fields.push({ field: 'day', message: `${input.day} is not a day of this session (${days.join(', ')}, ${session.timeZone}).` });
    else if (input.day > localDate(now, session.timeZone)) fields.push({ field: 'day', message: `${input.day} has not come yet in ${session.timeZone}; attendance is recorded on or after the day.` });
    const ids = input.marks.map((m) => m.enrolmentId);
    const found = new Map((await tx.select().from(enrolments).where(and(eq(enrolments.sessionId, sessionId), inArray(enrolments.id, ids)))).map((r) => [r.id, r]));
    const seen = new Set<string>();
    input.marks.forEach((m, i) => {
      const row = found.get(m.enrolmentId);
      if (seen.has(m.enrolmentId)) fields.push({ field: `marks.${i}.enrolmentId`, message: 'This enrolment is marked twice.' });
      else if (!row) fields.push({ field: `marks.${i}.enrolmentId`, message: 'No enrolment of this session has this id.' });
      else if (row.state !== 'confirmed') fields.push({ field: `marks.${i}.enrolmentId`, message: `Only confirmed places are marked; this enrolment is ${row.state.replace('_', ' ')}.` });
      seen.add(m.enrolmentId);
    });
    if (fields.length) throw AppError.invalid(fields, 'The attendance was not recorded:');
    for (const m of input.marks) {
      await tx
        .insert(sessionAttendance)
        .values({ enrolmentId: m.enrolmentId, day: input.day, present: m.present, recordedBy: actor.id, recordedAt: now })
        .onConflictDoUpdate({ target: [sessionAttendance.enrolmentId, sessionAttendance.day], set: { present: m.present, recordedBy: actor.id, recordedAt: now } });
    }
    await recordAudit(tx, { actorId: actor.id, action: 'attendance.recorded', entity: 'course_session', entityId: sessionId, after: { day: input.day, marks: input.marks } });
    return attendanceOf(tx, sessionId, days);
  });
}

/** Whether `present` of `days` days meets a course's rule; integer arithmetic, so 80 % of 5 days is exactly 4. */
export function meetsCompletionRule(present: number, days: number, minPercent: number): boolean {
  return days > 0 && present * 100 >= minPercent * days;
}

/**
 * After the session: every confirmed enrolment becomes completed (present on at least the course's
 * share of days, every day by default) or no_show (fewer). Refused with 409, changing nothing, while anyone lacks a mark
 * for some day. Each completion starts the "certificate sent" clock (AF-2) in the same transaction.
 */
export async function completeSession(deps: Deps, actor: Actor, sessionId: string): Promise<CompletionView> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const { session, course } = await lockVisibleSession(tx, actor, sessionId);
    mayRecord(actor, session);
    if (session.status === 'cancelled') throw new AppError('conflict', 'This session was cancelled; nobody completes it.');
    const minPercent = course.completionMinPercent;
    if (session.endsAt > now) throw new AppError('conflict', 'This session has not ended yet; complete it once it is over.');
    const days = sessionDays(session);
    const rows = await tx.select().from(enrolments).where(and(eq(enrolments.sessionId, sessionId), eq(enrolments.state, 'confirmed'))).orderBy(asc(enrolments.position));
    const marks = rows.length ? await tx.select().from(sessionAttendance).where(inArray(sessionAttendance.enrolmentId, rows.map((r) => r.id))) : [];
    const missing: FieldError[] = [];
    const names = new Map((rows.length ? await tx.select({ id: people.id, name: people.name }).from(people).where(inArray(people.id, rows.map((r) => r.personId))) : []).map((p) => [p.id, p.name]));
    for (const row of rows) {
      const marked = new Set(marks.filter((m) => m.enrolmentId === row.id).map((m) => m.day));
      const lacking = days.filter((d) => !marked.has(d));
      if (lacking.length) missing.push({ field: row.id, message: `${names.get(row.personId) ?? 'Someone'} has no mark for ${lacking.join(', ')}.` });
    }
    if (missing.length) throw new AppError('conflict', `Attendance is incomplete: ${missing.map((m) => m.message).join(' ')}`, { fields: missing });
    const ctx = { now, actorId: actor.id };
    const out: CompletionView = { sessionId, completed: [], noShow: [] };
    for (const row of rows) {
      const present = marks.filter((m) => m.enrolmentId === row.id && m.present && days.includes(m.day)).length;
      const details = { daysPresent: present, days: days.length, rule: minPercent === 100 ? 'every-day' : `at-least-${minPercent}-percent`, completionMinPercent: minPercent };
      if (meetsCompletionRule(present, days.length, minPercent)) {
        await moveEnrolment(tx, ctx, row, 'completed', { completedAt: now }, { type: 'completed', details });
        await recordClockEvent(tx, deps.clock, { type: 'enrolment.completed', subject: { type: 'enrolment', id: row.id }, at: now });
        out.completed.push(row.id);
      } else {
        await moveEnrolment(tx, ctx, row, 'no_show', {}, { type: 'no_show', details });
        out.noShow.push(row.id);
      }
    }
    return out;
  });
}
