import { and, asc, eq, notInArray } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor';
import type { DbOrTx } from '../platform/db/database';
import { AppError } from '../platform/http/app-error';
import { editsCatalog } from '../catalog/catalog-editors';
import { findSessionsWithCourses } from '../catalog/sessions-for-enrolment';
import type { RosterView, SessionSeatsView } from './enrolment-schemas';
import { runsEnrolments } from './enrolment-staff';
import { enrolmentViews } from './enrolment-view';
import { endedStates } from './enrolment-values';
import { countSeats } from './seats';
import { whyClosed } from './session-openness';
import { enrolments } from './schema';
import { fitPerson } from './enrolment-people';

const ROSTER_LIMIT = 20_000;

export async function visibleSession(db: DbOrTx, actor: Actor, id: string) {
  const found = (await findSessionsWithCourses(db, [id])).get(id);
  if (!found || (found.course.status !== 'published' && !editsCatalog(actor))) throw AppError.notFound('This session');
  return found;
}

/** Who is booked on a session, the waitlist in the order seats will go, and who waits for approval: for coordinators and the session's instructor. */
export async function sessionRoster(db: DbOrTx, actor: Actor, sessionId: string, now: Date): Promise<RosterView> {
  const { session } = await visibleSession(db, actor, sessionId);
  if (!runsEnrolments(actor) && session.instructorId !== actor.id) throw AppError.forbidden('A session’s roster is for the training unit’s coordinators and the session’s instructor.');
  const rows = await db.select().from(enrolments).where(eq(enrolments.sessionId, sessionId)).orderBy(asc(enrolments.position)).limit(ROSTER_LIMIT);
  const views = await enrolmentViews(db, actor, rows, now);
  const seats = (await countSeats(db, [session])).get(session.id)!;
  const ended = views.filter((v) => v.state === 'declined' || v.state === 'cancelled');
  const at = (v: (typeof views)[number]) => Date.parse(v.cancelledAt ?? v.approval?.decidedAt ?? v.appliedAt);
  return {
    sessionId,
    seats,
    confirmed: views.filter((v) => v.state === 'confirmed'),
    waitlist: views.filter((v) => v.state === 'waitlisted'),
    pendingApproval: views.filter((v) => v.state === 'pending_approval'),
    ended: ended.sort((a, b) => at(b) - at(a)),
  };
}

/** What the apply button needs: the seats, whether the caller can apply now, their own live enrolment, and what the form asks (CA-4). */
export async function sessionSeatsForMe(db: DbOrTx, actor: Actor, sessionId: string, now: Date): Promise<SessionSeatsView> {
  const target = await visibleSession(db, actor, sessionId);
  const { session } = target;
  const [mine] = await db
    .select()
    .from(enrolments)
    .where(and(eq(enrolments.sessionId, sessionId), eq(enrolments.personId, actor.id), notInArray(enrolments.state, [...endedStates])));
  const closed = whyClosed(target, now, 'applicant');
  const me = await fitPerson(db, actor.id);
  const prerequisites = target.course.prerequisites.trim();
  return {
    sessionId,
    seats: (await countSeats(db, [session])).get(session.id)!,
    approvalMode: session.approvalMode,
    enrolmentDeadline: session.enrolmentDeadline.toISOString(),
    open: !closed && !mine,
    closedReason: closed ?? (mine ? 'You already have a place in this session (or an application waiting).' : null),
    mine: mine ? (await enrolmentViews(db, actor, [mine], now))[0]! : null,
    questions: { role: me?.jobTitle ?? '', prerequisites: prerequisites || null },
  };
}
