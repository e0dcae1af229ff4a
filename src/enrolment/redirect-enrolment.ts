import { eq } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor';
import { AppError } from '../platform/http/app-error';
import { findSessionsWithCourses, lockSession } from '../catalog/sessions-for-enrolment';
import { contextOf, writeEnrolment, type EnrolmentDeps, type LockedSession } from './enrolment-context';
import { notFound, relationTo, sees } from './enrolment-access';
import { moveEnrolment } from './enrolment-history';
import { mailRedirected } from './enrolment-mails';
import { findEnrollee } from './enrolment-people';
import type { EnrolmentView } from './enrolment-schemas';
import type { RedirectInput } from './audience-schemas';
import { runsEnrolments } from './enrolment-staff';
import { enrolmentViews } from './enrolment-view';
import { isLive } from './enrolment-values';
import { approvalForNomination } from './approval-rules';
import { carriedAudience } from './audience-fit';
import { enrolInSession, fillFreeSeats } from './place-in-session';
import { countSeatsLocked, waitlistRanks } from './seats';
import { enrolments } from './schema';

const field = (message: string) => AppError.invalid([{ field: 'toSessionId', message }], message);

/**
 * A coordinator moves an applicant to a better offering (CA-4), in one transaction: the place here
 * ends (a freed seat goes to the waitlist, as a cancellation's does) and a new enrolment there
 * begins, by the target session's rules, with the coordinator's move as the coordinator's approval
 * (decision 014) — a seat, or the waitlist. The answers and expectations go along and the fit is
 * checked against the new course. The learner and their supervisor are mailed the coordinator's
 * reason with both offerings. The target may be another course's session, if it is published,
 * scheduled and not yet started.
 */
export async function redirectEnrolment(deps: EnrolmentDeps, actor: Actor, id: string, input: RedirectInput): Promise<EnrolmentView> {
  const ctx = contextOf(deps, actor);
  return writeEnrolment(deps.db, async (tx) => {
    const [found] = await tx.select({ sessionId: enrolments.sessionId, personId: enrolments.personId }).from(enrolments).where(eq(enrolments.id, id));
    if (!found) throw notFound();
    if (!runsEnrolments(actor)) {
      const session = found.sessionId ? ((await findSessionsWithCourses(tx, [found.sessionId])).get(found.sessionId)?.session ?? null) : null;
      if (!sees(await relationTo(tx, actor, found.personId, session))) throw notFound();
      throw AppError.forbidden('Only the training unit’s coordinators move someone to another offering.');
    }
    if (!found.sessionId) throw new AppError('conflict', 'A self-paced course enrolment has no session to move from; enrol the person in the session directly.');
    if (input.toSessionId === found.sessionId) throw field('They are already in this session; choose another one to move them to.');

    // Both sessions' row locks, in id order: two moves crossing between the same two sessions queue
    // on the first lock instead of deadlocking.
    const locked = new Map<string, LockedSession | undefined>();
    for (const sessionId of [found.sessionId, input.toSessionId].sort()) locked.set(sessionId, await lockSession(tx, sessionId));
    const source = locked.get(found.sessionId);
    const target = locked.get(input.toSessionId);
    const [row] = await tx.select().from(enrolments).where(eq(enrolments.id, id));
    if (!source || !row) throw notFound();

    if (!isLive(row.state)) throw new AppError('conflict', `This enrolment is already ${row.state === 'declined' ? 'declined' : 'cancelled'}; there is nobody to move.`);
    if (source.session.startsAt <= ctx.now) throw new AppError('conflict', 'This session has started; the person can no longer be moved from it.');
    if (!target) throw field('There is no such session; choose one from the catalog.');
    if (target.course.status !== 'published') throw field(`${target.course.title} (${target.course.code}) is not published in the catalog; choose a session of a published course.`);
    if (target.session.status === 'cancelled') throw field('That session was cancelled; choose another one.');
    if (target.session.startsAt <= ctx.now) throw field('That session has started; choose one that is still ahead.');
    const person = await findEnrollee(tx, row.personId);
    if (!person) throw new AppError('internal', 'An enrolment names a person who does not exist.');
    if ((await countSeatsLocked(tx, target.session, person.id)).personHasLive) {
      const message = `${person.name} already has a place in that session (or an application waiting).`;
      throw new AppError('conflict', message, { fields: [{ field: 'toSessionId', message }] });
    }

    const moved = await enrolInSession(tx, ctx, target, {
      person,
      origin: 'coordinator',
      note: row.note,
      approvalBy: approvalForNomination(target.session.approvalMode, 'coordinator'),
      audience: await carriedAudience(tx, row, target.course.id === source.course.id),
      redirectedFrom: row.id,
    });
    const reason = `Moved by ${actor.name} to ${target.course.title} (${target.course.code}).`;
    const ended = await moveEnrolment(
      tx,
      ctx,
      row,
      'cancelled',
      { cancelledAt: ctx.now, cancelledBy: actor.id, cancellationReason: reason },
      { type: 'redirected', note: input.message, details: { toSessionId: target.session.id, toCourseId: target.course.id, toEnrolmentId: moved.id } },
    );
    if (row.state === 'confirmed') await fillFreeSeats(tx, ctx, source);

    const rank = moved.state === 'waitlisted' ? ((await waitlistRanks(tx, [target.session.id])).get(moved.id) ?? null) : null;
    const recipient = { name: person.name, email: person.email };
    const supervisor = person.manager?.active ? person.manager : null;
    await mailRedirected(
      tx,
      ctx,
      { enrolment: ended, person: recipient, course: source.course, session: source.session },
      { enrolment: moved, person: recipient, course: target.course, session: target.session },
      { by: actor.name, message: input.message, waitlistRank: rank },
      supervisor,
    );
    return (await enrolmentViews(tx, actor, [moved], ctx.now))[0]!;
  });
}
