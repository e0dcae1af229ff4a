import { eq } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor';
import type { DbOrTx } from '../platform/db/database';
import { AppError } from '../platform/http/app-error';
import { hashToken } from '../platform/auth/tokens';
import { findCourses, findSessionsWithCourses } from '../catalog/sessions-for-enrolment';
import { loadCourseParts } from '../catalog/course-parts';
import { enrolments } from '../enrolment/schema';
import { findEnrollee } from '../enrolment/enrolment-people';
import type { FollowUpFormView } from './follow-up-schemas';
import { followUps } from './schema';

// One form, two doors (AF-4): the single-use link in the mail (no sign-in: the token is the
// credential) and, for a signed-in respondent, the form's id. Both find the same row and go through
// the same view and the same answering code. Someone else's id answers 404, as if it did not exist.

export type FollowUpRow = typeof followUps.$inferSelect;
export type FollowUpLocator = { token: string } | { id: string; actor: Actor };

export async function findFollowUp(tx: DbOrTx, at: FollowUpLocator, lock = false): Promise<FollowUpRow> {
  const where = 'token' in at ? eq(followUps.tokenHash, hashToken(at.token)) : eq(followUps.id, at.id);
  const query = tx.select().from(followUps).where(where);
  const [row] = lock ? await query.for('update') : await query;
  if (!row || ('actor' in at && row.respondentId !== at.actor.id)) throw AppError.notFound('This follow-up');
  return row;
}

export const stateOf = (row: Pick<FollowUpRow, 'answeredAt' | 'closesAt'>, now: Date) => (row.answeredAt ? 'answered' : row.closesAt <= now ? 'closed' : 'open');

/** The course's objectives as they are now (removed ones are no longer asked about). */
export async function formObjectives(tx: DbOrTx, courseId: string): Promise<{ id: string; text: string }[]> {
  return (await loadCourseParts(tx, [courseId])).objectives.get(courseId) ?? [];
}

/** What the respondent sees: course, session date, the learner's name, the objectives, whether it is still open. */
export async function formView(tx: DbOrTx, row: FollowUpRow, now: Date): Promise<FollowUpFormView & { courseId: string }> {
  const [enrolment] = await tx.select().from(enrolments).where(eq(enrolments.id, row.enrolmentId));
  if (!enrolment) throw AppError.notFound('This follow-up');
  const found = enrolment.sessionId ? (await findSessionsWithCourses(tx, [enrolment.sessionId])).get(enrolment.sessionId) : undefined;
  const course = found?.course ?? (enrolment.courseId ? (await findCourses(tx, [enrolment.courseId])).get(enrolment.courseId) : undefined);
  const learner = await findEnrollee(tx, enrolment.personId);
  if (!course || !learner) throw AppError.notFound('This follow-up');
  return {
    id: row.id,
    courseId: course.id,
    role: row.respondentRole,
    state: stateOf(row, now),
    course: { code: course.code, title: course.title },
    session: found ? { startsAt: found.session.startsAt.toISOString(), timeZone: found.session.timeZone } : null,
    learnerName: learner.name,
    objectives: await formObjectives(tx, course.id),
    anonymousToInstructor: row.anonymous,
    closesAt: row.closesAt.toISOString(),
    answeredAt: row.answeredAt?.toISOString() ?? null,
  };
}

/** Reads only: opening the page (or a mail scanner following the link) spends nothing. */
export async function readFollowUp(db: DbOrTx, at: FollowUpLocator, now: Date): Promise<FollowUpFormView> {
  const { courseId: _, ...view } = await formView(db, await findFollowUp(db, at), now);
  return view;
}
