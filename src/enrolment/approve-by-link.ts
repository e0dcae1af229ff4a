import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Clock } from '../platform/clock';
import type { DbOrTx } from '../platform/db/database';
import { AppError } from '../platform/http/app-error';
import { hashToken } from '../platform/auth/tokens';
import { isInManagementChain } from '../people/find-people';
import { findSessionsWithCourses, lockSession } from '../catalog/sessions-for-enrolment';
import { toLocalDateTime } from '../catalog/zoned-time';
import { contextOf, writeEnrolment, type EnrolmentDeps } from './enrolment-context';
import { findEnrollee } from './enrolment-people';
import { describeInstant } from './enrolment-mails';
import type { ApprovalLinkView, ApprovalOutcomeView, DecisionInput } from './enrolment-schemas';
import { decide } from './decide-application';
import { waitlistRanks } from './seats';
import { enrolmentApprovalTokens, enrolments } from './schema';
import { loadAudience } from './audience-views';
import { fitRuleLabels } from './audience-values';

// The Approve / Decline links in a supervisor's mail (CA-3) open a page that shows what is being
// decided and posts the decision: no sign-in, so the token is the credential. It is random
// (256 bits), stored only as its hash, good once and until it expires; the page shows the learner's
// name, the course and the session's time, nothing more of anyone.

type TokenRow = typeof enrolmentApprovalTokens.$inferSelect;
type EnrolmentRow = typeof enrolments.$inferSelect;

const outcomeWords: Record<string, string> = { confirmed: 'approved', waitlisted: 'approved', declined: 'declined', cancelled: 'withdrawn or cancelled' };

/** The token's row and its enrolment, or the reason the link no longer works (404 unknown, 409 used / expired / decided). */
async function usableLink(tx: DbOrTx, token: string, now: Date): Promise<{ link: TokenRow; enrolment: EnrolmentRow }> {
  const [link] = await tx.select().from(enrolmentApprovalTokens).where(eq(enrolmentApprovalTokens.tokenHash, hashToken(token)));
  if (!link) throw AppError.notFound('This approval link');
  const [enrolment] = await tx.select().from(enrolments).where(eq(enrolments.id, link.enrolmentId));
  if (!enrolment) throw AppError.notFound('This approval link');
  if (link.usedAt) {
    throw new AppError('conflict', `This link was already used: the application was ${outcomeWords[enrolment.state] ?? 'decided'}. Each approval link works once.`);
  }
  if (enrolment.state !== 'pending_approval') {
    throw new AppError('conflict', `This application is no longer waiting for a decision: it was ${outcomeWords[enrolment.state] ?? 'decided'} in Stride.`);
  }
  if (link.expiresAt <= now) {
    throw new AppError('conflict', `This link expired on ${describeInstant(link.expiresAt, 'UTC')}. Sign in to Stride to approve or decline the application.`);
  }
  return { link, enrolment };
}

async function whatIsDecided(tx: DbOrTx, enrolment: EnrolmentRow): Promise<Pick<ApprovalLinkView, 'learnerName' | 'course' | 'session'>> {
  const learner = await findEnrollee(tx, enrolment.personId);
  const found = (await findSessionsWithCourses(tx, [enrolment.sessionId!])).get(enrolment.sessionId!);
  if (!learner || !found) throw AppError.notFound('This approval link');
  const { session, course } = found;
  return {
    learnerName: learner.name,
    course: { code: course.code, title: course.title },
    session: {
      startsAt: session.startsAt.toISOString(),
      endsAt: session.endsAt.toISOString(),
      timeZone: session.timeZone,
      startsLocal: toLocalDateTime(session.startsAt, session.timeZone),
      endsLocal: toLocalDateTime(session.endsAt, session.timeZone),
    },
  };
}

/**
 * What the link decides, for the page it opens, with the fit check's flags by name (CA-4) — not the
 * learner's answers, which stay behind a sign-in. Reads only: opening the page spends nothing.
 */
export async function readApprovalLink(db: DbOrTx, clock: Clock, token: string): Promise<ApprovalLinkView> {
  const { link, enrolment } = await usableLink(db, token, clock.now());
  const flags = (await loadAudience(db, [enrolment.id])).flags.get(enrolment.id) ?? [];
  return {
    ...(await whatIsDecided(db, enrolment)),
    substitution: !!enrolment.replacesEnrolmentId,
    flags: flags.map((f) => ({ rule: f.rule, label: fitRuleLabels[f.rule] })),
    expiresAt: link.expiresAt.toISOString(),
  };
}

/** The supervisor's decision through the link: spends the token and decides, in one transaction. */
export async function decideByLink(deps: EnrolmentDeps, token: string, input: DecisionInput): Promise<ApprovalOutcomeView> {
  const now = deps.clock.now();
  return writeEnrolment(deps.db, async (tx) => {
    const first = await usableLink(tx, token, now);
    const target = await lockSession(tx, first.enrolment.sessionId!);
    if (!target) throw AppError.notFound('This approval link');
    // Read again under the session's lock, which every decision takes: a double click, the same
    // link in two tabs, or a decision made in Stride meanwhile is seen now, with its own message.
    const { link, enrolment } = await usableLink(tx, token, now);
    const [spent] = await tx
      .update(enrolmentApprovalTokens)
      .set({ usedAt: now })
      .where(and(eq(enrolmentApprovalTokens.tokenHash, link.tokenHash), isNull(enrolmentApprovalTokens.usedAt), gt(enrolmentApprovalTokens.expiresAt, now)))
      .returning();
    if (!spent) throw new AppError('conflict', 'This link was already used. Each approval link works once.');
    const approver = await findEnrollee(tx, spent.approverId);
    if (!approver?.active || !(await isInManagementChain(tx, approver.id, enrolment.personId))) {
      throw new AppError('conflict', 'The organization chart has changed since this link was sent: you are no longer this learner’s supervisor in Stride. Ask the training unit if this is wrong.');
    }
    const ctx = { ...contextOf(deps, approver), now };
    const decided = await decide(tx, ctx, target, enrolment, input.decision, input.note || null, input.expectations);
    const rank = decided.state === 'waitlisted' ? ((await waitlistRanks(tx, [target.session.id])).get(decided.id) ?? null) : null;
    const message =
      input.decision === 'decline'
        ? 'Declined. The learner has been told, with your note if you left one.'
        : decided.state === 'confirmed'
          ? 'Approved: the place is confirmed and the learner has been told.'
          : `Approved. The session is full, so the learner is number ${rank} on the waitlist and gets the next free seat in turn; they have been told.`;
    return { ...(await whatIsDecided(tx, decided)), decision: input.decision, state: decided.state, waitlistPosition: rank, message };
  });
}
