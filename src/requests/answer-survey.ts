import { eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import { AppError } from '../platform/http/app-error';
import { hashToken } from '../platform/auth/tokens';
import { recordAudit } from '../platform/audit/record-audit';
import { findPersonById } from '../people/find-people';
import type { SurveyAnswerInput, SurveyFormView } from './survey-schemas';
import { surveyClosesAt as closesAt } from './survey-schemas';
import { findRequest } from './read-request';
import { requestSurveyInvites } from './schema';

// RQ-4: the questionnaire behind the mailed link, without signing in (the token is the credential).
// Reading spends nothing (a mail scanner may follow the link); answering is once, while open.

type InviteRow = typeof requestSurveyInvites.$inferSelect;

async function findInvite(tx: DbOrTx, token: string, lock = false): Promise<InviteRow> {
  const query = tx.select().from(requestSurveyInvites).where(eq(requestSurveyInvites.tokenHash, hashToken(token)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new AppError('not_found', 'This questionnaire link is not known: open it again from the mail, whole, or ask the training unit for a new one.');
  return row;
}

const stateOf = (row: InviteRow, now: Date) => (row.answeredAt ? 'answered' : closesAt(row.sentAt) <= now ? 'closed' : 'open');

export async function readSurvey(db: DbOrTx, token: string, now: Date): Promise<SurveyFormView> {
  const invite = await findInvite(db, token);
  const request = await findRequest(db, invite.requestId);
  if (!request) throw AppError.notFound('This questionnaire');
  const [person, owner] = await Promise.all([findPersonById(db, invite.personId), request.ownerId ? findPersonById(db, request.ownerId) : undefined]);
  return {
    requestTitle: request.title,
    personName: person?.name ?? '',
    askedBy: owner?.name ?? 'The training unit',
    state: stateOf(invite, now),
    closesAt: closesAt(invite.sentAt).toISOString(),
    answeredAt: invite.answeredAt?.toISOString() ?? null,
  };
}

export async function answerSurvey(db: Db, clock: Clock, token: string, input: SurveyAnswerInput): Promise<{ answeredAt: string }> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const invite = await findInvite(tx, token, true);
    const state = stateOf(invite, now);
    if (state === 'answered') throw new AppError('conflict', 'These questions were answered already, with this link; thank you.');
    if (state === 'closed') throw new AppError('conflict', `This questionnaire closed on ${closesAt(invite.sentAt).toISOString().slice(0, 10)}; the training unit has moved on with the answers it had.`);
    await tx.update(requestSurveyInvites).set({ answeredAt: now, answers: input }).where(eq(requestSurveyInvites.id, invite.id));
    // The audit names the invite, not the answers: they are read only in aggregate.
    await recordAudit(tx, { actorId: invite.personId, action: 'training_request.survey_answered', entity: 'training_request', entityId: invite.requestId, before: null, after: { inviteId: invite.id } });
    return { answeredAt: now.toISOString() };
  });
}
