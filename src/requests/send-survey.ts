import { and, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor';
import type { Db, DbOrTx } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import { AppError } from '../platform/http/app-error';
import { recordAudit } from '../platform/audit/record-audit';
import { enqueueMail } from '../platform/mail/enqueue-mail';
import { hashToken, newToken } from '../platform/auth/tokens';
import { findPersonById } from '../people/find-people';
import type { RequestView } from './request-schemas';
import type { SurveyInput } from './survey-schemas';
import { SURVEY_OPEN_DAYS } from './survey-schemas';
import { referenceOf, requestView, type RequestRow } from './read-request';
import { lockRequest } from './lock-request';
import { refuseUnlessWorker } from './request-work';
import { recordRequestEvent } from './record-request-event';
import { requestSurveyInvites } from './schema';

/** While the causes are still being weighed: after the recommendation is accepted the voices come too late. */
export const surveyStates = ['triaged', 'diagnosing', 'recommended', 'discussing'] as const;

/**
 * RQ-4: whoever works the request asks a sample of the affected audience the short questionnaire.
 * Each person gets a single-use link (only its SHA-256 is stored) by mail, queued in the same
 * transaction; a person is asked once per request.
 */
export async function sendSurvey(deps: { db: Db; clock: Clock; publicUrl: string }, actor: Actor, id: string, input: SurveyInput): Promise<RequestView> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const row = await lockRequest(tx, actor, id, surveyStates, 'surveyed');
    refuseUnlessWorker(actor, row);
    const asked = await tx.select({ personId: requestSurveyInvites.personId }).from(requestSurveyInvites).where(and(eq(requestSurveyInvites.requestId, id), inArray(requestSurveyInvites.personId, input.personIds)));
    if (asked.length) throw AppError.invalid([{ field: 'personIds', message: `${asked.length === 1 ? 'One of them was' : `${asked.length} of them were`} asked already; each person is asked once per request.` }]);
    const people = await Promise.all(input.personIds.map((pid) => findPersonById(tx, pid)));
    const missing = people.flatMap((p, i) => (!p?.active ? [i] : []));
    if (missing.length) throw AppError.invalid(missing.map((i) => ({ field: `personIds.${i}`, message: 'Choose someone who works here now.' })));
    const owner = await findPersonById(tx, actor.id);
    for (const person of people) {
      const token = newToken();
      await tx.insert(requestSurveyInvites).values({ requestId: id, personId: person!.id, tokenHash: hashToken(token), sentAt: now });
      await mailInvite(tx, deps.publicUrl, row, { id: person!.id, email: person!.email, name: person!.name }, owner?.name ?? 'The training unit', input.note, token);
    }
    await recordRequestEvent(tx, { requestId: id, type: 'survey_sent', actorId: actor.id, at: now, note: input.note || null, details: { asked: people.length } });
    await recordAudit(tx, { actorId: actor.id, action: 'training_request.survey_sent', entity: 'training_request', entityId: id, before: null, after: { personIds: input.personIds, note: input.note } });
    return requestView(tx, actor, row, now);
  });
}

async function mailInvite(tx: DbOrTx, publicUrl: string, r: RequestRow, to: { id: string; email: string; name: string }, askedBy: string, note: string, token: string): Promise<void> {
  await enqueueMail(tx, {
    to: { email: to.email, name: to.name },
    subject: `Five minutes on your work: ${r.title}`,
    body:
      `Hello ${to.name},\n\n${askedBy} of the training unit is looking into “${r.title}” (${referenceOf(r.number)}) and would like to hear from the people who do the work before anything is decided.` +
      `${note ? `\n\n${note}` : ''}\n\nFour short questions: what gets in the way, what would help, how confident you feel today, and the reason closest to your experience. ` +
      `Your answers are read by the training unit without your name; the person who asked for help reads only the unit’s summary.\n\nThe link works once, for ${SURVEY_OPEN_DAYS} days, without signing in.`,
    links: [{ label: 'Answer the questions', url: `${publicUrl}/request-survey/${token}` }],
    idempotencyKey: `training-request:${r.id}:survey:${to.id}`,
  });
}
