import { and, desc, eq, or, type SQL } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor';
import type { DbOrTx } from '../platform/db/database';
import { ofReportsOf } from './enrolment-people';
import type { EnrolmentView, LearningView } from './enrolment-schemas';
import { runsEnrolments } from './enrolment-staff';
import { enrolmentViews } from './enrolment-view';
import { isLive } from './enrolment-values';
import { enrolments } from './schema';

// "My learning" and a supervisor's view of their team (CA-3, issue 5 item 8): enrolments with their
// state, split into what is ahead and what is behind.

const LIMIT = 500;

function split(views: EnrolmentView[], now: Date): LearningView {
  const ahead = (v: EnrolmentView) => (v.session ? Date.parse(v.session.endsAt) > now.getTime() : isLive(v.state));
  const start = (v: EnrolmentView) => (v.session ? Date.parse(v.session.startsAt) : Date.parse(v.appliedAt));
  return {
    upcoming: views.filter(ahead).sort((a, b) => start(a) - start(b)),
    past: views.filter((v) => !ahead(v)).sort((a, b) => start(b) - start(a)),
  };
}

async function listWhere(db: DbOrTx, actor: Actor, where: SQL | undefined, now: Date): Promise<LearningView> {
  const rows = await db.select().from(enrolments).where(where).orderBy(desc(enrolments.appliedAt)).limit(LIMIT);
  return split(await enrolmentViews(db, actor, rows, now), now);
}

/** The caller's own enrolments. */
export async function listMyLearning(db: DbOrTx, actor: Actor, now: Date): Promise<LearningView> {
  return listWhere(db, actor, eq(enrolments.personId, actor.id), now);
}

/** The enrolments of the caller's reports, direct and further down (one of them with `personId`); empty for someone without reports. */
export async function listTeamLearning(db: DbOrTx, actor: Actor, now: Date, personId?: string): Promise<LearningView> {
  const where = and(ofReportsOf(actor.id), personId ? eq(enrolments.personId, personId) : undefined);
  return listWhere(db, actor, where, now);
}

/**
 * Applications waiting for the caller's decision, oldest first: their reports' where a supervisor
 * approves, and for the unit's coordinators every one where a coordinator approves. Never their own.
 */
export async function listAwaitingApproval(db: DbOrTx, actor: Actor, now: Date): Promise<EnrolmentView[]> {
  const whose = or(and(eq(enrolments.approvalBy, 'supervisor'), ofReportsOf(actor.id)), runsEnrolments(actor) ? eq(enrolments.approvalBy, 'coordinator') : undefined);
  const rows = await db
    .select()
    .from(enrolments)
    .where(and(eq(enrolments.state, 'pending_approval'), whose))
    .orderBy(enrolments.appliedAt)
    .limit(LIMIT);
  return enrolmentViews(db, actor, rows.filter((r) => r.personId !== actor.id), now);
}
