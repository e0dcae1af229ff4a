import { eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import { people } from '../people/schema';
import { courseObjectives, courses, courseSessions } from '../catalog/schema';
import { enrolments } from '../enrolment/schema';
import { openRequestOnBehalf } from '../requests/open-request-on-behalf';
import { supportCases } from './schema';

const learner = alias(people, 'learner');

/**
 * A support case decided 'diagnosis' (AF-5 → RQ-3): the unit looks at the causes before any more
 * training, through a training request opened in the decision's transaction. The request is the
 * learner's supervisor's — who answers for the work and accepts the recommendation — or the
 * learner's when they have none; it says which objectives are not met and why the case was
 * referred, and links back to the case. Deciding 'diagnosis' again finds the same live request.
 */
export async function referToDiagnosis(tx: DbOrTx, clock: Clock, caseId: string, actorId: string, reason: string): Promise<{ requestId: string; reference: string }> {
  const [row] = await tx
    .select({ learnerId: learner.id, learnerName: learner.name, managerId: learner.managerId, courseTitle: courses.title, objectiveIds: supportCases.objectiveIds })
    .from(supportCases)
    .innerJoin(enrolments, eq(enrolments.id, supportCases.enrolmentId))
    .innerJoin(learner, eq(learner.id, enrolments.personId))
    .leftJoin(courseSessions, eq(courseSessions.id, enrolments.sessionId))
    .innerJoin(courses, eq(courses.id, sql`coalesce(${enrolments.courseId}, ${courseSessions.courseId})`))
    .where(eq(supportCases.id, caseId));
  if (!row) throw new Error(`support case ${caseId} vanished while referring it`);
  const objectives = await tx.select({ text: courseObjectives.text }).from(courseObjectives).where(inArray(courseObjectives.id, row.objectiveIds)).orderBy(courseObjectives.position);
  const notMet = objectives.map((o) => `- ${o.text}`).join('\n');
  return openRequestOnBehalf(tx, clock, {
    requesterId: row.managerId ?? row.learnerId,
    openedBy: actorId,
    origin: 'support_case',
    originId: caseId,
    title: `Diagnosis after ${row.courseTitle}: ${row.learnerName}`,
    problem: `After ${row.courseTitle}, these objectives are still reported not met:\n${notMet}\n\nWhy the support case was referred to a diagnosis:\n${reason}`,
    audience: row.learnerName,
    audienceSize: 1,
    desiredOutcome: `${row.learnerName} applies the course’s objectives on the job.`,
    proposedSolution: 'None yet: the support case asks what causes the gap before any more training.',
  });
}
