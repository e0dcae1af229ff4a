import { hashToken, newToken } from '../platform/auth/tokens';
import type { DbOrTx } from '../platform/db/database';
import type { EnrolmentContext } from './enrolment-context';
import { mailApprovalRequest, type Enrolled, type Recipient } from './enrolment-mails';
import { enrolmentApprovalTokens } from './schema';

/** How long an approval link works, at most; never past the session's start. */
export const APPROVAL_LINK_DAYS = 14;

/**
 * Asks the learner's manager to decide by mail (CA-3): a random token, stored only as its hash,
 * good once and until it expires, behind an Approve and a Decline link. Same transaction as the
 * application: no mail for an application that rolled back.
 */
export async function requestSupervisorApproval(tx: DbOrTx, ctx: EnrolmentContext, e: Enrolled, manager: Recipient & { id: string }, replacing?: string): Promise<void> {
  if (ctx.quiet) return; // no mail, so no link: the supervisor decides in Stride
  const token = newToken();
  const limit = ctx.now.getTime() + APPROVAL_LINK_DAYS * 86_400_000;
  const expiresAt = new Date(e.session ? Math.min(limit, e.session.startsAt.getTime()) : limit);
  await tx.insert(enrolmentApprovalTokens).values({ tokenHash: hashToken(token), enrolmentId: e.enrolment.id, approverId: manager.id, expiresAt, createdAt: ctx.now });
  await mailApprovalRequest(tx, ctx, e, manager, { token, expiresAt, ...(replacing ? { replacing } : {}) });
}
