import { and, asc, eq, inArray } from 'drizzle-orm';
import type { SessionChangeListener } from '../catalog/session-changes';
import { AppError } from '../platform/http/app-error';
import type { EnrolmentContext } from './enrolment-context';
import { moveEnrolment } from './enrolment-history';
import { changesTheInvitation, mailSessionCancelled, mailSessionChanged } from './enrolment-mails';
import { findEnrollee } from './enrolment-people';
import { fillFreeSeats } from './place-in-session';
import { enrolments } from './schema';

const live = ['pending_approval', 'confirmed', 'waitlisted'] as const;

/**
 * What a change to a session means for the people in it (CA-3, CA-5), in the transaction of the
 * change, under its lock on the session:
 * - a new time, place or join link: every confirmed learner gets the updated invitation;
 * - more seats: the waitlist moves up;
 * - cancelled: every live enrolment ends with a notice, and a held seat leaves the calendar.
 */
export function followSessionChanges(publicUrl: string): SessionChangeListener {
  return async (tx, change) => {
    const ctx: EnrolmentContext = { now: change.now, actorId: change.actor.id, actorName: change.actor.name, publicUrl };
    const { session, course } = change;
    const rows = await tx
      .select()
      .from(enrolments)
      .where(and(eq(enrolments.sessionId, session.id), inArray(enrolments.state, [...live])))
      .orderBy(asc(enrolments.position));
    const enrolled = async (row: (typeof rows)[number]) => {
      const person = await findEnrollee(tx, row.personId);
      if (!person) throw new AppError('internal', 'An enrolment names a person who does not exist.');
      return { person: { name: person.name, email: person.email }, course, session };
    };

    if (change.kind === 'cancelled') {
      const reason = session.cancellationReason;
      for (const row of rows) {
        const ended = await moveEnrolment(tx, ctx, row, 'cancelled', { cancelledAt: ctx.now, cancelledBy: ctx.actorId, cancellationReason: reason ?? 'The session was cancelled.' }, { type: 'cancelled', note: reason, details: { sessionCancelled: true } });
        await mailSessionCancelled(tx, ctx, { ...(await enrolled(row)), enrolment: ended }, row.state === 'confirmed', reason);
      }
      return;
    }

    if (changesTheInvitation(change.changed)) {
      for (const row of rows.filter((r) => r.state === 'confirmed')) await mailSessionChanged(tx, ctx, { ...(await enrolled(row)), enrolment: row }, change.changed);
    }
    if (change.changed.includes('capacity')) await fillFreeSeats(tx, ctx, { session, course });
  };
}
