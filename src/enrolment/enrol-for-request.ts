import { inArray } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor';
import type { Tx, DbOrTx } from '../platform/db/database';
import { AppError } from '../platform/http/app-error';
import { contextOf, type EnrolmentDeps } from './enrolment-context';
import { lockVisibleSession } from './enrolment-access';
import { findEnrollee } from './enrolment-people';
import { enrolInSession } from './place-in-session';
import { assertOpen } from './session-openness';
import { approvalForNomination } from './approval-rules';
import type { EnrolmentState } from './enrolment-values';
import { enrolments } from './schema';

/**
 * RQ-6: the training unit enrols the people a request's accepted recommendation names, in a
 * session of the recommended course. The requests capability has checked that the actor works
 * the request (the consultant, who does not otherwise run enrolments); here every seat rule holds
 * as for a coordinator's nomination — the session open to the unit, seats then the waitlist, one
 * place per person — and the requester's acceptance stands for the approval a coordinator gives.
 * Runs in the caller's transaction: the request records the enrolments with them, or neither.
 */
export async function enrolForRequest(tx: Tx, deps: EnrolmentDeps, actor: Actor, input: { sessionId: string; courseId: string; personIds: string[]; note: string }): Promise<string[]> {
  const ctx = contextOf(deps, actor);
  const wrongSession = () => AppError.invalid([{ field: 'sessionId', message: 'Choose a session of the recommended course.' }]);
  const target = await lockVisibleSession(tx, actor, input.sessionId).catch((error: unknown) => {
    throw error instanceof AppError && error.code === 'not_found' ? wrongSession() : error;
  });
  if (target.course.id !== input.courseId) throw wrongSession();
  await assertOpen(tx, target, ctx.now, 'coordinator');
  const ids: string[] = [];
  for (const [i, personId] of input.personIds.entries()) {
    const person = await findEnrollee(tx, personId);
    if (!person?.active) throw AppError.invalid([{ field: `personIds.${i}`, message: 'Choose someone who works here now.' }]);
    try {
      const row = await enrolInSession(tx, ctx, target, { person, origin: 'coordinator', note: input.note || null, approvalBy: approvalForNomination(target.session.approvalMode, 'coordinator') });
      ids.push(row.id);
    } catch (error) {
      if (error instanceof AppError && error.code === 'conflict') throw AppError.invalid([{ field: `personIds.${i}`, message: error.message }]);
      throw error;
    }
  }
  return ids;
}

/** Where the enrolments a request made stand now (confirmed, waitlisted, completed, cancelled…). */
export async function enrolmentStates(tx: DbOrTx, ids: readonly string[]): Promise<Map<string, { personId: string; sessionId: string | null; state: EnrolmentState }>> {
  if (!ids.length) return new Map();
  const rows = await tx.select({ id: enrolments.id, personId: enrolments.personId, sessionId: enrolments.sessionId, state: enrolments.state }).from(enrolments).where(inArray(enrolments.id, [...ids]));
  return new Map(rows.map((r) => [r.id, { personId: r.personId, sessionId: r.sessionId, state: r.state }]));
}
