import type { DbOrTx } from '../platform/db/database';
import { AppError } from '../platform/http/app-error';
import { getUnitSettings } from '../platform/settings/unit-settings';
import type { LockedSession } from './enrolment-context';
import { describeInstant } from './enrolment-mails';

/**
 * Why a session takes no application from this caller now, or null when it does (CA-3).
 * Applicants and supervisors stop at the enrolment deadline; the unit's coordinators may still add
 * someone until the session is over (a late joiner on the first morning). Nobody enrols in a
 * cancelled session.
 */
export function whyClosed(target: LockedSession, now: Date, by: 'applicant' | 'coordinator'): string | null {
  const { session } = target;
  if (session.status === 'cancelled') return `This session was cancelled${session.cancellationReason ? ` (${session.cancellationReason})` : ''}; choose another session of the course.`;
  if (session.endsAt <= now) return 'This session is over.';
  if (by === 'coordinator') return null;
  if (session.startsAt <= now) return 'This session has started; applications are closed.';
  if (session.enrolmentDeadline < now) return `The enrolment deadline for this session passed on ${describeInstant(session.enrolmentDeadline, session.timeZone)}.`;
  return null;
}

/** Refuses with 409 and the reason, pointing late applicants to the coordinators who can still add them. */
export async function assertOpen(tx: DbOrTx, target: LockedSession, now: Date, by: 'applicant' | 'coordinator', whom = 'you'): Promise<void> {
  const reason = whyClosed(target, now, by);
  if (!reason) return;
  const late = by === 'applicant' && target.session.status === 'scheduled' && target.session.startsAt > now;
  if (!late) throw new AppError('conflict', reason);
  const unit = await getUnitSettings(tx);
  throw new AppError('conflict', `${reason} The training unit’s coordinators can still add ${whom}: write to ${unit.contactEmail} or call ${unit.contactPhone}.`);
}
