import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../platform/db/database';
import { isStaff, type Actor } from '../platform/auth/actor';
import { AppError } from '../platform/http/app-error';
import { people } from '../people/schema';
import { courseObjectives, courseSessions, courses } from '../catalog/schema';
import { enrolments } from '../enrolment/schema';
import { runsEnrolments } from '../enrolment/enrolment-staff';

// Who a retention plan (AF-6) is between: the learner of a completed enrolment and their
// supervisor — the learner's manager in the org chart, read now, so a new manager takes over an
// open plan. Read-only joins across enrolments, people and the catalog, like enrolment-people.ts:
// a list of plans is one query, not one look-up per row.

export type Party = { id: string; name: string; email: string; active: boolean };
export type PlanParties = {
  enrolmentId: string;
  state: string;
  completedAt: Date | null;
  learner: Party;
  supervisor: Party | null;
  course: { id: string; code: string; title: string };
};

const manager = alias(people, 'retention_manager');
const sessionCourse = alias(courses, 'retention_session_course');
const directCourse = alias(courses, 'retention_direct_course');

/** The columns every read of a plan's enrolment needs; the course comes through its session or directly (e-learning). */
export const partyColumns = {
  enrolmentId: enrolments.id,
  state: enrolments.state,
  completedAt: enrolments.completedAt,
  learnerId: people.id,
  learnerName: people.name,
  learnerEmail: people.email,
  learnerActive: people.active,
  managerId: manager.id,
  managerName: manager.name,
  managerEmail: manager.email,
  managerActive: manager.active,
  courseId: sql<string>`coalesce(${sessionCourse.id}, ${directCourse.id})`,
  courseCode: sql<string>`coalesce(${sessionCourse.code}, ${directCourse.code})`,
  courseTitle: sql<string>`coalesce(${sessionCourse.title}, ${directCourse.title})`,
};

type PartyRow = { [K in keyof typeof partyColumns]: unknown };

export function partiesOf(row: PartyRow): PlanParties {
  const r = row as Record<string, unknown>;
  return {
    enrolmentId: r.enrolmentId as string,
    state: r.state as string,
    completedAt: (r.completedAt as Date | null) ?? null,
    learner: { id: r.learnerId as string, name: r.learnerName as string, email: r.learnerEmail as string, active: r.learnerActive as boolean },
    supervisor: r.managerId ? { id: r.managerId as string, name: r.managerName as string, email: r.managerEmail as string, active: r.managerActive as boolean } : null,
    course: { id: r.courseId as string, code: r.courseCode as string, title: r.courseTitle as string },
  };
}

/** The enrolments joined to their learner, the learner's manager and the course; filter with `where`. */
export function selectParties(tx: DbOrTx) {
  return tx
    .select(partyColumns)
    .from(enrolments)
    .innerJoin(people, eq(people.id, enrolments.personId))
    .leftJoin(manager, eq(manager.id, people.managerId))
    .leftJoin(courseSessions, eq(courseSessions.id, enrolments.sessionId))
    .leftJoin(sessionCourse, eq(sessionCourse.id, courseSessions.courseId))
    .leftJoin(directCourse, eq(directCourse.id, enrolments.courseId));
}

export async function findParties(tx: DbOrTx, enrolmentId: string): Promise<PlanParties | undefined> {
  const [row] = await selectParties(tx).where(eq(enrolments.id, enrolmentId));
  return row ? partiesOf(row) : undefined;
}

/** Enrolments of the caller (mine) or of their direct reports (team). */
export const mineOrTeam = (actorId: string, scope: 'mine' | 'team'): SQL => (scope === 'mine' ? eq(enrolments.personId, actorId) : eq(people.managerId, actorId));

/** The course's live objectives, in their order: what the plan is built on. */
export async function liveObjectives(tx: DbOrTx, courseId: string): Promise<{ id: string; text: string }[]> {
  return tx
    .select({ id: courseObjectives.id, text: courseObjectives.text })
    .from(courseObjectives)
    .where(and(eq(courseObjectives.courseId, courseId), isNull(courseObjectives.removedAt)))
    .orderBy(asc(courseObjectives.position));
}

/** Objectives by id, live or since removed (an action may point at one a later revision dropped). */
export async function objectivesByIds(tx: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.select({ id: courseObjectives.id, text: courseObjectives.text }).from(courseObjectives).where(inArray(courseObjectives.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.text]));
}

export type Side = 'learner' | 'supervisor' | 'coordinator' | 'reader';

/**
 * The caller's side of the plan, or a 404 for anyone with no part in it (its existence is not
 * theirs to know). Coordinators (and the unit lead, admins) act on anyone's plan; other staff and
 * leaders read it.
 */
export function sideOf(actor: Actor, parties: PlanParties): Side {
  if (parties.learner.id === actor.id) return 'learner';
  if (parties.supervisor?.id === actor.id) return 'supervisor';
  if (runsEnrolments(actor)) return 'coordinator';
  if (isStaff(actor)) return 'reader';
  throw AppError.notFound('The retention plan');
}

export const mayEdit = (side: Side) => side !== 'reader';

/** Only the supervisor confirms the objectives are applied; a coordinator stands in when the learner has none. */
export function mayClose(side: Side, parties: PlanParties): boolean {
  return side === 'supervisor' || (side === 'coordinator' && !parties.supervisor);
}

