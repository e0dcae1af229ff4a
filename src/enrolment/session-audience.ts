import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor';
import type { DbOrTx } from '../platform/db/database';
import { AppError } from '../platform/http/app-error';
import { findAudienceUnitIds } from '../catalog/sessions-for-enrolment';
import type { SessionAudienceView } from './enrolment-schemas';
import { runsEnrolments } from './enrolment-staff';
import { enrolmentViews } from './enrolment-view';
import { unitsByIds } from './enrolment-people';
import { fitRuleLabels, fitRules } from './audience-values';
import { introductoryBy } from './fit-rules';
import { visibleSession } from './session-roster';
import { enrolments } from './schema';

const LIMIT = 20_000;

/**
 * A session's audience analysis (CA-4) for the coordinators and its instructor: who is coming, in
 * their words (role, reason, experience, self-rated level), what their supervisors expect, the
 * flags the fit check raised, and how many each rule flags — right people, right class, right reasons.
 */
export async function sessionAudience(db: DbOrTx, actor: Actor, sessionId: string, now: Date): Promise<SessionAudienceView> {
  const { session, course } = await visibleSession(db, actor, sessionId);
  if (!runsEnrolments(actor) && session.instructorId !== actor.id) throw AppError.forbidden('A session’s audience analysis is for the training unit’s coordinators and the session’s instructor.');
  const rows = await db
    .select()
    .from(enrolments)
    .where(and(eq(enrolments.sessionId, sessionId), inArray(enrolments.state, ['pending_approval', 'confirmed', 'waitlisted'])))
    .orderBy(asc(enrolments.position))
    .limit(LIMIT);
  const applicants = await enrolmentViews(db, actor, rows, now);
  const units = await unitsByIds(db, (await findAudienceUnitIds(db, [course.id])).get(course.id) ?? []);
  const count = (test: (a: (typeof applicants)[number]) => boolean) => applicants.filter(test).length;
  return {
    sessionId,
    approvalMode: session.approvalMode,
    course: {
      id: course.id,
      code: course.code,
      title: course.title,
      audience: course.audience,
      prerequisites: course.prerequisites,
      audienceUnits: units.sort((a, b) => a.name.localeCompare(b.name)),
      introductory: introductoryBy(course),
    },
    summary: {
      applicants: applicants.length,
      answered: count((a) => !!a.audience?.answers),
      withExpectations: count((a) => !!a.audience?.expectations),
      flagged: count((a) => (a.audience?.flags?.length ?? 0) > 0),
      byRule: fitRules.map((rule) => ({ rule, label: fitRuleLabels[rule], count: count((a) => !!a.audience?.flags?.some((f) => f.rule === rule)) })),
    },
    applicants,
  };
}
