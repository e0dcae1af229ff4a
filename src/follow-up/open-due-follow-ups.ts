import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import type { Jobs } from '../platform/jobs/jobs';
import { hashToken, newToken } from '../platform/auth/tokens';
import { courseSessions, courses } from '../catalog/schema';
import { loadCourseParts } from '../catalog/course-parts';
import { enrolments } from '../enrolment/schema';
import { findEnrollee } from '../enrolment/enrolment-people';
import type { RespondentRole } from './follow-up-values';
import { mailFollowUp } from './follow-up-mails';
import { remindFollowUps } from './remind-follow-ups';
import { followUps } from './schema';

export const FOLLOW_UP_JOB = 'follow-up.open-and-remind';
export const FORM_OPEN_DAYS = 21;
/**
 * A follow-up due longer ago than this is not opened. It asks how applying the course is going a
 * few weeks on; one that fell due months ago (a completion recorded or imported late, Stride down,
 * or every past completion on the day this feature shipped) would mail people about ancient history
 * and measure something else. Relative to the due moment, not to completion, so a course with a
 * long interval (up to 365 days) still gets its follow-up.
 */
export const LATE_LIMIT_DAYS = 30;
const BATCH = 100;
const DAY = 86_400_000;

export type FollowUpDeps = { db: Db; clock: Clock; publicUrl: string };

/**
 * AF-4: every completed enrolment whose course's follow-up interval has passed, and which has no
 * follow-up yet, gets one form for the learner and one for their supervisor (their manager now;
 * none without one), each with its single-use link mailed — one transaction per enrolment, so a
 * failure leaves the others done and this one whole to retry. Returns how many forms were opened.
 */
export async function openDueFollowUps(deps: FollowUpDeps): Promise<number> {
  const now = deps.clock.now();
  const courseOf = sql`coalesce(${enrolments.courseId}, ${courseSessions.courseId})`;
  const dueAt = sql`${enrolments.completedAt} + ${courses.followUpDays} * interval '1 day'`;
  let opened = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await deps.db
      .select({ enrolmentId: enrolments.id, personId: enrolments.personId, courseId: courses.id, title: courses.title, anonymous: courses.followUpAnonymous })
      .from(enrolments)
      .leftJoin(courseSessions, eq(courseSessions.id, enrolments.sessionId))
      .innerJoin(courses, sql`${courses.id} = ${courseOf}`)
      .where(
        and(
          eq(enrolments.state, 'completed'),
          gt(enrolments.id, after),
          sql`${dueAt} <= ${now.toISOString()}::timestamptz`,
          sql`${dueAt} > ${new Date(now.getTime() - LATE_LIMIT_DAYS * DAY).toISOString()}::timestamptz`,
          // The same window said of the completion itself, which its index can answer: due no later
          // than now and within the late limit means completed at most the longest interval before.
          // Without it every completion ever was read every quarter of an hour (2.3 s at a million enrolments).
          sql`${enrolments.completedAt} <= ${now.toISOString()}::timestamptz`,
          sql`${enrolments.completedAt} > ${new Date(now.getTime() - LATE_LIMIT_DAYS * DAY).toISOString()}::timestamptz - (SELECT max(${courses.followUpDays}) FROM ${courses}) * interval '1 day'`,
          sql`NOT EXISTS (SELECT 1 FROM ${followUps} WHERE ${followUps.enrolmentId} = ${enrolments.id})`,
        ),
      )
      .orderBy(asc(enrolments.id))
      .limit(BATCH);
    for (const row of rows) opened += await openFor(deps, now, row);
    if (rows.length < BATCH) return opened;
    after = rows[rows.length - 1]!.enrolmentId;
  }
}

type Due = { enrolmentId: string; personId: string; courseId: string; title: string; anonymous: boolean };

async function openFor(deps: FollowUpDeps, now: Date, due: Due): Promise<number> {
  return deps.db.transaction(async (tx) => {
    const learner = await findEnrollee(tx, due.personId);
    // Someone who has left the organization is not asked, nor is anyone about them.
    if (!learner?.active) return 0;
    const objectives = ((await loadCourseParts(tx, [due.courseId])).objectives.get(due.courseId) ?? []).map((o) => o.text);
    const closesAt = new Date(now.getTime() + FORM_OPEN_DAYS * DAY);
    const respondents: { role: RespondentRole; person: { id: string; name: string; email: string } }[] = [{ role: 'learner', person: learner }];
    if (learner.manager?.active) respondents.push({ role: 'supervisor', person: learner.manager });
    let opened = 0;
    for (const { role, person } of respondents) {
      const token = newToken();
      const [row] = await tx
        .insert(followUps)
        .values({ enrolmentId: due.enrolmentId, respondentRole: role, respondentId: person.id, tokenHash: hashToken(token), anonymous: due.anonymous, openedAt: now, closesAt })
        .onConflictDoNothing({ target: [followUps.enrolmentId, followUps.respondentRole] })
        .returning({ id: followUps.id });
      if (!row) continue; // another run opened it meanwhile, and mailed it
      await mailFollowUp(tx, { enrolmentId: due.enrolmentId, role, to: { name: person.name, email: person.email }, learnerName: learner.name, courseTitle: due.title, objectives, closesAt, publicUrl: deps.publicUrl }, { token });
      opened += 1;
    }
    return opened;
  });
}

/** Every quarter of an hour: forms open, and reminders go, within 15 minutes of their moment. */
export async function registerFollowUpJobs(jobs: Jobs, deps: FollowUpDeps): Promise<void> {
  await jobs.work(FOLLOW_UP_JOB, async () => {
    await openDueFollowUps(deps);
    await remindFollowUps(deps);
  });
  await jobs.schedule(FOLLOW_UP_JOB, '*/15 * * * *');
}
