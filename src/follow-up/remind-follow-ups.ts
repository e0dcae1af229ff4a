import { and, asc, eq, gt, isNull, lte, sql } from 'drizzle-orm';
import { courseSessions, courses } from '../catalog/schema';
import { loadCourseParts } from '../catalog/course-parts';
import { enrolments } from '../enrolment/schema';
import { findEnrollee } from '../enrolment/enrolment-people';
import { people } from '../people/schema';
import { mailFollowUp } from './follow-up-mails';
import type { FollowUpDeps } from './open-due-follow-ups';
import { followUps } from './schema';

/** Days after opening that a non-respondent is reminded: once at each, never more. */
export const REMINDER_DAYS = [7, 14] as const;
const DAY = 86_400_000;
const BATCH = 100;

/**
 * AF-4: reminds those who have not answered an open form, once at +7 and once at +14 days. The
 * update of reminder_count, guarded by its old value, and the mail (keyed by the count) commit
 * together, so two runs remind once. When both fall due together (Stride was down), one message.
 * Nothing after answering or once the form has closed. Returns how many reminders were queued.
 */
export async function remindFollowUps(deps: FollowUpDeps): Promise<number> {
  const now = deps.clock.now();
  const firstDue = new Date(now.getTime() - REMINDER_DAYS[0] * DAY);
  let sent = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await deps.db
      .select()
      .from(followUps)
      .where(and(isNull(followUps.answeredAt), gt(followUps.closesAt, now), lte(followUps.openedAt, firstDue), sql`${followUps.reminderCount} < ${REMINDER_DAYS.length}`, gt(followUps.id, after)))
      .orderBy(asc(followUps.id))
      .limit(BATCH);
    for (const row of rows) {
      const due = REMINDER_DAYS.filter((d) => row.openedAt.getTime() + d * DAY <= now.getTime()).length;
      if (due > row.reminderCount) sent += await remind(deps, now, row, due);
    }
    if (rows.length < BATCH) return sent;
    after = rows[rows.length - 1]!.id;
  }
}

async function remind(deps: FollowUpDeps, now: Date, row: typeof followUps.$inferSelect, count: number): Promise<number> {
  return deps.db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(followUps)
      .set({ reminderCount: count, lastRemindedAt: now })
      .where(and(eq(followUps.id, row.id), eq(followUps.reminderCount, row.reminderCount), isNull(followUps.answeredAt)))
      .returning({ id: followUps.id });
    if (!claimed) return 0;
    const [target] = await tx
      .select({ enrolmentId: enrolments.id, personId: enrolments.personId, courseId: courses.id, title: courses.title })
      .from(enrolments)
      .leftJoin(courseSessions, eq(courseSessions.id, enrolments.sessionId))
      .innerJoin(courses, sql`${courses.id} = coalesce(${enrolments.courseId}, ${courseSessions.courseId})`)
      .where(eq(enrolments.id, row.enrolmentId));
    const [respondent] = await tx.select({ name: people.name, email: people.email, active: people.active }).from(people).where(eq(people.id, row.respondentId));
    if (!target || !respondent?.active) return 0; // counted, so not tried again, but no mail to someone who left
    const learner = await findEnrollee(tx, target.personId);
    const objectives = ((await loadCourseParts(tx, [target.courseId])).objectives.get(target.courseId) ?? []).map((o) => o.text);
    await mailFollowUp(
      tx,
      { enrolmentId: row.enrolmentId, role: row.respondentRole, to: { name: respondent.name, email: respondent.email }, learnerName: learner?.name ?? 'your team member', courseTitle: target.title, objectives, closesAt: row.closesAt, publicUrl: deps.publicUrl },
      { reminder: count, followUpId: row.id, openedAt: row.openedAt },
    );
    return 1;
  });
}
