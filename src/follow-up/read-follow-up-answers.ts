import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor';
import type { DbOrTx } from '../platform/db/database';
import { AppError } from '../platform/http/app-error';
import { courseObjectives } from '../catalog/schema';
import { findCourses } from '../catalog/sessions-for-enrolment';
import { enrolments } from '../enrolment/schema';
import { peopleRefs } from '../enrolment/enrolment-people';
import { runsEnrolments } from '../enrolment/enrolment-staff';
import { visibleSession } from '../enrolment/session-roster';
import { respondentRoles } from './follow-up-values';
import type { FollowUpAnswersView } from './follow-up-schemas';
import { followUpAnswers, followUps } from './schema';

// The answers for the people who run and teach the course (AF-4): coordinators (with the unit lead
// and admins) see who said what; the session's instructor sees names only where the course did not
// choose anonymity. Anonymous responses carry no name, id or time, and all responses are ordered by
// role and what they say — never by when they came — so an instructor cannot match one to the
// person who answered last week.

const ratingOrder = { met: 0, partly: 1, not_met: 2 } as const;

async function answersOf(db: DbOrTx, courseId: string, enrolmentIds: string[], namesFor: (anonymous: boolean) => boolean): Promise<FollowUpAnswersView> {
  const course = (await findCourses(db, [courseId])).get(courseId);
  if (!course) throw AppError.notFound('This course');
  const objectives = await db.select().from(courseObjectives).where(eq(courseObjectives.courseId, courseId)).orderBy(asc(courseObjectives.position));
  const forms = enrolmentIds.length ? await db.select().from(followUps).where(inArray(followUps.enrolmentId, enrolmentIds)) : [];
  const answered = forms.filter((f) => f.answeredAt);
  const answers = answered.length ? await db.select().from(followUpAnswers).where(inArray(followUpAnswers.followUpId, answered.map((f) => f.id))) : [];
  const learnerOf = new Map(enrolmentIds.length ? (await db.select({ id: enrolments.id, personId: enrolments.personId }).from(enrolments).where(inArray(enrolments.id, enrolmentIds))).map((e) => [e.id, e.personId]) : []);
  const names = await peopleRefs(db, [...answered.map((f) => f.respondentId), ...learnerOf.values()]);
  const position = new Map(objectives.map((o, i) => [o.id, i]));
  const rate = (role: (typeof respondentRoles)[number]) => ({ sent: forms.filter((f) => f.respondentRole === role).length, answered: answered.filter((f) => f.respondentRole === role).length });
  const responses = answered.map((f) => {
    const named = namesFor(f.anonymous);
    const ratings = answers
      .filter((a) => a.followUpId === f.id)
      .sort((a, b) => (position.get(a.objectiveId) ?? 0) - (position.get(b.objectiveId) ?? 0))
      .map((a) => ({ objectiveId: a.objectiveId, rating: a.rating, example: a.example }));
    const person = (id: string | undefined) => (named && id && names.get(id) ? { id, name: names.get(id)!.name } : null);
    return { role: f.respondentRole, respondent: person(f.respondentId), learner: person(learnerOf.get(f.enrolmentId)), ratings, recommend: f.recommend!, comment: f.comment };
  });
  const key = (r: (typeof responses)[number]) => `${r.role}|${r.ratings.map((x) => ratingOrder[x.rating]).join('')}|${String(10 - r.recommend).padStart(2, '0')}|${r.comment ?? ''}`;
  responses.sort((a, b) => key(a).localeCompare(key(b)));
  return {
    course: { id: course.id, code: course.code, title: course.title },
    objectives: objectives.map((o) => ({ id: o.id, text: o.text, removed: !!o.removedAt })),
    namesHidden: answered.some((f) => !namesFor(f.anonymous)),
    rates: { learner: rate('learner'), supervisor: rate('supervisor') },
    responses,
  };
}

/** A session's follow-up answers: coordinators, and the session's instructor (without names where anonymous). */
export async function sessionFollowUpAnswers(db: DbOrTx, actor: Actor, sessionId: string): Promise<FollowUpAnswersView> {
  const { session, course } = await visibleSession(db, actor, sessionId);
  const staff = runsEnrolments(actor);
  if (!staff && session.instructorId !== actor.id) throw AppError.forbidden('A session’s follow-up answers are for the training unit’s coordinators and the session’s instructor.');
  const ids = (await db.select({ id: enrolments.id }).from(enrolments).where(and(eq(enrolments.sessionId, sessionId), isNotNull(enrolments.completedAt)))).map((e) => e.id);
  return answersOf(db, course.id, ids, (anonymous) => staff || !anonymous);
}

/** A self-paced course's follow-up answers (no session, so no instructor): coordinators only. */
export async function courseFollowUpAnswers(db: DbOrTx, actor: Actor, courseId: string): Promise<FollowUpAnswersView> {
  if (!runsEnrolments(actor)) throw AppError.forbidden('A course’s follow-up answers are for the training unit’s coordinators.');
  const ids = (await db.select({ id: enrolments.id }).from(enrolments).where(and(eq(enrolments.courseId, courseId), isNotNull(enrolments.completedAt)))).map((e) => e.id);
  return answersOf(db, courseId, ids, () => true);
}
