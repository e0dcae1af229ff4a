import { and, asc, eq, gt, inArray, lte } from 'drizzle-orm';
import type { Db, DbOrTx } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import type { Jobs } from '../platform/jobs/jobs';
import { courseSessions } from '../catalog/schema';
import { MAX_REMINDER_MINUTES } from '../catalog/session-schemas';
import { findCourses } from '../catalog/sessions-for-enrolment';
import { loadCourseParts } from '../catalog/course-parts';
import { mailReminder } from './enrolment-mails';
import { findEnrollee } from './enrolment-people';
import { enrolmentReminders, enrolments } from './schema';

export const SEND_REMINDERS_JOB = 'enrolment.send-reminders';
/** Sessions whose reminders are written in one transaction (each has its seats' worth of learners). */
const SESSIONS_PER_BATCH = 10;
const MINUTE = 60_000;

/**
 * Mails each confirmed learner the reminders their session's schedule asks for (CA-5; by default
 * 7 days and 1 day before), once each: a row in enrolment_reminders, written with the mail in one
 * transaction, says it went. A reminder whose moment came before the seat was confirmed is skipped
 * (the confirmation said it all); one whose moment passed while Stride was down goes late, as long
 * as the session is still ahead. A moved session gets its reminders again for the new time.
 * Returns how many reminders were queued.
 */
export async function sendDueReminders(db: Db, clock: Clock, publicUrl: string): Promise<number> {
  const now = clock.now();
  const inWindow = and(eq(courseSessions.status, 'scheduled'), gt(courseSessions.startsAt, now), lte(courseSessions.startsAt, new Date(now.getTime() + MAX_REMINDER_MINUTES * MINUTE)));
  // The sessions in the window first, from their start index, then their confirmed learners by
  // session: paging the join by enrolment id walked every enrolment ever written (8.5 s a quarter
  // hour on the embedded engine at a million enrolments, with its one connection held).
  const sessionIds = (await db.select({ id: courseSessions.id }).from(courseSessions).where(inWindow).orderBy(asc(courseSessions.id))).map((r) => r.id);
  let sent = 0;
  for (let i = 0; i < sessionIds.length; i += SESSIONS_PER_BATCH) {
    const chunk = sessionIds.slice(i, i + SESSIONS_PER_BATCH);
    sent += await db.transaction(async (tx) => {
      // Read again in the transaction that writes: a session moved or cancelled since is seen as it is now.
      const rows = await tx
        .select({ enrolment: enrolments, session: courseSessions })
        .from(enrolments)
        .innerJoin(courseSessions, eq(courseSessions.id, enrolments.sessionId))
        .where(and(inArray(enrolments.sessionId, chunk), eq(enrolments.state, 'confirmed'), inWindow))
        .orderBy(asc(enrolments.id));
      return remindBatch(tx, rows, now, publicUrl);
    });
  }
  return sent;
}

type Row = { enrolment: typeof enrolments.$inferSelect; session: typeof courseSessions.$inferSelect };

async function remindBatch(tx: DbOrTx, rows: Row[], now: Date, publicUrl: string): Promise<number> {
  const due = rows.flatMap(({ enrolment, session }) =>
    session.reminderOffsetsMinutes
      .map((offset) => ({ enrolment, session, offset, at: new Date(session.startsAt.getTime() - offset * MINUTE) }))
      .filter((r) => r.at <= now && (!enrolment.confirmedAt || r.at >= enrolment.confirmedAt)),
  );
  if (due.length === 0) return 0;
  const done = await tx
    .select()
    .from(enrolmentReminders)
    .where(inArray(enrolmentReminders.enrolmentId, [...new Set(due.map((d) => d.enrolment.id))]));
  const sentKey = (id: string, offset: number, startsAt: Date) => `${id}:${offset}:${startsAt.getTime()}`;
  const already = new Set(done.map((r) => sentKey(r.enrolmentId, r.offsetMinutes, r.sessionStartsAt)));
  const todo = due.filter((d) => !already.has(sentKey(d.enrolment.id, d.offset, d.session.startsAt)));
  if (todo.length === 0) return 0;
  const courseIds = [...new Set(todo.map((d) => d.session.courseId))];
  const courses = await findCourses(tx, courseIds);
  const parts = await loadCourseParts(tx, courseIds);
  let sent = 0;
  // The nearest reminder only, when two fall due together (Stride was down): one message, not two.
  const nearest = new Map<string, (typeof todo)[number]>();
  for (const d of todo) {
    const seen = nearest.get(d.enrolment.id);
    if (!seen || d.offset < seen.offset) nearest.set(d.enrolment.id, d);
  }
  for (const d of todo) {
    const course = courses.get(d.session.courseId);
    const person = await findEnrollee(tx, d.enrolment.personId);
    const inserted = await tx
      .insert(enrolmentReminders)
      .values({ enrolmentId: d.enrolment.id, offsetMinutes: d.offset, sessionStartsAt: d.session.startsAt, sentAt: now })
      .onConflictDoNothing()
      .returning();
    if (inserted.length === 0 || !course || !person || nearest.get(d.enrolment.id) !== d) continue;
    await mailReminder(tx, { publicUrl, now }, { enrolment: d.enrolment, person: { name: person.name, email: person.email }, course, session: d.session }, { offsetMinutes: d.offset, objectives: parts.objectives.get(course.id) ?? [] });
    sent += 1;
  }
  return sent;
}

/** Every quarter of an hour: a reminder goes within 15 minutes of its moment. */
export async function registerEnrolmentJobs(jobs: Jobs, db: Db, clock: Clock, publicUrl: string): Promise<void> {
  await jobs.work(SEND_REMINDERS_JOB, async () => {
    await sendDueReminders(db, clock, publicUrl);
  });
  await jobs.schedule(SEND_REMINDERS_JOB, '*/15 * * * *');
}
