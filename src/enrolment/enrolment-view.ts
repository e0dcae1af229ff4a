import { asc, eq, inArray, or } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor';
import type { DbOrTx } from '../platform/db/database';
import { findCourses, findSessionsWithCourses } from '../catalog/sessions-for-enrolment';
import { toLocalDateTime } from '../catalog/zoned-time';
import type { CourseRow } from '../catalog/read-course';
import type { SessionRow } from '../catalog/session-view';
import { actsFor, decides, type Relation } from './enrolment-access';
import type { EnrolmentRow } from './enrolment-history';
import { managedAmong, peopleRefs } from './enrolment-people';
import type { EnrolmentDetailView, EnrolmentView } from './enrolment-schemas';
import { runsEnrolments } from './enrolment-staff';
import { isLive } from './enrolment-values';
import { countSeats, waitlistRanks, type Seats } from './seats';
import { enrolmentEvents, enrolments } from './schema';
import { audienceViewOf, loadAudience } from './audience-views';

const iso = (d: Date | null) => d?.toISOString() ?? null;

function sessionSummary(session: SessionRow, showLink: boolean): NonNullable<EnrolmentView['session']> {
  return {
    id: session.id,
    status: session.status,
    startsAt: session.startsAt.toISOString(),
    endsAt: session.endsAt.toISOString(),
    timeZone: session.timeZone,
    startsLocal: toLocalDateTime(session.startsAt, session.timeZone),
    endsLocal: toLocalDateTime(session.endsAt, session.timeZone),
    place: session.place,
    online: !!session.joinUrl,
    joinUrl: showLink ? session.joinUrl : null,
    enrolmentDeadline: session.enrolmentDeadline.toISOString(),
    approvalMode: session.approvalMode,
  };
}

/** Whether an enrolment can still change: its session has not started (and is not cancelled, for a seat to pass on). */
const sessionAhead = (session: SessionRow | undefined, now: Date) => !session || session.startsAt > now;

/**
 * Enrolments as the API shows them to `actor`: with their course and session, the session's seats,
 * the waitlist position, the names involved, the audience analysis (CA-4: its flags for those who
 * decide or teach, not for the learner), and what the actor may do now. A few queries for any
 * number of rows.
 */
export async function enrolmentViews(tx: DbOrTx, actor: Actor, rows: EnrolmentRow[], now: Date): Promise<EnrolmentView[]> {
  return enrolmentViewsFor(tx, rows.map((row) => ({ actor, row, now })));
}

/**
 * The same, each row shown to its own actor at its own moment (a crowd's applications answered
 * together). `seats`, when given, is the session's seats as that row's change left them, for a
 * row whose change was followed by others in the same transaction.
 */
export async function enrolmentViewsFor(
  tx: DbOrTx,
  items: { actor: Actor; row: EnrolmentRow; now: Date; seats?: Seats }[],
  /** The session every row is in, already read under its lock: not read again. */
  known?: { session: SessionRow; course: CourseRow },
): Promise<EnrolmentView[]> {
  const rows = items.map((i) => i.row);
  if (rows.length === 0) return [];
  const sessionIds = rows.map((r) => r.sessionId).filter((id): id is string => !!id);
  const allKnown = !!known && sessionIds.length === rows.length && sessionIds.every((id) => id === known.session.id);
  const sessions = allKnown ? new Map([[known.session.id, known]]) : await findSessionsWithCourses(tx, sessionIds);
  // A course is read on its own only where no session brought it along (self-paced, or a session gone).
  const courses = await findCourses(tx, rows.filter((r) => !(r.sessionId && sessions.has(r.sessionId))).map((r) => r.courseId).filter((id): id is string => !!id));
  // Seats given for every row (a crowd's, each as its own arrival left them) need no count.
  const seats = items.every((i) => i.seats || !i.row.sessionId) ? new Map<string, Seats>() : await countSeats(tx, [...sessions.values()].map((s) => s.session));
  const waitlisted = rows.filter((r) => r.state === 'waitlisted' && r.sessionId).map((r) => r.sessionId!);
  const ranks = await waitlistRanks(tx, waitlisted);
  const ids = rows.map((r) => r.id);
  const audience = await loadAudience(tx, ids);
  const names = await peopleRefs(tx, [...rows.flatMap((r) => [r.personId, r.appliedBy, r.decidedBy]), ...audience.peopleIds]);
  const successors = await tx
    .select({ id: enrolments.id, replaces: enrolments.replacesEnrolmentId, redirectedFrom: enrolments.redirectedFromEnrolmentId })
    .from(enrolments)
    .where(or(inArray(enrolments.replacesEnrolmentId, ids), inArray(enrolments.redirectedFromEnrolmentId, ids)));
  const replacedBy = new Map(successors.filter((r) => r.replaces).map((r) => [r.replaces!, r.id]));
  const redirectedTo = new Map(successors.filter((r) => r.redirectedFrom).map((r) => [r.redirectedFrom!, r.id]));
  // Whom each actor manages among the rows they see (no query for one's own rows).
  const managedBy = new Map<string, Set<string>>();
  for (const { actor } of items) {
    if (managedBy.has(actor.id)) continue;
    const theirs = items.filter((i) => i.actor.id === actor.id).map((i) => i.row.personId);
    managedBy.set(actor.id, runsEnrolments(actor) ? new Set<string>() : await managedAmong(tx, actor.id, theirs));
  }

  return items.map(({ actor, row, now, seats: seatsThen }) => {
    const staff = runsEnrolments(actor);
    const managed = managedBy.get(actor.id)!;
    const found = row.sessionId ? sessions.get(row.sessionId) : undefined;
    const course: CourseRow | undefined = found?.course ?? (row.courseId ? courses.get(row.courseId) : undefined);
    const session = found?.session;
    const relation: Relation = { self: row.personId === actor.id, manager: managed.has(row.personId), staff, instructor: !!session && session.instructorId === actor.id };
    const person = names.get(row.personId) ?? { id: row.personId, name: 'Unknown', jobTitle: '' };
    const ref = (id: string | null) => (id ? { id, name: names.get(id)?.name ?? 'Unknown' } : null);
    const open = sessionAhead(session, now) && session?.status !== 'cancelled';
    return {
      id: row.id,
      state: row.state,
      origin: row.origin,
      position: row.position,
      waitlistPosition: ranks.get(row.id) ?? null,
      person,
      appliedBy: ref(row.appliedBy),
      appliedAt: row.appliedAt.toISOString(),
      note: row.note,
      approval: row.approvalBy ? { by: row.approvalBy, decidedBy: ref(row.decidedBy), decidedAt: iso(row.decidedAt), note: row.decisionNote } : null,
      replacesEnrolmentId: row.replacesEnrolmentId,
      replacedByEnrolmentId: replacedBy.get(row.id) ?? null,
      redirectedFromEnrolmentId: row.redirectedFromEnrolmentId,
      redirectedToEnrolmentId: redirectedTo.get(row.id) ?? null,
      confirmedAt: iso(row.confirmedAt),
      cancelledAt: iso(row.cancelledAt),
      cancellationReason: row.cancellationReason,
      course: course ? { id: course.id, code: course.code, title: course.title, format: course.format } : { id: row.courseId ?? row.id, code: '', title: 'Unknown course', format: 'classroom' as const },
      session: session ? sessionSummary(session, staff || (relation.self && row.state === 'confirmed')) : null,
      seats: session ? (seatsThen ?? seats.get(session.id) ?? null) : null,
      audience: audienceViewOf(audience, row.id, ref, relation.staff || relation.manager || relation.instructor),
      allowed: {
        cancel: actsFor(relation) && isLive(row.state) && sessionAhead(session, now),
        substitute: actsFor(relation) && row.state === 'confirmed' && !!session && open,
        decide: decides(relation, row) && row.state === 'pending_approval' && open,
        redirect: relation.staff && isLive(row.state) && !!session && sessionAhead(session, now),
        answer: (relation.self || relation.staff) && isLive(row.state) && !!session && open,
      },
    };
  });
}

export async function enrolmentViewById(tx: DbOrTx, actor: Actor, id: string, now: Date): Promise<EnrolmentView> {
  const [row] = await tx.select().from(enrolments).where(eq(enrolments.id, id));
  return (await enrolmentViews(tx, actor, [row!], now))[0]!;
}

/** One enrolment with its history, oldest first. */
export async function enrolmentDetail(tx: DbOrTx, actor: Actor, row: EnrolmentRow, now: Date): Promise<EnrolmentDetailView> {
  const [view] = await enrolmentViews(tx, actor, [row], now);
  const events = await tx.select().from(enrolmentEvents).where(eq(enrolmentEvents.enrolmentId, row.id)).orderBy(asc(enrolmentEvents.id));
  const names = await peopleRefs(tx, events.map((e) => e.actorId));
  return {
    ...view!,
    history: events.map((e) => ({
      id: Number(e.id),
      type: e.type,
      fromState: e.fromState,
      toState: e.toState,
      at: e.at.toISOString(),
      actor: e.actorId ? { id: e.actorId, name: names.get(e.actorId)?.name ?? 'Unknown' } : null,
      note: e.note,
    })),
  };
}
